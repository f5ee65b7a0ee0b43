import type { LogGroup } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

const MIN_DAYS = 365;

export default defineCheck<LogGroup>({
  id: "MAM-AWS-124",
  title: "CloudWatch log group keeps logs for less than a year",
  severity: "low",
  description:
    "The log group's retention is set to fewer than 365 days. Intrusions are commonly discovered months after " +
    "they begin; when the investigation starts, events older than the retention period are gone. Log groups " +
    "without any retention are reported by MAM-AWS-123 instead.",
  appliesTo: "aws.logs.LogGroup",
  references: { checkov: "CKV_AWS_338" },
  remediation: {
    text: "Keep logs for at least a year, or export them to cheaper storage (S3 with a lifecycle) before they expire.",
    fix: "retention_in_days = 365",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_cloudwatch_log_group" "app" {
  name              = "/storefront/app"
  retention_in_days = 14
}`,
      ],
      good: [
        `resource "aws_cloudwatch_log_group" "app" {
  name              = "/storefront/app"
  retention_in_days = 400
}`,
        `resource "aws_cloudwatch_log_group" "app" {
  name              = "/storefront/app"
  retention_in_days = var.retention_days
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: "30"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 731`,
      ],
    },
  },
  evaluate(g) {
    const r = g.retentionDays;
    if (!r?.known || r.value === undefined || r.value === 0 || r.value >= MIN_DAYS) return undefined;
    return fail(r, `${g.address} deletes events after ${r.value} days`, { key: `${g.address} retention short` });
  },
});
