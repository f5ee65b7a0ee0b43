import type { ApiStage } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<ApiStage>({
  id: "MAM-AWS-249",
  title: "API Gateway stage has no access logging",
  severity: "medium",
  description:
    "The stage (REST, HTTP or WebSocket API) has no access log settings, so there is no record of who called which " +
    "route, from where, with what result. Abuse of the API, credential stuffing against it and data scraping cannot " +
    "be seen or investigated.",
  appliesTo: "aws.apigateway.Stage",
  references: { checkov: "CKV_AWS_76", trivy: "AVD-AWS-0001" },
  remediation: {
    text: "Send access logs to a CloudWatch Logs group (or Firehose) with a format that includes the caller, the route and the status.",
    fix: "access_log_settings {\n  destination_arn = aws_cloudwatch_log_group.api.arn\n  format          = jsonencode({ requestId = \"$context.requestId\", ip = \"$context.identity.sourceIp\", status = \"$context.status\" })\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = aws_api_gateway_rest_api.shop.id
  deployment_id        = aws_api_gateway_deployment.shop.id
  stage_name           = "prod"
  xray_tracing_enabled = true
}`,
        `resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.shop.id
  name        = "prod"
  auto_deploy = true
}`,
      ],
      good: [
        `resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = aws_api_gateway_deployment.shop.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.requestId $context.identity.sourceIp $context.status"
  }
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
      StageName: prod`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ProdStage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: abc123
      StageName: prod
      AccessLogSettings:
        DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:api
        Format: $context.requestId $context.status`,
      ],
    },
  },
  evaluate(s) {
    if (s.accessLogs) return undefined;
    return fail(s.range, `${s.address} has no access logging`, { key: `${s.address} access logs` });
  },
});
