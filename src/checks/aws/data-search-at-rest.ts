import type { SearchDomain } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<SearchDomain>({
  id: "MAM-AWS-180",
  title: "OpenSearch domain is not encrypted at rest",
  severity: "high",
  description:
    "Encryption at rest is off for the OpenSearch or Elasticsearch domain (`encrypt_at_rest { enabled }` / " +
    "`EncryptionAtRestOptions.Enabled` false or not written). Indices, logs, swap files and automated snapshots are " +
    "then stored unencrypted; search clusters tend to hold copies of everything applications log or index.",
  appliesTo: "aws.opensearch.Domain",
  references: { checkov: "CKV_AWS_5", trivy: "AVD-AWS-0048" },
  remediation: {
    text: "Enable encryption at rest (optionally with a customer-managed key).",
    fix: "encrypt_at_rest {\n  enabled = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"
}`,
        `resource "aws_elasticsearch_domain" "logs" {
  domain_name = "logs"

  encrypt_at_rest {
    enabled = false
  }
}`,
      ],
      good: [
        `resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled = true
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
      EngineVersion: OpenSearch_2.13`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.13
      EncryptionAtRestOptions:
        Enabled: true`,
      ],
    },
  },
  evaluate(d) {
    const at = offAt(d.atRestEncryption, d);
    return at ? fail(at, `${d.address} stores its indices unencrypted`, { key: `${d.address} at rest` }) : undefined;
  },
});
