import type { ApiDomainName } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<ApiDomainName>({
  id: "MAM-AWS-253",
  title: "API Gateway custom domain accepts TLS 1.0",
  severity: "medium",
  description:
    "The custom domain's `security_policy` / `SecurityPolicy` is `TLS_1_0`, so clients may connect with TLS 1.0 " +
    "and 1.1, deprecated by RFC 8996 and refused by PCI DSS. Domains without a policy written are not reported.",
  appliesTo: "aws.apigateway.DomainName",
  references: { checkov: "CKV_AWS_206", trivy: "AVD-AWS-0005" },
  remediation: { text: "Use the TLS_1_2 security policy (or a newer enhanced policy).", fix: 'security_policy = "TLS_1_2"' },
  examples: {
    terraform: {
      bad: [
        `resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = "TLS_1_0"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}`,
      ],
      good: [
        `resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      SecurityPolicy: TLS_1_0`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
      SecurityPolicy: TLS_1_2`,
      ],
    },
  },
  evaluate(d) {
    if (!isKnown(d.securityPolicy, "TLS_1_0")) return undefined;
    return fail(d.securityPolicy, `${d.address} accepts TLS 1.0`, { key: `${d.address} tls` });
  },
});
