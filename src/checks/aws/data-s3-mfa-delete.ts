import type { S3BucketData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { is } from "./data-util.js";

export default defineCheck<S3BucketData>({
  id: "MAM-AWS-104",
  title: "Versioned S3 bucket does not require MFA to delete versions",
  severity: "low",
  description:
    "Versioning is enabled but MFA delete is not. With MFA delete, permanently deleting an object version or " +
    "suspending versioning needs the root user's MFA code, so stolen access keys cannot destroy the history that " +
    "versioning keeps. CloudFormation cannot set MFA delete (it is turned on by the root user through the API), " +
    "so the check reads Terraform's `mfa_delete` only. Buckets without versioning are reported by MAM-AWS-004.",
  appliesTo: "aws.s3.BucketData",
  references: { trivy: "AVD-AWS-0170" },
  compliance: [{ framework: "cis-aws-3.0", control: "2.1.2" }],
  remediation: {
    text: "As the root user with an MFA device, enable MFA delete on the bucket's versioning, and record it in Terraform with `mfa_delete = \"Enabled\"` and the `mfa` argument.",
    fix: 'versioning_configuration {\n  status     = "Enabled"\n  mfa_delete = "Enabled"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_s3_bucket" "records" {
  bucket = "storefront-records"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id

  versioning_configuration {
    status = "Enabled"
  }
}`,
        `resource "aws_s3_bucket" "records" {
  bucket = "storefront-records"

  versioning {
    enabled    = true
    mfa_delete = false
  }
}`,
      ],
      good: [
        `resource "aws_s3_bucket" "records" {
  bucket = "storefront-records"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  mfa    = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"

  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}`,
        `resource "aws_s3_bucket" "scratch" {
  bucket = "storefront-scratch"
}`,
      ],
    },
  },
  evaluate(b) {
    if (!is(b.versioning, true) || !is(b.mfaDelete, false)) return undefined;
    return fail(b.mfaDelete ?? b, `${b.address} keeps versions but lets them be deleted without MFA`, { key: `${b.address} mfa delete` });
  },
});
