import type { SnsTopic } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { actionText, openStatements } from "./data-util.js";

export default defineCheck<SnsTopic>({
  id: "MAM-AWS-130",
  title: "SNS topic policy allows anyone without a condition",
  severity: "high",
  description:
    "A statement of the topic's policy (inline, `aws_sns_topic_policy` or `AWS::SNS::TopicPolicy`) allows " +
    "Principal `*` with no Condition. Anyone with an AWS account can then publish to the topic (spoofing alerts or " +
    "orders to every subscriber) or subscribe their own endpoint and receive every message. Statements scoped by " +
    "`aws:SourceAccount`, `aws:SourceArn` or `aws:PrincipalOrgID` are not reported.",
  appliesTo: "aws.sns.Topic",
  references: { checkov: "CKV_AWS_169" },
  remediation: {
    text: "Name the accounts, roles or service principals that need access, or add a condition such as `aws:SourceArn` for service publishers.",
    fix: 'Principal = { Service = "cloudwatch.amazonaws.com" }\nCondition = { ArnLike = { "aws:SourceArn" = "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*" } }',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["sns:Publish", "sns:Subscribe"]
      Resource  = "*"
    }]
  })
}`,
      ],
      good: [
        `resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = "*"
      Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
    }]
  })
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Alerts:
    Type: AWS::SNS::Topic
  AlertsPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics:
        - !Ref Alerts
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sns:Publish
            Resource: !Ref Alerts`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Alerts:
    Type: AWS::SNS::Topic
  AlertsPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics:
        - !Ref Alerts
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sns:Publish
            Resource: !Ref Alerts
            Condition:
              StringEquals:
                aws:SourceAccount: "111122223333"`,
      ],
    },
  },
  evaluate(t) {
    return openStatements(t.policy).map((s) =>
      fail(s, `${t.address} policy lets anyone ${actionText(s)} with no condition`, { key: `${t.address} public ${actionText(s)}` }),
    );
  },
});
