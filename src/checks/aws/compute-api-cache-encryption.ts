import type { ApiCacheSettings } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<ApiCacheSettings>({
  id: "MAM-AWS-251",
  title: "API Gateway response cache is not encrypted",
  severity: "medium",
  description:
    "Method settings turn caching on (`caching_enabled`, `CachingEnabled`) without `cache_data_encrypted` / " +
    "`CacheDataEncrypted`. Cached responses, which may hold personal data or tokens, are then stored unencrypted in " +
    "the stage's cache cluster. Settings that do not cache are not reported.",
  appliesTo: "aws.apigateway.CacheSettings",
  references: { checkov: "CKV_AWS_308", trivy: "AVD-AWS-0002" },
  remediation: { text: "Encrypt cached data wherever caching is on.", fix: "settings {\n  caching_enabled      = true\n  cache_data_encrypted = true\n}" },
  examples: {
    terraform: {
      bad: [
        `resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    caching_enabled = true
  }
}`,
      ],
      good: [
        `resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    caching_enabled      = true
    cache_data_encrypted = true
  }
}`,
        `resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled = true
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
      StageName: prod
      CacheClusterEnabled: true
      MethodSettings:
        - HttpMethod: "*"
          ResourcePath: /*
          CachingEnabled: true`,
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
      CacheClusterEnabled: true
      MethodSettings:
        - HttpMethod: "*"
          ResourcePath: /*
          CachingEnabled: true
          CacheDataEncrypted: true`,
      ],
    },
  },
  evaluate(s) {
    if (!isKnown(s.cachingEnabled, true)) return undefined;
    if (s.cacheDataEncrypted && (!s.cacheDataEncrypted.known || isKnown(s.cacheDataEncrypted, true))) return undefined;
    return fail(s.cacheDataEncrypted ?? s.cachingEnabled, `${s.address} caches responses without encrypting them`, { key: `${s.address} cache encryption` });
  },
});
