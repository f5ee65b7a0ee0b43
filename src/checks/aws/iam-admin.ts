import type { IamPolicy } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { allows, known } from "./iam.js";

export default defineCheck<IamPolicy>({
  id: "MAM-AWS-010",
  title: "IAM policy grants full administrator access",
  severity: "critical",
  description:
    "A statement allows Action `*` on Resource `*`. Whoever holds the policy can do anything in the account: " +
    "create users and keys, read every secret, delete backups and turn off logging. One leaked credential or one " +
    "compromised workload with this policy is a compromised account.",
  appliesTo: "aws.iam.Policy",
  references: { trivy: "AVD-AWS-0057" },
  compliance: [{ framework: "cis-aws-3.0", control: "1.16" }],
  remediation: {
    text: "List the actions and resources the principal really needs (IAM Access Analyzer can generate a policy from CloudTrail activity). Keep administrator access to a few break-glass roles.",
    fix: 'policy = jsonencode({\n  Version = "2012-10-17"\n  Statement = [{\n    Effect   = "Allow"\n    Action   = ["s3:GetObject", "s3:PutObject"]\n    Resource = "${aws_s3_bucket.assets.arn}/*"\n  }]\n})',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}`,
        `resource "aws_iam_role_policy" "ci" {
  name = "ci"
  role = aws_iam_role.ci.id
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{ "Effect": "Allow", "Action": ["*"], "Resource": ["*"] }]
    }
  JSON
}`,
        `data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "Everything"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = data.aws_iam_policy_document.deploy.json
}`,
      ],
      good: [
        `resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::storefront-assets/*"
    }]
  })
}`,
        `resource "aws_iam_policy" "deny_all" {
  name = "deny-all"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Deny"
      Action   = "*"
      Resource = "*"
    }]
  })
}`,
        `data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "Assets"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::storefront-assets/*"]
  }
}

resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = data.aws_iam_policy_document.deploy.json
}`,
      ],
    },
    cloudformation: {
      bad: [
        `Resources:
  Deploy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: "*"
            Resource: "*"`,
        `{
  "Resources": {
    "CiRole": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [{ "Effect": "Allow", "Principal": { "Service": "codebuild.amazonaws.com" }, "Action": "sts:AssumeRole" }]
        },
        "Policies": [{
          "PolicyName": "ci",
          "PolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Action": ["*"], "Resource": ["*"] }]
          }
        }]
      }
    }
  }
}`,
      ],
      good: [
        `Resources:
  Deploy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [s3:GetObject, s3:PutObject]
            Resource: arn:aws:s3:::storefront-assets/*`,
        `Resources:
  DenyAll:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Action: "*"
            Resource: "*"`,
      ],
    },
  },
  evaluate(p) {
    const out: Violation[] = [];
    for (const s of p.statements) {
      if (!allows(s)) continue;
      const action = known(s.action).find((a) => a.value === "*");
      if (action && known(s.resource).some((r) => r.value === "*")) {
        out.push(fail(action, `${p.address} allows every action on every resource`, { key: `${p.address} *:*` }));
      }
    }
    return out;
  },
});
