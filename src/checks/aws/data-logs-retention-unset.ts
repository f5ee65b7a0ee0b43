import type { LogGroup } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<LogGroup>({
  id: "MAM-AWS-123",
  title: "CloudWatch log group keeps logs forever",
  severity: "low",
  description:
    "The log group sets no retention (`retention_in_days` / `RetentionInDays` not written, or 0), so its events " +
    "never expire. Logs often carry personal data, tokens and request bodies; keeping them without limit widens " +
    "what a leak exposes, breaks data-retention commitments and grows the bill. Choosing a period also makes the " +
    "minimum retention for investigations explicit.",
  appliesTo: "aws.logs.LogGroup",
  references: { checkov: "CKV_AWS_66" },
  remediation: {
    text: "Set a retention period that matches your policy (for audit and security logs, at least a year).",
    fix: "retention_in_days = 365",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_cloudwatch_log_group" "app" {
  name = "/storefront/app"
}`,
        `resource "aws_cloudwatch_log_group" "app" {
  name              = "/storefront/app"
  retention_in_days = 0
}`,
      ],
      good: [
        `resource "aws_cloudwatch_log_group" "app" {
  name              = "/storefront/app"
  retention_in_days = 365
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
      LogGroupName: /storefront/app`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /storefront/app
      RetentionInDays: 365`,
      ],
    },
  },
  evaluate(g) {
    const r = g.retentionDays;
    if (r === undefined) return fail(g.range, `${g.address} never expires its events`, { key: `${g.address} retention` });
    if (r.known && r.value === 0) return fail(r, `${g.address} never expires its events`, { key: `${g.address} retention` });
    return undefined;
  },
});
