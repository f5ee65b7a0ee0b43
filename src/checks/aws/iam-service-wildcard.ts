import type { IamPolicy } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { allows, known } from "./iam.js";

const SERVICE_WILDCARD = /^[a-z0-9-]+:\*$/i;

export default defineCheck<IamPolicy>({
  id: "MAM-AWS-011",
  title: "IAM policy allows every action of a service",
  severity: "medium",
  description:
    "A statement allows an action such as `s3:*` or `iam:*`. Service wildcards grant far more than any workload " +
    "uses, including the destructive and the permission-changing actions (deleting buckets, editing their policies, " +
    "creating IAM users), and silently grow whenever AWS adds an action to the service.",
  appliesTo: "aws.iam.Policy",
  references: { trivy: "AVD-AWS-0057" },
  remediation: {
    text: "Replace the wildcard with the actions the principal uses.",
    fix: 'Action = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_iam_user_policy" "uploader" {
  name = "uploader"
  user = aws_iam_user.uploader.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*"]
      Resource = "arn:aws:s3:::storefront-uploads/*"
    }]
  })
}`,
      ],
      good: [
        `resource "aws_iam_user_policy" "uploader" {
  name = "uploader"
  user = aws_iam_user.uploader.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:PutObject"]
      Resource = "arn:aws:s3:::storefront-uploads/*"
    }]
  })
}`,
      ],
    },
    cloudformation: {
      bad: [
        `Resources:
  Uploader:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: uploader
      Users: [!Ref UploaderUser]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [s3:*]
            Resource: arn:aws:s3:::storefront-uploads/*
  UploaderUser:
    Type: AWS::IAM::User`,
      ],
      good: [
        `Resources:
  Uploader:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: uploader
      Users: [!Ref UploaderUser]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [s3:PutObject]
            Resource: arn:aws:s3:::storefront-uploads/*
  UploaderUser:
    Type: AWS::IAM::User`,
      ],
    },
  },
  evaluate(p) {
    const out: Violation[] = [];
    for (const s of p.statements) {
      if (!allows(s)) continue;
      for (const a of known(s.action).filter((x) => SERVICE_WILDCARD.test(x.value))) {
        out.push(fail(a, `${p.address} allows ${a.value}`, { key: `${p.address} ${a.value}` }));
      }
    }
    return out;
  },
});
