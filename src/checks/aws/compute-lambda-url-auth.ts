import type { LambdaFunctionUrl } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<LambdaFunctionUrl>({
  id: "MAM-AWS-233",
  title: "Lambda function URL needs no authentication",
  severity: "medium",
  description:
    "The function URL's authorization type is `NONE`, so anyone on the internet who learns the URL can invoke the " +
    "function. That is sometimes the intent (a public webhook), in which case the function must authenticate the " +
    "caller itself; more often an IAM-authenticated URL or an API in front with authorisation and throttling fits.",
  appliesTo: "aws.lambda.FunctionUrl",
  references: { checkov: "CKV_AWS_258" },
  remediation: {
    text: "Use `AWS_IAM` authorisation (callers sign requests), or put API Gateway with an authoriser in front; if the URL must be public, verify the caller in the function (a webhook signature).",
    fix: 'authorization_type = "AWS_IAM"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE"
}`,
      ],
      good: [
        `resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "AWS_IAM"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ApiUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:api
      AuthType: NONE`,
        `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      FunctionUrlConfig:
        AuthType: NONE`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ApiUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:api
      AuthType: AWS_IAM`,
      ],
    },
  },
  evaluate(u) {
    if (!isKnown(u.authType, "NONE")) return undefined;
    return fail(u.authType, `${u.address} can be invoked by anyone: authorization type NONE`, { key: `${u.address} auth none` });
  },
});
