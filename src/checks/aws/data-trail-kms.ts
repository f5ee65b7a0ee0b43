import type { CloudTrail } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<CloudTrail>({
  id: "MAM-AWS-117",
  title: "CloudTrail logs are not encrypted with a KMS key",
  severity: "medium",
  description:
    "The trail names no KMS key (`kms_key_id` / `KMSKeyId`), so log files are stored with S3-managed encryption " +
    "only. With SSE-KMS, reading the logs needs `kms:Decrypt` on a key whose policy you control in addition to S3 " +
    "read access, so a misconfigured bucket policy alone does not expose the account's audit trail.",
  appliesTo: "aws.cloudtrail.Trail",
  references: { checkov: "CKV_AWS_35", trivy: "AVD-AWS-0015" },
  compliance: [{ framework: "cis-aws-3.0", control: "3.5" }],
  remediation: {
    text: "Create a customer-managed key whose policy lets CloudTrail encrypt and your log readers decrypt, and name it on the trail.",
    fix: "kms_key_id = aws_kms_key.cloudtrail.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail"
  is_multi_region_trail = true
}`,
      ],
      good: [
        `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail"
  is_multi_region_trail = true
  kms_key_id            = aws_kms_key.cloudtrail.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TrailKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      KMSKeyId: !GetAtt TrailKey.Arn`,
      ],
    },
  },
  evaluate(t) {
    if (t.kmsKey) return undefined;
    return fail(t.range, `${t.address} stores logs without a KMS key`, { key: `${t.address} kms` });
  },
});
