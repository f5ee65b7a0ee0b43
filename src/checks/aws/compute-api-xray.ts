import type { ApiStage } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<ApiStage>({
  id: "MAM-AWS-250",
  title: "API Gateway REST stage has no X-Ray tracing",
  severity: "low",
  description:
    "`xray_tracing_enabled` / `TracingEnabled` is not true on the REST API stage, so requests are not traced through " +
    "the API to the integrations behind it: unusual calls and where they went are hard to follow. HTTP and " +
    "WebSocket APIs do not support X-Ray and are not reported.",
  appliesTo: "aws.apigateway.Stage",
  references: { checkov: "CKV_AWS_73", trivy: "AVD-AWS-0003" },
  remediation: { text: "Turn on X-Ray tracing for the stage.", fix: "xray_tracing_enabled = true" },
  examples: {
    terraform: {
      bad: [
        `resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = aws_api_gateway_deployment.shop.id
  stage_name    = "prod"
}`,
      ],
      good: [
        `resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = aws_api_gateway_rest_api.shop.id
  deployment_id        = aws_api_gateway_deployment.shop.id
  stage_name           = "prod"
  xray_tracing_enabled = true
}`,
        `resource "aws_apigatewayv2_stage" "prod" {
  api_id = aws_apigatewayv2_api.shop.id
  name   = "prod"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: abc123
      DeploymentId: dep123
      StageName: prod
      TracingEnabled: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ProdStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: abc123
      DeploymentId: dep123
      StageName: prod
      TracingEnabled: true`,
      ],
    },
  },
  evaluate(s) {
    if (s.api !== "rest") return undefined;
    if (s.xrayTracing && (!s.xrayTracing.known || isKnown(s.xrayTracing, true))) return undefined;
    return fail(s.xrayTracing ?? s.range, `${s.address} has no X-Ray tracing`, { key: `${s.address} xray` });
  },
});
