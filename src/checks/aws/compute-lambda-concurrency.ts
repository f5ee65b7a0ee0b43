import type { LambdaFunction } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<LambdaFunction>({
  id: "MAM-AWS-230",
  title: "Lambda function has no reserved concurrency",
  severity: "low",
  description:
    "`reserved_concurrent_executions` / `ReservedConcurrentExecutions` is not set (or is -1), so the function can " +
    "scale up to the whole account's concurrency. A flood of requests against one public function then runs up the " +
    "bill and starves every other function in the account and region of capacity. Reserving concurrency caps it " +
    "(and guarantees it).",
  appliesTo: "aws.lambda.Function",
  references: { checkov: "CKV_AWS_115" },
  remediation: { text: "Reserve the concurrency the function needs at peak, for functions reachable from outside.", fix: "reserved_concurrent_executions = 50" },
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
  function_name                  = "api"
  role                           = aws_iam_role.api.arn
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = -1
}`,
      ],
      good: [
        `resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = aws_iam_role.api.arn
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 50
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
      ReservedConcurrentExecutions: "50"
      Code:
        S3Bucket: example-artifacts
        S3Key: api.zip`,
      ],
    },
  },
  evaluate(f) {
    const r = f.reservedConcurrency;
    if (r && (!r.known || (r.value ?? -1) >= 0)) return undefined;
    return fail(r ?? f.range, `${f.address} has no reserved concurrency`, { key: `${f.address} concurrency` });
  },
});
