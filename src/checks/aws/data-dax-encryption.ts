import type { DaxCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<DaxCluster>({
  id: "MAM-AWS-141",
  title: "DAX cluster is not encrypted at rest",
  severity: "medium",
  description:
    "Server-side encryption is off for the DynamoDB Accelerator cluster (`server_side_encryption { enabled }` / " +
    "`SSESpecification.SSEEnabled` false or not written; the default is off). The cache holds copies of table " +
    "items, so an encrypted table served through an unencrypted cache stores the same data in the clear. Encryption " +
    "can only be chosen when the cluster is created.",
  appliesTo: "aws.dax.Cluster",
  references: { checkov: "CKV_AWS_47", trivy: "AVD-AWS-0023" },
  remediation: {
    text: "Create the cluster with server-side encryption enabled and move clients to it.",
    fix: "server_side_encryption {\n  enabled = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_dax_cluster" "orders" {
  cluster_name       = "orders"
  iam_role_arn       = aws_iam_role.dax.arn
  node_type          = "dax.r4.large"
  replication_factor = 3
}`,
      ],
      good: [
        `resource "aws_dax_cluster" "orders" {
  cluster_name       = "orders"
  iam_role_arn       = aws_iam_role.dax.arn
  node_type          = "dax.r4.large"
  replication_factor = 3

  server_side_encryption {
    enabled = true
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  OrdersCache:
    Type: AWS::DAX::Cluster
    Properties:
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
      NodeType: dax.r4.large
      ReplicationFactor: 3`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  OrdersCache:
    Type: AWS::DAX::Cluster
    Properties:
      IAMRoleARN: arn:aws:iam::111122223333:role/dax
      NodeType: dax.r4.large
      ReplicationFactor: 3
      SSESpecification:
        SSEEnabled: true`,
      ],
    },
  },
  evaluate(c) {
    const at = offAt(c.encrypted, c);
    return at ? fail(at, `${c.address} caches table items unencrypted`, { key: `${c.address} encryption` }) : undefined;
  },
});
