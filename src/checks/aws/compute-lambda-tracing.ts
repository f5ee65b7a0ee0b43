import type { LambdaFunction } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<LambdaFunction>({
  id: "MAM-AWS-227",
  title: "Lambda function has no active X-Ray tracing",
  severity: "low",
  description:
    "The function's tracing mode is not `Active` (`tracing_config.mode`, `TracingConfig.Mode`, or SAM's `Tracing`; " +
    "the default is PassThrough). Without traces, the calls a function makes to other services, and where time and " +
    "errors go, are invisible: unusual downstream calls from a compromised function leave no trail.",
  appliesTo: "aws.lambda.Function",
  references: { checkov: "CKV_AWS_50", trivy: "AVD-AWS-0066" },
  remediation: { text: "Turn on active tracing and give the function role permission to send traces.", fix: 'tracing_config {\n  mode = "Active"\n}' },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"
}`,
        `resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"

  tracing_config {
    mode = "PassThrough"
  }
}`,
      ],
      good: [
        `resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"

  tracing_config {
    mode = "Active"
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: arn:aws:iam::111122223333:role/api
      Code:
        S3Bucket: example-artifacts
        S3Key: api.zip`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: arn:aws:iam::111122223333:role/api
      Code:
        S3Bucket: example-artifacts
        S3Key: api.zip
      TracingConfig:
        Mode: Active`,
        `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tracing: Active
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/`,
      ],
    },
  },
  evaluate(f) {
    if (f.tracingMode && (!f.tracingMode.known || isKnown(f.tracingMode, "Active"))) return undefined;
    return fail(f.tracingMode ?? f.range, `${f.address} has no active X-Ray tracing`, { key: `${f.address} tracing` });
  },
});
