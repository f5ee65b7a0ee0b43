import type { LambdaFunction } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<LambdaFunction>({
  id: "MAM-AWS-229",
  title: "Lambda function has no dead-letter queue",
  severity: "low",
  description:
    "The function has no dead-letter queue (`dead_letter_config`, `DeadLetterConfig`, SAM's `DeadLetterQueue`) and " +
    "no event invoke config in the file gives it an on-failure destination. Asynchronous events that still fail after " +
    "the retries are then dropped without trace: lost orders, lost audit events. Functions only ever called " +
    "synchronously do not need one.",
  appliesTo: "aws.lambda.Function",
  references: { checkov: "CKV_AWS_116" },
  remediation: {
    text: "Send failed asynchronous events to an SQS queue or SNS topic (dead-letter queue or on-failure destination) and alarm on it.",
    fix: "dead_letter_config {\n  target_arn = aws_sqs_queue.api_dlq.arn\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "worker.zip"
}`,
      ],
      good: [
        `resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "worker.zip"

  dead_letter_config {
    target_arn = aws_sqs_queue.worker_dlq.arn
  }
}`,
        `resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "worker.zip"
}

resource "aws_lambda_function_event_invoke_config" "worker" {
  function_name = aws_lambda_function.worker.function_name

  destination_config {
    on_failure {
      destination = aws_sqs_queue.worker_failures.arn
    }
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: arn:aws:iam::111122223333:role/worker
      Code:
        S3Bucket: example-artifacts
        S3Key: worker.zip`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  WorkerDlq:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: arn:aws:iam::111122223333:role/worker
      Code:
        S3Bucket: example-artifacts
        S3Key: worker.zip
      DeadLetterConfig:
        TargetArn: !GetAtt WorkerDlq.Arn`,
      ],
    },
  },
  evaluate(f) {
    if (f.deadLetter) return undefined;
    return fail(f.range, `${f.address} has no dead-letter queue or on-failure destination`, { key: `${f.address} dlq` });
  },
});
