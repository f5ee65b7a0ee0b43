import type { IamRole } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { actionText, openStatements } from "./data-util.js";

export default defineCheck<IamRole>({
  id: "MAM-AWS-192",
  title: "IAM role can be assumed by anyone",
  severity: "critical",
  description:
    "The role's trust policy (`assume_role_policy` / `AssumeRolePolicyDocument`) allows Principal `*` (or " +
    "`{\"AWS\": \"*\"}`) with no Condition. Any principal in any AWS account can then call sts:AssumeRole and act " +
    "with the role's permissions. Trust policies scoped by a condition (`aws:PrincipalOrgID`, `sts:ExternalId`, " +
    "`aws:PrincipalArn`) are not reported.",
  appliesTo: "aws.iam.Role",
  references: { checkov: "CKV_AWS_60" },
  remediation: {
    text: "Name the accounts, roles or services that may assume the role, and add `sts:ExternalId` for third parties.",
    fix: 'Principal = { AWS = "arn:aws:iam::111122223333:role/deployer" }',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}`,
      ],
      good: [
        `resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/ci" }
      Action    = "sts:AssumeRole"
    }]
  })
}`,
        `resource "aws_iam_role" "partner" {
  name = "partner-read"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Deploy:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sts:AssumeRole`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Deploy:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole`,
      ],
    },
  },
  evaluate(r) {
    return openStatements(r.trustPolicy).map((s) =>
      fail(s, `${r.address} lets any AWS principal ${actionText(s)}`, { key: `${r.address} trust anyone ${actionText(s)}` }),
    );
  },
});
