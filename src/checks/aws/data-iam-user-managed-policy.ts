import type { PolicyGrant } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<PolicyGrant>({
  id: "MAM-AWS-190",
  title: "IAM managed policy is attached directly to a user",
  severity: "low",
  description:
    "A managed policy is attached to an IAM user (`aws_iam_user_policy_attachment`, the `users` of an " +
    "`aws_iam_policy_attachment`, a user's `ManagedPolicyArns`, or an `AWS::IAM::ManagedPolicy` listing `Users`). " +
    "Permissions granted user by user drift apart, are hard to review and tend to survive role changes and " +
    "departures; granting them through groups (or roles) keeps one place to read and revoke them.",
  appliesTo: "aws.iam.PolicyGrant",
  references: { checkov: "CKV_AWS_40", trivy: "AVD-AWS-0143" },
  compliance: [{ framework: "cis-aws-3.0", control: "1.15" }],
  remediation: {
    text: "Attach the policy to a group and make the user a member, or move the workload to a role.",
    fix: 'resource "aws_iam_group_policy_attachment" "deployers" {\n  group      = aws_iam_group.deployers.name\n  policy_arn = aws_iam_policy.deploy.arn\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_iam_user_policy_attachment" "ci" {
  user       = aws_iam_user.ci.name
  policy_arn = aws_iam_policy.deploy.arn
}`,
        `resource "aws_iam_policy_attachment" "deploy" {
  name       = "deploy"
  users      = [aws_iam_user.ci.name]
  groups     = [aws_iam_group.deployers.name]
  policy_arn = aws_iam_policy.deploy.arn
}`,
      ],
      good: [
        `resource "aws_iam_group_policy_attachment" "deployers" {
  group      = aws_iam_group.deployers.name
  policy_arn = aws_iam_policy.deploy.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Ci:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Readers:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
  Ci:
    Type: AWS::IAM::User
    Properties:
      Groups:
        - !Ref Readers`,
      ],
    },
  },
  evaluate(g) {
    if (g.principalKind !== "user" || g.kind !== "managed") return undefined;
    return fail(g.range, `${g.address} attaches a policy directly to user ${g.principal}`, { key: `${g.address} user ${g.principal} managed` });
  },
});
