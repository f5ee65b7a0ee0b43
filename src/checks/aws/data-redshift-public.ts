import type { RedshiftCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { is } from "./data-util.js";

export default defineCheck<RedshiftCluster>({
  id: "MAM-AWS-174",
  title: "Redshift cluster is publicly accessible",
  severity: "high",
  description:
    "The cluster is written with `publicly_accessible = true` / `PubliclyAccessible: true`: it gets a public IP " +
    "and its endpoint resolves to it, so the only thing between the warehouse and the internet is its security " +
    "group and the database password. Exposed Redshift endpoints are found and brute-forced like any database.",
  appliesTo: "aws.redshift.Cluster",
  references: { checkov: "CKV_AWS_87" },
  remediation: {
    text: "Make the cluster private and reach it through the VPC (VPN, bastion, or Redshift-managed VPC endpoints).",
    fix: "publicly_accessible = false",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  publicly_accessible = true
}`,
      ],
      good: [
        `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  publicly_accessible = false
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
      PubliclyAccessible: true`,
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
      PubliclyAccessible: false`,
      ],
    },
  },
  evaluate(c) {
    if (!is(c.publiclyAccessible, true)) return undefined;
    return fail(c.publiclyAccessible ?? c, `${c.address} is reachable from the internet`, { key: `${c.address} public` });
  },
});
