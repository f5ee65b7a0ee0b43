import type { PolicyStatement, S3BucketData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { anyonePrincipal, denies } from "./data-util.js";

/** A Deny for everyone on requests without TLS (aws:SecureTransport false), or below TLS 1.2. */
function deniesInsecureTransport(s: PolicyStatement): boolean {
  if (!denies(s) || !anyonePrincipal(s) || s.conditions === undefined || s.conditions === "unknown") return false;
  return s.conditions.some(
    (c) =>
      (c.operator === "Bool" && c.key === "aws:SecureTransport" && c.values.some((v) => v.value === "false")) ||
      (c.operator === "NumericLessThan" && c.key === "s3:TlsVersion"),
  );
}

export default defineCheck<S3BucketData>({
  id: "MAM-AWS-102",
  title: "S3 bucket policy does not deny requests without TLS",
  severity: "medium",
  description:
    "No bucket policy statement denies requests made over plain HTTP (`aws:SecureTransport` false) to everyone. " +
    "S3 accepts HTTP on its endpoints, so a misconfigured client, an SDK with an HTTP endpoint override or a " +
    "downgrade can move objects and signed requests in clear text. The policy is read from `aws_s3_bucket_policy` / " +
    "`AWS::S3::BucketPolicy` that refer to the bucket; a policy that cannot be read (a data source) is not reported.",
  appliesTo: "aws.s3.BucketData",
  compliance: [{ framework: "cis-aws-3.0", control: "2.1.1" }],
  remediation: {
    text: "Add a statement that denies `s3:*` to every principal when `aws:SecureTransport` is false.",
    fix: '{\n  Sid       = "DenyInsecureTransport"\n  Effect    = "Deny"\n  Principal = "*"\n  Action    = "s3:*"\n  Resource  = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]\n  Condition = { Bool = { "aws:SecureTransport" = "false" } }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}`,
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/reader" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::storefront-data/*"
    }]
  })
}`,
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

data "aws_iam_policy_document" "data" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::storefront-data/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/reader"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::storefront-data", "arn:aws:s3:::storefront-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}`,
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json
}`,
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

data "aws_iam_policy_document" "data" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::storefront-data", "arn:aws:s3:::storefront-data/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::S3::Bucket`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::S3::Bucket
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: "*"
            Action: "s3:*"
            Resource:
              - !GetAtt Data.Arn
              - !Sub "\${Data.Arn}/*"
            Condition:
              Bool:
                aws:SecureTransport: "false"`,
      ],
    },
  },
  evaluate(b) {
    if (b.policy && !b.policy.known) return undefined;
    if (b.policy?.statements.some(deniesInsecureTransport)) return undefined;
    return fail(b.policy ?? b, `${b.address} accepts requests over plain HTTP (no Deny on aws:SecureTransport false)`, { key: `${b.address} deny http` });
  },
});
