import type { S3BucketData } from "../../models/aws-data.js";
import type { Val } from "../../models/value.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { actionText, is, openStatements } from "./data-util.js";

const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);

/** A public access block setting that is on, or written but unknown (the check then stays quiet). */
function mayBeOn(v: Val<boolean> | undefined): boolean {
  return v !== undefined && (!v.known || is(v, true));
}

export default defineCheck<S3BucketData>({
  id: "MAM-AWS-107",
  title: "CloudTrail log bucket is publicly accessible",
  severity: "critical",
  description:
    "A CloudTrail trail in the same file delivers its logs to this bucket, and the bucket's ACL grants access to " +
    "all users (or all authenticated AWS users), or its policy allows anyone with no condition, without a public " +
    "access block setting that neutralizes it. The audit trail lists every API call in the account: who the admins " +
    "are, which resources exist, which calls fail. Public access to it is a map for an attacker.",
  appliesTo: "aws.s3.BucketData",
  references: { trivy: "AVD-AWS-0161" },
  remediation: {
    text: "Make the trail's bucket private: remove public ACL grants and public policy statements, and add a public access block with all four settings on.",
    fix: 'resource "aws_s3_bucket_public_access_block" "trail" {\n  bucket                  = aws_s3_bucket.trail.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "trail" {
  bucket = "acme-cloudtrail"
}

resource "aws_s3_bucket_acl" "trail" {
  bucket = aws_s3_bucket.trail.id
  acl    = "public-read"
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

resource "aws_s3_bucket_acl" "trail" {
  bucket = aws_s3_bucket.trail.id
  acl    = "private"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}`,
        `resource "aws_s3_bucket" "trail" {
  bucket = "acme-cloudtrail"
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
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
  TrailBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref TrailBucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: !Sub "\${TrailBucket.Arn}/*"
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
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
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
    const out: Violation[] = [];
    const pab = b.publicAccessBlock;
    if (b.acl?.known && b.acl.value && PUBLIC_ACLS.has(b.acl.value) && !mayBeOn(pab?.ignorePublicAcls)) {
      out.push(fail(b.acl, `${b.address} holds CloudTrail logs and its ACL is ${b.acl.value}`, { key: `${b.address} trail bucket acl` }));
    }
    if (!mayBeOn(pab?.restrictPublicBuckets)) {
      for (const s of openStatements(b.policy)) {
        out.push(fail(s, `${b.address} holds CloudTrail logs and its policy lets anyone ${actionText(s)}`, { key: `${b.address} trail bucket policy ${actionText(s)}` }));
      }
    }
    return out;
  },
});
