import type { IamStatement, TfValue } from "../../models/aws.js";
import { isKnown } from "./util.js";

export function allows(s: IamStatement): boolean {
  return isKnown(s.effect, "Allow");
}

export function known(values: readonly TfValue<string>[]): (TfValue<string> & { value: string })[] {
  return values.filter((v): v is TfValue<string> & { value: string } => isKnown(v));
}
