import type { S3BucketData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<S3BucketData>({
  id: "MAM-AWS-108",
  title: "CloudTrail log bucket has no object lock",
  severity: "low",
  description:
    "A CloudTrail trail in the same file delivers its logs to this bucket and the bucket was not created with S3 " +
    "Object Lock. Anyone who gains delete permissions on the bucket (the first thing an intruder covering tracks " +
    "looks for) can remove log files; with object lock in compliance or governance mode and a retention period, " +
    "delivered logs cannot be deleted or overwritten until they expire. Object lock can only be turned on when the " +
    "bucket is created.",
  appliesTo: "aws.s3.BucketData",
  remediation: {
    text: "Create the trail's bucket with object lock enabled and a default retention, and move the trail to it.",
    fix: 'resource "aws_s3_bucket" "trail" {\n  bucket              = "acme-cloudtrail"\n  object_lock_enabled = true\n}\n\nresource "aws_s3_bucket_object_lock_configuration" "trail" {\n  bucket = aws_s3_bucket.trail.id\n  rule {\n    default_retention {\n      mode = "GOVERNANCE"\n      days = 365\n    }\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "trail" {
  bucket = "acme-cloudtrail"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "trail" {
  bucket              = "acme-cloudtrail"
  object_lock_enabled = true
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}`,
        `resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TrailBucket:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: false
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
      ObjectLockEnabled: true
      ObjectLockConfiguration:
        ObjectLockEnabled: Enabled
        Rule:
          DefaultRetention:
            Mode: GOVERNANCE
            Days: 365
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref TrailBucket`,
      ],
    },
  },
  evaluate(b) {
    if (b.trails.length === 0) return undefined;
    const at = offAt(b.objectLock, b);
    return at ? fail(at, `${b.address} holds CloudTrail logs that can be deleted (no object lock)`, { key: `${b.address} trail bucket object lock` }) : undefined;
  },
});
