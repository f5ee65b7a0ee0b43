import type { CloudTrail } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<CloudTrail>({
  id: "MAM-AWS-116",
  title: "CloudTrail log file validation is off",
  severity: "medium",
  description:
    "The trail does not write digest files (`enable_log_file_validation` / `EnableLogFileValidation` false or not " +
    "written; the default is off). Digests are signed hashes of each delivered log file; without them nobody can " +
    "prove that a log file was not edited or deleted after delivery, which matters the day the logs are evidence.",
  appliesTo: "aws.cloudtrail.Trail",
  references: { checkov: "CKV_AWS_36", trivy: "AVD-AWS-0016" },
  compliance: [{ framework: "cis-aws-3.0", control: "3.2" }],
  remediation: {
    text: "Enable log file validation on the trail and check logs with `aws cloudtrail validate-logs` when they matter.",
    fix: "enable_log_file_validation = true",
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
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail"
  is_multi_region_trail      = true
  enable_log_file_validation = true
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
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      EnableLogFileValidation: true`,
      ],
    },
  },
  evaluate(t) {
    const at = offAt(t.logFileValidation, t);
    return at ? fail(at, `${t.address} does not sign its log files, so tampering cannot be detected`, { key: `${t.address} log validation` }) : undefined;
  },
});
