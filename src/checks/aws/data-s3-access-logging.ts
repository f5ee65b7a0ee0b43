import type { S3BucketData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<S3BucketData>({
  id: "MAM-AWS-100",
  title: "S3 bucket has no server access logging",
  severity: "low",
  description:
    "Nothing turns on server access logging for the bucket: no inline `logging` block, no `aws_s3_bucket_logging` " +
    "and no `LoggingConfiguration`. Access logs record each request (requester, key, result); without them a data " +
    "leak or a misused credential leaves no object-level trace to investigate. Buckets that receive other buckets' " +
    "access logs are not reported, since logging them into themselves would loop.",
  appliesTo: "aws.s3.BucketData",
  references: { checkov: "CKV_AWS_18", trivy: "AVD-AWS-0089" },
  remediation: {
    text: "Deliver the bucket's access logs to a separate log bucket in the same account and region.",
    fix: 'resource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.access_logs.id\n  target_prefix = "data/"\n}',
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

resource "aws_s3_bucket" "access_logs" {
  bucket = "storefront-access-logs"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}`,
        `resource "aws_s3_bucket" "data" {
  bucket = "storefront-data"

  logging {
    target_bucket = "storefront-access-logs"
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
  AccessLogs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-access-logs
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-data
      LoggingConfiguration:
        DestinationBucketName: !Ref AccessLogs
        LogFilePrefix: data/`,
      ],
    },
  },
  evaluate(b) {
    if (b.logging || b.isLogTarget) return undefined;
    return fail(b.range, `${b.address} does not log requests to its objects`, { key: `${b.address} access logging` });
  },
});
