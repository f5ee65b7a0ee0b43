// Confidential computing on a VM or template: `confidential_instance_config` turns it on with
// `enable_confidential_compute = true`, or by naming a technology in `confidential_instance_type`.
import type { Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import { boolAt, childOf, stringAt } from "./gcp-util.js";
import { unknownVal } from "./util.js";

export function confidentialOf(b: TfBlock): Val<boolean> | undefined {
  const c = childOf(b, "confidential_instance_config");
  if (!c) return undefined;
  if ("unreadable" in c) return unknownVal(c.unreadable);
  const type = stringAt(c.block, "confidential_instance_type");
  if (type && !type.known) return unknownVal(type.range);
  if (type?.value) return { value: true, known: true, range: type.range };
  return boolAt(c.block, "enable_confidential_compute") ?? { value: false, known: true, range: c.block.range };
}
