import type { S3Bucket } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<S3Bucket>({
  id: "MAM-AWS-004",
  title: "S3 bucket versioning is not enabled",
  severity: "low",
  description:
    "The bucket has no versioning, or versioning is written as disabled or suspended. Without versioning an " +
    "overwrite or a delete (by mistake, by a bug, or by ransomware holding stolen credentials) destroys the object " +
    "for good. Versioning is also required for replication and for MFA delete.",
  appliesTo: "aws.s3.Bucket",
  references: { checkov: "CKV_AWS_21", trivy: "AVD-AWS-0090" },
  remediation: {
    text: "Enable versioning and add a lifecycle rule that expires noncurrent versions after a while, to bound the cost.",
    fix: 'resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "logs" {
  bucket = "storefront-logs"
}`,
        `resource "aws_s3_bucket" "logs" {
  bucket = "storefront-logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Suspended"
  }
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "logs" {
  bucket = "storefront-logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
        `resource "aws_s3_bucket" "logs" {
  bucket = "storefront-logs"
  versioning {
    enabled = true
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
        `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-logs
      VersioningConfiguration:
        Status: Suspended`,
      ],
      good: [
        `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-logs
      VersioningConfiguration:
        Status: Enabled`,
      ],
    },
  },
  evaluate(b) {
    const v = b.versioning;
    if (!v) return fail(b.range, `${b.address} does not enable versioning`, { key: `${b.address} versioning` });
    if (v.known && v.value === false) return fail(v, `${b.address} has versioning turned off`, { key: `${b.address} versioning` });
    return undefined;
  },
});
