import type { S3BucketData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<S3BucketData>({
  id: "MAM-AWS-105",
  title: "S3 bucket has no lifecycle configuration",
  severity: "low",
  description:
    "No lifecycle rule is written for the bucket (inline `lifecycle_rule`, `aws_s3_bucket_lifecycle_configuration` " +
    "or `LifecycleConfiguration`). Without one, every object and every noncurrent version is kept forever: data " +
    "that should have been deleted under a retention policy stays exposed to any later leak, and incomplete " +
    "multipart uploads pile up unseen.",
  appliesTo: "aws.s3.BucketData",
  references: { checkov: "CKV2_AWS_61" },
  remediation: {
    text: "Add lifecycle rules that expire objects (and noncurrent versions) after the retention period you need, and abort incomplete multipart uploads.",
    fix: 'resource "aws_s3_bucket_lifecycle_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n\n  rule {\n    id     = "retention"\n    status = "Enabled"\n    filter {}\n    noncurrent_version_expiration {\n      noncurrent_days = 90\n    }\n    abort_incomplete_multipart_upload {\n      days_after_initiation = 7\n    }\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    id     = "retention"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-data`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-data
      LifecycleConfiguration:
        Rules:
          - Id: retention
            Status: Enabled
            NoncurrentVersionExpiration:
              NoncurrentDays: 90`,
      ],
    },
  },
  evaluate(b) {
    if (b.lifecycle) return undefined;
    return fail(b.range, `${b.address} keeps every object and version forever (no lifecycle rules)`, { key: `${b.address} lifecycle` });
  },
});
