// Helpers shared by the CloudFormation mappers.
import type { ResourceModel } from "../../checks/types.js";
import type { IacNode } from "../../models/value.js";
import { at } from "../values.js";
import type { CfnIndex, CfnResource } from "./types.js";

export { at, boolOf, isAny, isNumber, isString, itemsOf, numberOf, stringOf, stringsOf, unknownVal, valueOf } from "../values.js";

export function base<T extends string>(r: CfnResource, modelType: T): ResourceModel & { modelType: T; address: string } {
  return { modelType, address: r.address, range: r.range };
}

/** A property by dotted path (`BucketEncryption.ServerSideEncryptionConfiguration`). */
export function prop(r: CfnResource, path: string): IacNode | undefined {
  const [head, ...rest] = path.split(".");
  const top = head === undefined ? undefined : r.properties.get(head);
  return rest.length === 0 ? top : at(top, rest.join("."));
}

/** The logical id a `Ref`/`Fn::GetAtt` value points at, when it points at a resource of `type`. */
export function refTarget(index: CfnIndex, n: IacNode | undefined, type: string): CfnResource | undefined {
  if (n?.t !== "unknown" || !n.ref) return undefined;
  const target = index.byId(n.ref.split(".")[0] ?? "");
  return target?.type === type ? target : undefined;
}

/** Resources of `companion` type whose `via` property refers to `target`. */
export function referring(index: CfnIndex, companion: string, via: string, target: CfnResource): CfnResource[] {
  return index.ofType(companion).filter((c) => refTarget(index, prop(c, via), target.type) === target);
}
