import type { SqsQueue } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { is, isAwsManagedAlias } from "./data-util.js";

export default defineCheck<SqsQueue>({
  id: "MAM-AWS-134",
  title: "SQS queue is not encrypted with a customer-managed KMS key",
  severity: "low",
  description:
    "The queue relies on SQS-managed encryption or on the AWS managed `alias/aws/sqs` key. Either protects the " +
    "disks, but neither lets you decide through a key policy who may read messages, log each use of the key, or " +
    "cut access by disabling the key; and publishers such as SNS or EventBridge cannot be granted use of the AWS " +
    "managed key. Queues with encryption turned off entirely are reported by MAM-AWS-133.",
  appliesTo: "aws.sqs.Queue",
  references: { trivy: "AVD-AWS-0135" },
  remediation: {
    text: "Encrypt the queue with a customer-managed KMS key whose policy lets producers and consumers use it.",
    fix: "kms_master_key_id                 = aws_kms_key.sqs.arn\nkms_data_key_reuse_period_seconds = 300",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_sqs_queue" "orders" {
  name = "orders"
}`,
        `resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = "alias/aws/sqs"
}`,
      ],
      good: [
        `resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.sqs.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  QueueKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders
      KmsMasterKeyId: !Ref QueueKey`,
      ],
    },
  },
  evaluate(q) {
    const key = `${q.address} customer key`;
    if (q.kmsKey) return isAwsManagedAlias(q.kmsKey) ? fail(q.kmsKey, `${q.address} uses the AWS managed key ${q.kmsKey.value ?? ""}`, { key }) : undefined;
    if (is(q.managedSse, false) || (q.managedSse && !q.managedSse.known)) return undefined;
    return fail(q.managedSse ?? q, `${q.address} is encrypted with SQS-managed keys, not a customer-managed key`, { key });
  },
});
