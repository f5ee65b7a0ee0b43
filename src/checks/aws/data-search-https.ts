import type { SearchDomain } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { disabledAt } from "./data-util.js";

export default defineCheck<SearchDomain>({
  id: "MAM-AWS-182",
  title: "OpenSearch domain accepts plain HTTP",
  severity: "high",
  description:
    "HTTPS is not enforced on the domain endpoint (`domain_endpoint_options { enforce_https = false }` / " +
    "`DomainEndpointOptions.EnforceHTTPS: false`). Clients may then send queries, documents and credentials " +
    "(basic auth for fine-grained access control, signed requests) over unencrypted HTTP.",
  appliesTo: "aws.opensearch.Domain",
  references: { checkov: "CKV_AWS_83", trivy: "AVD-AWS-0046" },
  remediation: {
    text: "Enforce HTTPS on the domain endpoint, with a TLS 1.2 policy.",
    fix: 'domain_endpoint_options {\n  enforce_https       = true\n  tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  domain_endpoint_options {
    enforce_https = false
  }
}`,
      ],
      good: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
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
        EnforceHTTPS: false`,
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
    const at = disabledAt(d.enforceHttps);
    return at ? fail(at, `${d.address} accepts unencrypted HTTP requests`, { key: `${d.address} https` }) : undefined;
  },
});
