import type { CloudTrail } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<CloudTrail>({
  id: "MAM-AWS-115",
  title: "CloudTrail trail records one region only",
  severity: "medium",
  description:
    "The trail is not multi-region (`is_multi_region_trail` / `IsMultiRegionTrail` false or not written; the " +
    "default is single-region). API calls in every other region, including regions the account never uses, go " +
    "unrecorded, and those unused regions are exactly where an intruder runs crypto miners or stages resources.",
  appliesTo: "aws.cloudtrail.Trail",
  references: { checkov: "CKV_AWS_67", trivy: "AVD-AWS-0014" },
  compliance: [{ framework: "cis-aws-3.0", control: "3.1" }],
  remediation: {
    text: "Make the trail multi-region (one multi-region trail, or an organization trail, covers every region).",
    fix: "is_multi_region_trail = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
}`,
      ],
      good: [
        `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail"
  is_multi_region_trail = true
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
      S3BucketName: acme-cloudtrail
      IsMultiRegionTrail: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      IsMultiRegionTrail: true`,
      ],
    },
  },
  evaluate(t) {
    const at = offAt(t.multiRegion, t);
    return at ? fail(at, `${t.address} records API calls in one region only`, { key: `${t.address} multi-region` }) : undefined;
  },
});
