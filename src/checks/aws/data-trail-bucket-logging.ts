import type { S3BucketData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<S3BucketData>({
  id: "MAM-AWS-106",
  title: "CloudTrail log bucket has no server access logging",
  severity: "low",
  description:
    "A CloudTrail trail in the same file delivers its logs to this bucket, and the bucket does not log requests " +
    "made to it. CloudTrail records API calls but not who read or deleted the log objects themselves; access " +
    "logging on the trail's bucket is what shows someone reading the audit trail or trying to erase it.",
  appliesTo: "aws.s3.BucketData",
  references: { trivy: "AVD-AWS-0163" },
  compliance: [{ framework: "cis-aws-3.0", control: "3.4" }],
  remediation: {
    text: "Enable server access logging on the trail's bucket, delivering to a separate log bucket.",
    fix: 'resource "aws_s3_bucket_logging" "trail" {\n  bucket        = aws_s3_bucket.trail.id\n  target_bucket = aws_s3_bucket.access_logs.id\n  target_prefix = "cloudtrail/"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "trail" {
  bucket = "acme-cloudtrail"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "trail" {
  bucket = "acme-cloudtrail"
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = "acme-access-logs"
  target_prefix = "cloudtrail/"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TrailBucket:
    Type: AWS::S3::Bucket
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref TrailBucket`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TrailBucket:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: acme-access-logs
        LogFilePrefix: cloudtrail/
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref TrailBucket`,
      ],
    },
  },
  evaluate(b) {
    if (b.trails.length === 0 || b.logging) return undefined;
    return fail(b.range, `${b.address} holds the logs of ${b.trails.join(", ")} but does not log access to them`, { key: `${b.address} trail bucket logging` });
  },
});
