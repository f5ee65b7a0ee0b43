// `data "google_iam_policy"`: the policy the google provider renders from the data source's
// `binding` and `audit_config` blocks (its `policy_data`), in the JSON shape Google's IAM API uses
// ({ bindings: [{ role, members, condition }], auditConfigs: [...] }), as the same value
// jsonencode() gives, so the `google_*_iam_policy` mappers read it like a jsonencode()d or literal
// policy and findings point at the member's own line in the data source.
import type { TfBlock } from "../terraform-hcl.js";
import { list, object, unknown, type V } from "./value.js";

export const GOOGLE_IAM_POLICY_TYPE = "google_iam_policy";

/** The attribute of the data source that holds the rendered policy. */
export const GOOGLE_IAM_POLICY_OUTPUTS: ReadonlySet<string> = new Set(["policy_data"]);

/** `from` attribute → JSON key, for the attributes of one block that are copied as written. */
type Fields = readonly (readonly [string, string])[];

const CONDITION: Fields = [
  ["title", "title"],
  ["description", "description"],
  ["expression", "expression"],
];

/** A block's attributes under Google's names; the stand-in of a dynamic block is not known. */
function fields(b: TfBlock, names: Fields, nested: readonly (readonly [string, string, (x: TfBlock) => V])[] = []): V {
  if (b.standIn) return unknown(b.range);
  const out = new Map<string, V>();
  for (const [from, to] of names) {
    const v = b.attrs.get(from);
    if (v) out.set(to, v);
  }
  for (const [type, to, read] of nested) {
    const kids = b.blocks.filter((x) => x.type === type);
    if (kids.length === 0) continue;
    // `condition` is a single block; `audit_log_configs` a list of them.
    out.set(to, type === "condition" ? read(kids[0] as TfBlock) : list(kids.map(read), kids[0]?.range ?? b.range));
  }
  return object(out, b.range);
}

const condition = (b: TfBlock): V => fields(b, CONDITION);
const binding = (b: TfBlock): V =>
  fields(
    b,
    [
      ["role", "role"],
      ["members", "members"],
    ],
    [["condition", "condition", condition]],
  );
const logConfig = (b: TfBlock): V =>
  fields(b, [
    ["log_type", "logType"],
    ["exempted_members", "exemptedMembers"],
  ]);
const auditConfig = (b: TfBlock): V => fields(b, [["service", "service"]], [["audit_log_configs", "auditLogConfigs", logConfig]]);

/** The rendered `policy_data` of one instance of the data source, as jsonencode() would give it. */
export function googleIamPolicyValue(b: TfBlock): V {
  const entries = new Map<string, V>();
  const bindings = b.blocks.filter((x) => x.type === "binding");
  if (bindings.length > 0) entries.set("bindings", list(bindings.map(binding), b.range));
  const audits = b.blocks.filter((x) => x.type === "audit_config");
  if (audits.length > 0) entries.set("auditConfigs", list(audits.map(auditConfig), b.range));
  return { t: "unknown", range: b.range, encoded: object(entries, b.range) };
}
