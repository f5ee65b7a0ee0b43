// CloudFormation onto the IAM models of the data checks: roles with their trust policy, and every
// way a template grants a policy to a user, role or group (ManagedPolicyArns, Policies, and
// AWS::IAM::Policy / AWS::IAM::ManagedPolicy listing Users, Roles, Groups). There is no
// CloudFormation resource for the account password policy.
import type { IamRole, PolicyGrant } from "../../models/aws-data.js";
import type { IacNode } from "../../models/value.js";
import { policyDocument } from "../tf/aws-data-policy.js";
import { principalText } from "./aws-data-util.js";
import type { CfnIndex, CfnResource } from "./types.js";
import { base, itemsOf, prop, stringOf, unknownVal } from "./util.js";

type Kind = PolicyGrant["principalKind"];

export function roles(index: CfnIndex): IamRole[] {
  return index.ofType("AWS::IAM::Role").map((r) => {
    const trust = prop(r, "AssumeRolePolicyDocument");
    return { ...base(r, "aws.iam.Role"), trustPolicy: trust ? policyDocument(trust) : undefined };
  });
}

function grant(r: CfnResource, principalKind: Kind, principal: string, kind: PolicyGrant["kind"], at: IacNode, arn?: IacNode): PolicyGrant {
  return {
    ...base(r, "aws.iam.PolicyGrant"),
    range: at.range,
    principalKind,
    principal,
    kind,
    policyArn: kind === "managed" ? (arn ? (stringOf(arn) ?? unknownVal(arn.range)) : unknownVal(at.range)) : undefined,
  };
}

const OWNERS: readonly [string, Kind][] = [
  ["AWS::IAM::User", "user"],
  ["AWS::IAM::Role", "role"],
  ["AWS::IAM::Group", "group"],
];

const LISTS: readonly [string, Kind][] = [
  ["Users", "user"],
  ["Roles", "role"],
  ["Groups", "group"],
];

export function policyGrants(index: CfnIndex): PolicyGrant[] {
  const out: PolicyGrant[] = [];
  for (const [type, kind] of OWNERS) {
    for (const r of index.ofType(type)) {
      for (const arn of itemsOf(prop(r, "ManagedPolicyArns"))) out.push(grant(r, kind, r.logicalId, "managed", arn, arn));
      for (const p of itemsOf(prop(r, "Policies"))) out.push(grant(r, kind, r.logicalId, "inline", p));
    }
  }
  for (const [type, kind] of [["AWS::IAM::Policy", "inline"], ["AWS::IAM::ManagedPolicy", "managed"]] as const) {
    for (const r of index.ofType(type)) {
      for (const [attr, principalKind] of LISTS) {
        const list = prop(r, attr);
        // A list that could not be read may be empty: no grant is assumed from it.
        if (list?.t !== "list") continue;
        for (const item of list.items) out.push(grant(r, principalKind, principalText(item), kind, item));
      }
    }
  }
  return out;
}
