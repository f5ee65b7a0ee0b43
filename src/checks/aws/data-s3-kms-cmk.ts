import type { S3BucketData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { is } from "./data-util.js";

export default defineCheck<S3BucketData>({
  id: "MAM-AWS-101",
  title: "S3 bucket is not encrypted with a customer-managed KMS key",
  severity: "low",
  description:
    "The bucket's default encryption is SSE-S3 (`AES256`), SSE-KMS with the AWS managed `aws/s3` key (no key " +
    "named), or not written at all (S3 then applies SSE-S3). With a customer-managed key, reading an object also " +
    "needs `kms:Decrypt` under a key policy you control, so a too-broad bucket policy alone does not expose data, " +
    "and every decryption is logged in CloudTrail. Buckets that receive access logs are not reported: log delivery " +
    "only supports SSE-S3.",
  appliesTo: "aws.s3.BucketData",
  references: { trivy: "AVD-AWS-0132" },
  remediation: {
    text: "Set default encryption to `aws:kms` with a customer-managed key, and enable S3 Bucket Keys to keep KMS costs down.",
    fix: 'rule {\n  apply_server_side_encryption_by_default {\n    sse_algorithm     = "aws:kms"\n    kms_master_key_id = aws_kms_key.s3.arn\n  }\n  bucket_key_enabled = true\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}`,
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
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
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt DataKey.Arn
            BucketKeyEnabled: true`,
      ],
    },
  },
  evaluate(b) {
    if (b.isLogTarget) return undefined;
    const key = `${b.address} customer key`;
    if (!b.defaultEncryption) return fail(b.range, `${b.address} is encrypted with S3-managed keys only (no default encryption written)`, { key });
    if (!b.defaultEncryption.known) return undefined;
    const alg = b.sseAlgorithm;
    if (is(alg, "AES256")) return fail(alg ?? b.range, `${b.address} uses SSE-S3 (AES256), not a customer-managed KMS key`, { key });
    if (alg?.known && alg.value?.startsWith("aws:kms") && !b.sseKmsKey) {
      return fail(alg, `${b.address} uses the AWS managed aws/s3 key; name a customer-managed key`, { key });
    }
    return undefined;
  },
});
