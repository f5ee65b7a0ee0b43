import type { EcrRepositoryPolicy } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<EcrRepositoryPolicy>({
  id: "MAM-AWS-241",
  title: "ECR repository policy allows anyone",
  severity: "high",
  description:
    "A statement of the repository policy allows the principal `*` (or `{\"AWS\": \"*\"}`) with no condition. Every " +
    "AWS account can then do what the statement allows: pull the images (and the secrets and internal code baked into " +
    "them), or with push actions replace them. Statements narrowed by a condition (an organisation id, a source " +
    "account) are not reported; policies from data sources or files cannot be read and are skipped.",
  appliesTo: "aws.ecr.RepositoryPolicy",
  references: { checkov: "CKV_AWS_32", trivy: "AVD-AWS-0032" },
  remediation: {
    text: "Name the accounts or roles that need access, or keep `*` only together with a condition such as aws:PrincipalOrgID.",
    fix: 'Condition = {\n  StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Pull"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}`,
        `resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": { "AWS": "*" },
        "Action": "ecr:*"
      }]
    }
  EOT
}`,
      ],
      good: [
        `resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = {
        StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" }
      }
    }]
  })
}`,
        `resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = data.aws_iam_policy_document.pull.json
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      RepositoryPolicyText:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action:
              - ecr:BatchGetImage
              - ecr:GetDownloadUrlForLayer`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      RepositoryPolicyText:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::444455556666:root
            Action:
              - ecr:BatchGetImage
              - ecr:GetDownloadUrlForLayer`,
      ],
    },
  },
  evaluate: (p) =>
    (p.statements ?? []).flatMap((s, i) =>
      isKnown(s.effect, "Allow") && !s.hasCondition && s.principals.some((x) => isKnown(x, "*"))
        ? [fail(s.range, `${p.address} allows any principal (statement ${i + 1})`, { key: `${p.address} public statement ${i + 1}` })]
        : [],
    ),
});
