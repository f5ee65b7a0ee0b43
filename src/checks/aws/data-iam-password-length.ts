import type { PasswordPolicy } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

const MIN_LENGTH = 14;

export default defineCheck<PasswordPolicy>({
  id: "MAM-AWS-188",
  title: "IAM password policy allows passwords shorter than 14 characters",
  severity: "medium",
  description:
    `The account password policy's \`minimum_password_length\` is below ${MIN_LENGTH}, or not written (IAM then ` +
    "requires only 6 characters). Length is what makes console passwords resist guessing and offline cracking; " +
    "short passwords are the ones found in breach lists. CloudFormation has no resource for the account password " +
    "policy, so only Terraform is read.",
  appliesTo: "aws.iam.PasswordPolicy",
  references: { checkov: "CKV_AWS_10", trivy: "AVD-AWS-0063" },
  compliance: [{ framework: "cis-aws-3.0", control: "1.8" }],
  remediation: {
    text: `Require at least ${MIN_LENGTH} characters, and prefer federated sign-in (IAM Identity Center) over IAM user passwords.`,
    fix: "minimum_password_length = 14",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 8
  password_reuse_prevention    = 24
  require_uppercase_characters = true
}`,
        `resource "aws_iam_account_password_policy" "strict" {
  password_reuse_prevention = 24
}`,
      ],
      good: [
        `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length   = 16
  password_reuse_prevention = 24
}`,
      ],
    },
  },
  evaluate(p) {
    const v = p.minimumLength;
    const key = `${p.address} min length`;
    if (!v) return fail(p.range, `${p.address} does not set a minimum length (IAM requires 6 characters)`, { key });
    if (!v.known || v.value === undefined || v.value >= MIN_LENGTH) return undefined;
    return fail(v, `${p.address} allows passwords of ${v.value} characters`, { key });
  },
});
