import type { LogGroup } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<LogGroup>({
  id: "MAM-AWS-125",
  title: "CloudWatch log group is not encrypted with a KMS key",
  severity: "low",
  description:
    "The log group names no KMS key (`kms_key_id` / `KmsKeyId`), so its events are encrypted with keys CloudWatch " +
    "Logs manages. With a customer-managed key, reading the events also needs `kms:Decrypt` under a key policy you " +
    "control, access to the key is logged, and disabling the key cuts off access to the data at once.",
  appliesTo: "aws.logs.LogGroup",
  references: { checkov: "CKV_AWS_158", trivy: "AVD-AWS-0017" },
  remediation: {
    text: "Create a customer-managed key whose policy allows the CloudWatch Logs service principal of the region, and name it on the log group.",
    fix: "kms_key_id = aws_kms_key.logs.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_cloudwatch_log_group" "app" {
  name              = "/storefront/app"
  retention_in_days = 365
}`,
      ],
      good: [
        `resource "aws_cloudwatch_log_group" "app" {
  name              = "/storefront/app"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
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
      RetentionInDays: 365`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  LogsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
      KmsKeyId: !GetAtt LogsKey.Arn`,
      ],
    },
  },
  evaluate(g) {
    if (g.kmsKey) return undefined;
    return fail(g.range, `${g.address} is not encrypted with a customer-managed key`, { key: `${g.address} kms` });
  },
});
