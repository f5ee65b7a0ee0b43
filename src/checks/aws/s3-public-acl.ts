import type { S3Bucket } from "../../models/aws.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);

export default defineCheck<S3Bucket>({
  id: "MAM-AWS-001",
  title: "S3 bucket ACL grants public access",
  severity: "high",
  description:
    "The bucket's canned ACL is `public-read`, `public-read-write` or `authenticated-read`, either inline or in an " +
    "`aws_s3_bucket_acl` resource (CloudFormation's `AccessControl`: `PublicRead`, `PublicReadWrite`, " +
    "`AuthenticatedRead`). Anyone on the internet (or, for `authenticated-read`, any AWS account at all) can " +
    "then list and read every object, and with `public-read-write` also write and overwrite them. Most data leaks " +
    "from S3 start with an ACL like this.",
  appliesTo: "aws.s3.Bucket",
  references: { checkov: ["CKV_AWS_20", "CKV_AWS_57"], trivy: "AVD-AWS-0092" },
  remediation: {
    text: "Use the `private` ACL (or, better, disable ACLs with object ownership `BucketOwnerEnforced`) and serve public content through CloudFront with origin access control.",
    fix: 'resource "aws_s3_bucket_ownership_controls" "assets" {\n  bucket = aws_s3_bucket.assets.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "assets" {
  bucket = "storefront-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read"
}`,
        `variable "acl" {
  default = "public-read-write"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "storefront-uploads"
  acl    = var.acl
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "assets" {
  bucket = "storefront-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "private"
}`,
        `variable "acl" {}

resource "aws_s3_bucket" "uploads" {
  bucket = "storefront-uploads"
  acl    = var.acl
}`,
      ],
    },
    cloudformation: {
      bad: [
        `Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-assets
      AccessControl: PublicRead`,
        `{
  "Parameters": {
    "Acl": { "Type": "String", "Default": "PublicReadWrite" }
  },
  "Resources": {
    "Uploads": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": "storefront-uploads",
        "AccessControl": { "Ref": "Acl" }
      }
    }
  }
}`,
      ],
      good: [
        `Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-assets
      AccessControl: Private`,
        `Parameters:
  Acl:
    Type: String
Resources:
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: storefront-uploads
      AccessControl: !Ref Acl`,
      ],
    },
  },
  evaluate(b) {
    if (!isKnown(b.acl) || !PUBLIC_ACLS.has(b.acl.value)) return undefined;
    return fail(b.acl, `${b.address} has the ${b.acl.value} ACL: its objects can be read from outside the account`, { key: `${b.address} acl ${b.acl.value}` });
  },
});
