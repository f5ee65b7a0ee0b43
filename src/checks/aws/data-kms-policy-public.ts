import type { KmsKey, PolicyStatement } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { actionText, openStatements } from "./data-util.js";

function allActions(s: PolicyStatement): boolean {
  return s.action.some((a) => a.known && (a.value === "*" || a.value === "kms:*"));
}

export default defineCheck<KmsKey>({
  id: "MAM-AWS-111",
  title: "KMS key policy allows anyone without a condition",
  severity: "high",
  description:
    "A statement of the key policy allows Principal `*` (or `{\"AWS\": \"*\"}`) with no Condition. A key policy is " +
    "the primary control on a KMS key: such a statement lets principals of any AWS account use the key to decrypt " +
    "whatever it protects, and with `kms:*` also change its policy or schedule its deletion. Statements scoped by a " +
    "condition (`kms:CallerAccount`, `kms:ViaService`, `aws:PrincipalOrgID`) are not reported.",
  appliesTo: "aws.kms.Key",
  references: { checkov: "CKV_AWS_33" },
  remediation: {
    text: "Grant the account root (`arn:aws:iam::<account>:root`) administrative access and name the roles that use the key, or add a condition that limits callers to your account or organization.",
    fix: 'Principal = { AWS = "arn:aws:iam::111122223333:root" }',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_kms_key" "data" {
  description         = "storefront data"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Everything"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}`,
        `resource "aws_kms_key" "data" {
  description = "storefront data"
}

resource "aws_kms_key_policy" "data" {
  key_id = aws_kms_key.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource  = "*"
    }]
  })
}`,
        `data "aws_iam_policy_document" "key" {
  statement {
    sid       = "Everything"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_kms_key" "data" {
  description         = "storefront data"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.key.json
}`,
      ],
      good: [
        `resource "aws_kms_key" "data" {
  description         = "storefront data"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "UseViaS3"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = "111122223333"
            "kms:ViaService"    = "s3.eu-west-1.amazonaws.com"
          }
        }
      }
    ]
  })
}`,
        `data "aws_iam_policy_document" "key" {
  statement {
    sid       = "AccountAdmin"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

resource "aws_kms_key" "data" {
  description         = "storefront data"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.key.json
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: "kms:*"
            Resource: "*"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root"
            Action: "kms:*"
            Resource: "*"`,
      ],
    },
  },
  evaluate(k) {
    return openStatements(k.policy).map((s) =>
      fail(s, `${k.address} key policy lets anyone ${actionText(s)} with no condition`, {
        key: `${k.address} public ${actionText(s)}`,
        ...(allActions(s) ? { severity: "critical" as const } : {}),
      }),
    );
  },
});
