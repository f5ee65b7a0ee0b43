import type { PolicyGrant } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<PolicyGrant>({
  id: "MAM-AWS-191",
  title: "IAM user has an inline policy",
  severity: "low",
  description:
    "A policy is embedded in an IAM user (`aws_iam_user_policy`, a user's `Policies`, or an `AWS::IAM::Policy` " +
    "listing `Users`). Inline user policies are invisible in the list of managed policies, cannot be reused or " +
    "versioned, and disappear from reviews that look at groups and roles; they are the usual place where forgotten " +
    "broad permissions live.",
  appliesTo: "aws.iam.PolicyGrant",
  references: { checkov: "CKV_AWS_40" },
  compliance: [{ framework: "cis-aws-3.0", control: "1.15" }],
  remediation: {
    text: "Turn the inline policy into a managed policy attached to a group the user belongs to.",
    fix: 'resource "aws_iam_group_policy_attachment" "deployers" {\n  group      = aws_iam_group.deployers.name\n  policy_arn = aws_iam_policy.deploy.arn\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_iam_user_policy" "ci" {
  name = "ci-deploy"
  user = aws_iam_user.ci.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "arn:aws:s3:::storefront-assets/*" }]
  })
}`,
      ],
      good: [
        `resource "aws_iam_group_policy" "deployers" {
  name  = "deploy"
  group = aws_iam_group.deployers.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "arn:aws:s3:::storefront-assets/*" }]
  })
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
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:PutObject
                Resource: arn:aws:s3:::storefront-assets/*`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Deployers:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:PutObject
                Resource: arn:aws:s3:::storefront-assets/*`,
      ],
    },
  },
  evaluate(g) {
    if (g.principalKind !== "user" || g.kind !== "inline") return undefined;
    return fail(g.range, `${g.address} embeds a policy in user ${g.principal}`, { key: `${g.address} user ${g.principal} inline` });
  },
});
