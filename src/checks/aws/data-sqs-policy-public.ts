import type { SqsQueue } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { actionText, openStatements } from "./data-util.js";

export default defineCheck<SqsQueue>({
  id: "MAM-AWS-135",
  title: "SQS queue policy allows anyone without a condition",
  severity: "high",
  description:
    "A statement of the queue's policy (inline, `aws_sqs_queue_policy` or `AWS::SQS::QueuePolicy`) allows Principal " +
    "`*` with no Condition. Anyone with an AWS account can then send messages into the queue (feeding forged work " +
    "to its consumers), or receive and delete them. Statements scoped by `aws:SourceArn`, `aws:SourceAccount` or " +
    "`aws:PrincipalOrgID` are not reported.",
  appliesTo: "aws.sqs.Queue",
  references: { checkov: "CKV_AWS_168" },
  remediation: {
    text: "Name the principals that need access, or scope service access with `aws:SourceArn` (the SNS topic or bucket that sends).",
    fix: 'Principal = { Service = "sns.amazonaws.com" }\nCondition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.orders.arn } }',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = "*"
    }]
  })
}`,
      ],
      good: [
        `resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = "*"
      Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:111122223333:orders" } }
    }]
  })
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::SQS::Queue
  OrdersPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref Orders
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              AWS: "*"
            Action: sqs:SendMessage
            Resource: !GetAtt Orders.Arn`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::SQS::Queue
  OrdersPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues:
        - !Ref Orders
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: sns.amazonaws.com
            Action: sqs:SendMessage
            Resource: !GetAtt Orders.Arn`,
      ],
    },
  },
  evaluate(q) {
    return openStatements(q.policy).map((s) =>
      fail(s, `${q.address} policy lets anyone ${actionText(s)} with no condition`, { key: `${q.address} public ${actionText(s)}` }),
    );
  },
});
