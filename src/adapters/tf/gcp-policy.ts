// Reading a whole IAM policy (`policy_data` of `google_*_iam_policy`): jsonencode()d, rendered by
// `data "google_iam_policy"` (google-iam-policy.ts), or a JSON string. Each binding grants its role
// to its members; a policy or binding that cannot be read is one grant of an unknown role to an
// unknown member, so checks stay quiet on it.
import type { SourceRange } from "../../checks/types.js";
import type { IamMember } from "../../models/gcp.js";
import type { IacNode, Val } from "../../models/value.js";
import type { TfResource } from "./types.js";
import { stringOf, stringsOf, unknownVal } from "./util.js";
import { fromJson } from "./value.js";

/** One binding of a policy: a role granted to members. */
export interface PolicyBinding {
  role: Val<string>;
  members: Val<string>[];
  range: SourceRange;
}

/** The policy object behind a value, or undefined when it cannot be read. */
function policyNode(n: IacNode): IacNode | undefined {
  if (n.t === "unknown") return n.encoded;
  if (n.t === "prim" && typeof n.value === "string") {
    try {
      return fromJson(JSON.parse(n.value) as unknown, n.range);
    } catch {
      return undefined;
    }
  }
  return n;
}

const unreadable = (range: SourceRange): PolicyBinding => ({ role: unknownVal(range), members: [unknownVal(range)], range });

/** The bindings of a policy value; none when it is absent. */
export function policyBindings(n: IacNode | undefined): PolicyBinding[] {
  if (!n) return [];
  const policy = policyNode(n);
  if (policy?.t !== "object") return [unreadable(n.range)];
  const bindings = policy.entries.get("bindings");
  if (!bindings || (bindings.t === "prim" && bindings.value === null)) return [];
  if (bindings.t !== "list") return [unreadable(bindings.range)];
  return bindings.items.map((b) => {
    if (b.t !== "object") return unreadable(b.range);
    const role = stringOf(b.entries.get("role")) ?? unknownVal<string>(b.range);
    return { role, members: stringsOf(b.entries.get("members")), range: b.range };
  });
}

/** The members an `_iam_policy` resource grants, each with its binding's role. */
export function policyMembers(r: TfResource): IamMember[] {
  return policyBindings(r.block.attrs.get("policy_data")).flatMap((b) => b.members.map((member) => ({ role: b.role, member, via: r.address })));
}
