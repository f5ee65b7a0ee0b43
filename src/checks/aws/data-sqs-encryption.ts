import type { SqsQueue } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { is } from "./data-util.js";

export default defineCheck<SqsQueue>({
  id: "MAM-AWS-133",
  title: "SQS queue has server-side encryption turned off",
  severity: "medium",
  description:
    "The queue turns off SQS-managed encryption (`sqs_managed_sse_enabled` / `SqsManagedSseEnabled` false) and names " +
    "no KMS key, so messages sit unencrypted while they wait in the queue, for up to 14 days. New queues get " +
    "SQS-managed encryption unless it is turned off, so only queues that turn it off are reported.",
  appliesTo: "aws.sqs.Queue",
  references: { checkov: "CKV_AWS_27" },
  remediation: {
    text: "Leave SQS-managed encryption on, or better, encrypt the queue with a customer-managed KMS key.",
    fix: "sqs_managed_sse_enabled = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = false
}`,
      ],
      good: [
        `resource "aws_sqs_queue" "orders" {
  name = "orders"
}`,
        `resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = false
  kms_master_key_id       = aws_kms_key.sqs.arn
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
      SqsManagedSseEnabled: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: true`,
      ],
    },
  },
  evaluate(q) {
    if (q.kmsKey || !is(q.managedSse, false)) return undefined;
    return fail(q.managedSse ?? q, `${q.address} stores messages unencrypted`, { key: `${q.address} encryption` });
  },
});
