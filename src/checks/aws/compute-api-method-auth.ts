import type { ApiMethod } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<ApiMethod>({
  id: "MAM-AWS-252",
  title: "API Gateway method needs no authorisation",
  severity: "medium",
  description:
    "A REST API method has authorisation `NONE` (the CloudFormation default) and requires no API key, so anyone who " +
    "finds the endpoint can call the integration behind it. OPTIONS methods (CORS preflight) are not reported. Some " +
    "methods are meant to be public; the integration must then authenticate callers itself.",
  appliesTo: "aws.apigateway.Method",
  references: { checkov: "CKV_AWS_59", trivy: "AVD-AWS-0004" },
  remediation: {
    text: "Protect the method with IAM, a Cognito user pool or a Lambda authoriser (an API key alone identifies, it does not authenticate).",
    fix: 'authorization = "COGNITO_USER_POOLS"\nauthorizer_id = aws_api_gateway_authorizer.users.id',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_api_gateway_method" "orders" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}`,
      ],
      good: [
        `resource "aws_api_gateway_method" "orders" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}`,
        `resource "aws_api_gateway_method" "preflight" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  OrdersGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: abc123
      ResourceId: res123
      HttpMethod: GET
      Integration:
        Type: MOCK`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  OrdersGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: abc123
      ResourceId: res123
      HttpMethod: GET
      AuthorizationType: AWS_IAM
      Integration:
        Type: MOCK`,
      ],
    },
  },
  evaluate(m) {
    if (!isKnown(m.authorization, "NONE") || isKnown(m.apiKeyRequired, true)) return undefined;
    if (m.apiKeyRequired && !m.apiKeyRequired.known) return undefined;
    if (!m.httpMethod?.known || m.httpMethod.value?.toUpperCase() === "OPTIONS") return undefined;
    return fail(m.authorization, `${m.address} (${m.httpMethod.value}) needs no authorisation`, { key: `${m.address} no auth` });
  },
});
