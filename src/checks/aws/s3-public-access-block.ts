import type { S3Bucket } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<S3Bucket>({
  id: "MAM-AWS-002",
  title: "S3 bucket has no public access block",
  severity: "medium",
  description:
    "No `aws_s3_bucket_public_access_block` in the file refers to this bucket (in CloudFormation, the bucket has " +
    "no `PublicAccessBlockConfiguration`). The public access block is the guard " +
    "that stops a later ACL or bucket policy from making objects public by mistake; without it one careless change " +
    "exposes the data. An account-level block also protects the bucket, but is not visible here. Files where a " +
    "public access block cannot be tied to a bucket are not reported.",
  appliesTo: "aws.s3.Bucket",
  references: { checkov: "CKV2_AWS_6", trivy: "AVD-AWS-0094" },
  remediation: {
    text: "Add a public access block with all four settings on, for every bucket that is not meant to be public.",
    fix: 'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = aws_s3_bucket.logs.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}',
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

resource "aws_s3_bucket" "other" {
  bucket = "storefront-other"
}

resource "aws_s3_bucket_public_access_block" "other" {
  bucket                  = aws_s3_bucket.other.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "logs" {
  bucket = "storefront-logs"
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
        `resource "aws_s3_bucket" "logs" {
  bucket = "storefront-logs"
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket              = var.bucket_id
  block_public_acls   = true
  block_public_policy = true
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
        `Parameters:
  Env:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-logs
      PublicAccessBlockConfiguration: !If
        - IsProd
        - BlockPublicAcls: true
          BlockPublicPolicy: true
          IgnorePublicAcls: true
          RestrictPublicBuckets: true
        - !Ref AWS::NoValue`,
      ],
      good: [
        `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-logs
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true`,
        `Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-logs
      PublicAccessBlockConfiguration: !If
        - IsProd
        - BlockPublicAcls: true
          BlockPublicPolicy: true
          IgnorePublicAcls: true
          RestrictPublicBuckets: true
        - !Ref AWS::NoValue`,
      ],
    },
  },
  evaluate(b) {
    if (b.publicAccessBlock) return undefined;
    return fail(b.range, `${b.address} has no public access block`, { key: `${b.address} no public access block` });
  },
});
