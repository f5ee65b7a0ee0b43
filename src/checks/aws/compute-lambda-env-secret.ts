import { redactValue } from "../../core/redact.js";
import type { LambdaFunction } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { secretEnv } from "./compute-secrets.js";

export default defineCheck<LambdaFunction>({
  id: "MAM-AWS-228",
  title: "Credential written in a Lambda function's environment",
  severity: "high",
  kind: "secret",
  description:
    "An environment variable whose name says password, secret, token, API key, access key or credentials is given a " +
    "written-out value. Lambda environment variables are shown in clear to anyone who can read the function's " +
    "configuration (`lambda:GetFunction`), they are in the source repository and the state file, and every deployment " +
    "tool that prints the configuration logs them. Variables that only name a secret (…_ARN, …_ID, …_NAME) and values " +
    "taken from other resources or parameters are not reported. Findings show the value redacted.",
  appliesTo: "aws.lambda.Function",
  references: { checkov: "CKV_AWS_45" },
  remediation: {
    text: "Keep the secret in Secrets Manager or SSM Parameter Store, pass only its name or ARN, and read it at run time (the Parameters and Secrets Lambda extension caches it); rotate the exposed value.",
    fix: "environment {\n  variables = {\n    DB_PASSWORD_SECRET_ID = aws_secretsmanager_secret.db.id\n  }\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"

  environment {
    variables = {
      LOG_LEVEL   = "info"
      DB_PASSWORD = "example-not-a-real-password"
    }
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

  environment {
    variables = {
      DB_PASSWORD_SECRET_ID = aws_secretsmanager_secret.db.id
      API_TOKEN             = var.api_token
    }
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
        S3Key: api.zip
      Environment:
        Variables:
          STRIPE_API_KEY: example-key-not-real-0000`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  StripeKey:
    Type: String
    NoEcho: true
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
      Environment:
        Variables:
          STRIPE_API_KEY: !Ref StripeKey`,
      ],
    },
  },
  evaluate: (f) =>
    secretEnv(f.env).map((e) =>
      fail(e.value, `${f.address} sets ${e.name} to a credential written in the configuration`, {
        key: `${f.address} env ${e.name}`,
        snippet: `${e.name} = "${redactValue(e.value.value)}"`,
      }),
    ),
});
