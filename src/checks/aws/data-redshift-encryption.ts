import type { RedshiftCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { disabledAt } from "./data-util.js";

export default defineCheck<RedshiftCluster>({
  id: "MAM-AWS-173",
  title: "Redshift cluster has encryption turned off",
  severity: "high",
  description:
    "The cluster is written with `encrypted = false` / `Encrypted: false`. A data warehouse holds the most " +
    "complete copy of the business data there is; unencrypted, its blocks, snapshots and backups are readable " +
    "by whoever gets hold of them. New clusters are encrypted by default, so only an explicit false is reported.",
  appliesTo: "aws.redshift.Cluster",
  references: { checkov: "CKV_AWS_64" },
  remediation: {
    text: "Encrypt the cluster, preferably with a customer-managed KMS key.",
    fix: "encrypted  = true\nkms_key_id = aws_kms_key.redshift.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  encrypted          = false
}`,
      ],
      good: [
        `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.redshift.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: analytics
      MasterUsername: admin
      ManageMasterPassword: true
      Encrypted: "false"`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: analytics
      MasterUsername: admin
      ManageMasterPassword: true
      Encrypted: true`,
      ],
    },
  },
  evaluate(c) {
    const at = disabledAt(c.encrypted);
    return at ? fail(at, `${c.address} stores the warehouse unencrypted`, { key: `${c.address} encrypted` }) : undefined;
  },
});
