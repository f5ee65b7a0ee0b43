import type { PasswordPolicy } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

const MIN_REMEMBERED = 24;

export default defineCheck<PasswordPolicy>({
  id: "MAM-AWS-189",
  title: "IAM password policy lets users reuse recent passwords",
  severity: "low",
  description:
    `The account password policy's \`password_reuse_prevention\` is below ${MIN_REMEMBERED} or not written (then any ` +
    "earlier password can be set again). A user told to change a password that leaked can simply switch back to " +
    "it, or alternate between two. CloudFormation has no resource for the account password policy, so only " +
    "Terraform is read.",
  appliesTo: "aws.iam.PasswordPolicy",
  references: { checkov: "CKV_AWS_13" },
  compliance: [{ framework: "cis-aws-3.0", control: "1.9" }],
  remediation: {
    text: `Remember the last ${MIN_REMEMBERED} passwords (the maximum IAM allows).`,
    fix: "password_reuse_prevention = 24",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
}`,
        `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length   = 14
  password_reuse_prevention = 5
}`,
      ],
      good: [
        `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length   = 14
  password_reuse_prevention = 24
}`,
      ],
    },
  },
  evaluate(p) {
    const v = p.reusePrevention;
    const key = `${p.address} reuse`;
    if (!v) return fail(p.range, `${p.address} does not prevent password reuse`, { key });
    if (!v.known || v.value === undefined || v.value >= MIN_REMEMBERED) return undefined;
    return fail(v, `${p.address} remembers only ${v.value} earlier passwords`, { key });
  },
});
