import type { S3Bucket } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<S3Bucket>({
  id: "MAM-AWS-003",
  title: "S3 bucket has no server-side encryption configured",
  severity: "low",
  description:
    "Neither an inline `server_side_encryption_configuration` nor an " +
    "`aws_s3_bucket_server_side_encryption_configuration` resource refers to the bucket (in CloudFormation, the " +
    "bucket has no `BucketEncryption`). Since January 2023 AWS " +
    "encrypts new objects with S3-managed keys by default, so the data is not stored in clear; what is missing is a " +
    "choice of key. With a KMS key you decide who may decrypt, can audit every use in CloudTrail and can revoke " +
    "access independently of the bucket policy.",
  appliesTo: "aws.s3.Bucket",
  references: { checkov: "CKV_AWS_19", trivy: "AVD-AWS-0088" },
  remediation: {
    text: "Configure default encryption explicitly, preferably with a customer-managed KMS key, and enable the bucket key to keep KMS costs down.",
    fix: 'resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.logs.arn\n    }\n    bucket_key_enabled = true\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "logs" {
  bucket = "storefront-logs"
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "logs" {
  bucket = "storefront-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}`,
        `resource "aws_s3_bucket" "logs" {
  bucket = "storefront-logs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-logs`,
      ],
      good: [
        `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-logs
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
            BucketKeyEnabled: true`,
      ],
    },
  },
  evaluate(b) {
    if (b.encryption) return undefined;
    return fail(b.range, `${b.address} does not configure server-side encryption`, { key: `${b.address} no encryption` });
  },
});
