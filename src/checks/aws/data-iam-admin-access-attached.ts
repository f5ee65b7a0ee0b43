import type { PolicyGrant } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

const ADMIN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

export default defineCheck<PolicyGrant>({
  id: "MAM-AWS-193",
  title: "AWS managed AdministratorAccess policy is attached",
  severity: "high",
  description:
    "The AWS managed `AdministratorAccess` policy (Action `*` on Resource `*`) is attached to a user, group or role, " +
    "through an attachment resource, `managed_policy_arns` or `ManagedPolicyArns`. Whoever holds it can do " +
    "anything in the account, including erasing the evidence; a compromised workload or key with it is a " +
    "compromised account.",
  appliesTo: "aws.iam.PolicyGrant",
  references: { checkov: "CKV_AWS_274" },
  compliance: [{ framework: "cis-aws-3.0", control: "1.16" }],
  remediation: {
    text: "Attach a policy limited to the actions and resources needed (IAM Access Analyzer can generate one from CloudTrail), and keep full administrator access to a few break-glass roles.",
    fix: 'policy_arn = aws_iam_policy.deploy.arn',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "ci_admin" {
  role       = aws_iam_role.ci.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
      ],
      good: [
        `resource "aws_iam_role_policy_attachment" "ci_read" {
  role       = aws_iam_role.ci.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Ci:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: codebuild.amazonaws.com
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AdministratorAccess`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Ci:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: codebuild.amazonaws.com
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess`,
      ],
    },
  },
  evaluate(g) {
    const arn = g.policyArn;
    if (g.kind !== "managed" || !arn?.known || !ADMIN.test(arn.value ?? "")) return undefined;
    return fail(arn, `${g.address} gives ${g.principalKind} ${g.principal} full administrator access`, { key: `${g.address} ${g.principalKind} ${g.principal} admin` });
  },
});
