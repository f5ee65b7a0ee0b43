import type { SearchDomain } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<SearchDomain>({
  id: "MAM-AWS-183",
  title: "OpenSearch domain allows TLS versions older than 1.2",
  severity: "medium",
  description:
    "The domain endpoint's TLS security policy (`tls_security_policy` / `TLSSecurityPolicy`) is one that accepts " +
    "TLS 1.0 and 1.1 (`Policy-Min-TLS-1-0-2019-07`). Those versions are deprecated (RFC 8996) and allow weak " +
    "ciphers, so a client or an attacker in the path can negotiate a connection that no longer protects the data.",
  appliesTo: "aws.opensearch.Domain",
  references: { checkov: "CKV_AWS_228", trivy: "AVD-AWS-0126" },
  remediation: {
    text: "Use a TLS 1.2 policy (`Policy-Min-TLS-1-2-PFS-2023-10` where clients support it).",
    fix: 'tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}`,
      ],
      good: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: true
        TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: true
        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07`,
      ],
    },
  },
  evaluate(d) {
    const p = d.tlsPolicy;
    if (!p?.known || p.value === undefined || !/^Policy-Min-TLS-1-[01]-/.test(p.value)) return undefined;
    return fail(p, `${d.address} accepts TLS below 1.2 (${p.value})`, { key: `${d.address} tls policy` });
  },
});
