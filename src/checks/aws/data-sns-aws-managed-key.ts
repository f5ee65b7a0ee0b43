import type { SnsTopic } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { isAwsManagedAlias } from "./data-util.js";

export default defineCheck<SnsTopic>({
  id: "MAM-AWS-129",
  title: "SNS topic is encrypted with the AWS managed key",
  severity: "low",
  description:
    "The topic is encrypted with `alias/aws/sns`, the key AWS manages for SNS in the account. Its key policy cannot " +
    "be changed: every principal in the account allowed to use SNS can use it, services such as CloudWatch alarms " +
    "or S3 events cannot be granted access to publish to the topic, and the key cannot be disabled or rotated on " +
    "your schedule.",
  appliesTo: "aws.sns.Topic",
  references: { trivy: "AVD-AWS-0136" },
  remediation: {
    text: "Create a customer-managed key whose policy lets the publishers use it, and encrypt the topic with it.",
    fix: "kms_master_key_id = aws_kms_key.sns.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns"
}`,
      ],
      good: [
        `resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.sns.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AlertsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref AlertsKey`,
      ],
    },
  },
  evaluate(t) {
    if (!t.kmsKey || !isAwsManagedAlias(t.kmsKey)) return undefined;
    return fail(t.kmsKey, `${t.address} uses the AWS managed key ${t.kmsKey.value ?? ""}`, { key: `${t.address} aws managed key` });
  },
});
