import type { S3BucketData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { actionText, openStatements } from "./data-util.js";

export default defineCheck<S3BucketData>({
  id: "MAM-AWS-103",
  title: "S3 bucket policy allows anyone without a condition",
  severity: "high",
  description:
    "A statement of the bucket's policy allows Principal `*` (or `{\"AWS\": \"*\"}`) with no Condition: anyone on " +
    "the internet, signed in to any AWS account or not, can perform those actions on the bucket. Unless the bucket " +
    "hosts public content on purpose, this is a data leak (reads) or worse (writes, deletes, policy changes). " +
    "Statements scoped by a condition (source VPC endpoint, organization, account) are not reported.",
  appliesTo: "aws.s3.BucketData",
  references: { checkov: "CKV_AWS_70" },
  remediation: {
    text: "Name the principals that need access, or add a condition such as `aws:PrincipalOrgID` or `aws:SourceVpce`. Serve public content through CloudFront with origin access control instead of a public bucket.",
    fix: 'Principal = { AWS = "arn:aws:iam::111122223333:role/reader" }',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::storefront-data/*"
    }]
  })
}`,
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:*", "Resource": "*" }]
    }
  JSON
}`,
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

data "aws_iam_policy_document" "data" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::storefront-data/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
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
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::storefront-data/*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
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
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
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
    Type: AWS::S3::Bucket
  DataPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Data
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: "*"
            Action: s3:GetObject
            Resource: !Sub "\${Data.Arn}/*"`,
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
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::111122223333:role/reader
            Action: s3:GetObject
            Resource: !Sub "\${Data.Arn}/*"`,
      ],
    },
  },
  evaluate(b) {
    return openStatements(b.policy).map((s) =>
      fail(s, `${b.address} policy allows anyone to ${actionText(s)} with no condition`, { key: `${b.address} public ${actionText(s)}` }),
    );
  },
});
