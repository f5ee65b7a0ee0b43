import type { SnsTopic } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<SnsTopic>({
  id: "MAM-AWS-128",
  title: "SNS topic is not encrypted",
  severity: "medium",
  description:
    "The topic names no KMS key (`kms_master_key_id` / `KmsMasterKeyId`), so messages are stored unencrypted while " +
    "SNS holds them for delivery and retries. Notifications commonly carry order details, addresses and alert " +
    "payloads; server-side encryption protects them at rest and lets a key policy decide who may publish them.",
  appliesTo: "aws.sns.Topic",
  references: { checkov: "CKV_AWS_26", trivy: "AVD-AWS-0095" },
  remediation: {
    text: "Encrypt the topic with a customer-managed KMS key (its policy must let the publishing services use it).",
    fix: "kms_master_key_id = aws_kms_key.sns.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_sns_topic" "orders" {
  name = "orders"
}`,
      ],
      good: [
        `resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.sns.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: orders`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: orders
      KmsMasterKeyId: alias/storefront-sns`,
      ],
    },
  },
  evaluate(t) {
    if (t.kmsKey) return undefined;
    return fail(t.range, `${t.address} stores messages unencrypted`, { key: `${t.address} encryption` });
  },
});
