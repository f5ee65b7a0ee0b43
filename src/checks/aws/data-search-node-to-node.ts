import type { SearchDomain } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<SearchDomain>({
  id: "MAM-AWS-181",
  title: "OpenSearch domain does not encrypt traffic between nodes",
  severity: "medium",
  description:
    "Node-to-node encryption is off (`node_to_node_encryption { enabled }` / `NodeToNodeEncryptionOptions.Enabled` " +
    "false or not written). Documents, queries and results then travel between the domain's nodes in clear text " +
    "inside the VPC. Fine-grained access control requires node-to-node encryption.",
  appliesTo: "aws.opensearch.Domain",
  references: { checkov: "CKV_AWS_6", trivy: "AVD-AWS-0043" },
  remediation: {
    text: "Enable node-to-node encryption.",
    fix: "node_to_node_encryption {\n  enabled = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  node_to_node_encryption {
    enabled = false
  }
}`,
      ],
      good: [
        `resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  node_to_node_encryption {
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
    Type: AWS::Elasticsearch::Domain
    Properties:
      ElasticsearchVersion: "7.10"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Search:
    Type: AWS::Elasticsearch::Domain
    Properties:
      ElasticsearchVersion: "7.10"
      NodeToNodeEncryptionOptions:
        Enabled: true`,
      ],
    },
  },
  evaluate(d) {
    const at = offAt(d.nodeToNodeEncryption, d);
    return at ? fail(at, `${d.address} sends data between nodes unencrypted`, { key: `${d.address} node to node` }) : undefined;
  },
});
