// Terraform onto the IAM models of the data checks: the account password policy, roles with their
// trust policy, and every way a policy is granted to a user, role or group (attachments, managed
// policy lists, inline policies).
import type { IamRole, PasswordPolicy, PolicyGrant } from "../../models/aws-data.js";
import type { IacNode } from "../../models/value.js";
import { policyDocument } from "./aws-data-policy.js";
import { num, principalText } from "./aws-data-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, itemsOf, stringOf, unknownVal } from "./util.js";

type Kind = PolicyGrant["principalKind"];

export function passwordPolicies(index: TfIndex): PasswordPolicy[] {
  return index.ofType("aws_iam_account_password_policy").map((r) => ({
    ...base(r, "aws.iam.PasswordPolicy"),
    minimumLength: num(r, "minimum_password_length"),
    reusePrevention: num(r, "password_reuse_prevention"),
  }));
}

export function roles(index: TfIndex): IamRole[] {
  return index.ofType("aws_iam_role").map((r) => {
    const trust = r.block.attrs.get("assume_role_policy");
    return { ...base(r, "aws.iam.Role"), trustPolicy: trust ? policyDocument(trust) : undefined };
  });
}

function grant(r: TfResource, principalKind: Kind, principal: IacNode | undefined, kind: PolicyGrant["kind"], range = r.block.range): PolicyGrant {
  const arn = r.block.attrs.get("policy_arn");
  return {
    ...base(r, "aws.iam.PolicyGrant"),
    range,
    principalKind,
    principal: principalText(principal),
    kind,
    policyArn: kind === "managed" ? (arn ? (stringOf(arn) ?? unknownVal(arn.range)) : undefined) : undefined,
  };
}

const SINGLE: readonly [string, Kind, string, PolicyGrant["kind"]][] = [
  ["aws_iam_user_policy_attachment", "user", "user", "managed"],
  ["aws_iam_role_policy_attachment", "role", "role", "managed"],
  ["aws_iam_group_policy_attachment", "group", "group", "managed"],
  ["aws_iam_user_policy", "user", "user", "inline"],
  ["aws_iam_role_policy", "role", "role", "inline"],
  ["aws_iam_group_policy", "group", "group", "inline"],
];

const LISTS: readonly [string, Kind][] = [
  ["users", "user"],
  ["roles", "role"],
  ["groups", "group"],
];

export function policyGrants(index: TfIndex): PolicyGrant[] {
  const out: PolicyGrant[] = [];
  for (const [type, principalKind, attr, kind] of SINGLE) {
    for (const r of index.ofType(type)) out.push(grant(r, principalKind, r.block.attrs.get(attr), kind));
  }
  for (const r of index.ofType("aws_iam_policy_attachment")) {
    for (const [attr, principalKind] of LISTS) {
      // A list that could not be read may be empty: no grant is assumed from it.
      const list = r.block.attrs.get(attr);
      if (list?.t !== "list") continue;
      for (const item of list.items) out.push(grant(r, principalKind, item, "managed", item.range));
    }
  }
  for (const r of index.ofType("aws_iam_role")) {
    for (const item of itemsOf(r.block.attrs.get("managed_policy_arns"))) {
      out.push({ ...base(r, "aws.iam.PolicyGrant"), range: item.range, principalKind: "role", principal: r.address, kind: "managed", policyArn: stringOf(item) ?? unknownVal(item.range) });
    }
  }
  return out;
}
