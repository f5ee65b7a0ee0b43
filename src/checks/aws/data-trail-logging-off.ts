import type { CloudTrail } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { disabledAt } from "./data-util.js";

export default defineCheck<CloudTrail>({
  id: "MAM-AWS-120",
  title: "CloudTrail trail is created with logging stopped",
  severity: "high",
  description:
    "The trail exists but does not log (`enable_logging = false` / `IsLogging: false`). A stopped trail records " +
    "nothing while looking configured in every inventory; stopping trails is also a classic step of an intruder " +
    "covering tracks, so a stopped trail in code hides the difference.",
  appliesTo: "aws.cloudtrail.Trail",
  remediation: {
    text: "Start logging on the trail, or remove the trail if it is not needed.",
    fix: "enable_logging = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail"
  is_multi_region_trail = true
  enable_logging        = false
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
      IsLogging: false
      S3BucketName: acme-cloudtrail`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail`,
      ],
    },
  },
  evaluate(t) {
    const at = disabledAt(t.logging);
    return at ? fail(at, `${t.address} does not log`, { key: `${t.address} logging` }) : undefined;
  },
});
