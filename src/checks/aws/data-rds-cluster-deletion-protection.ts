import type { RdsCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<RdsCluster>({
  id: "MAM-AWS-163",
  title: "RDS cluster has no deletion protection",
  severity: "medium",
  description:
    "Deletion protection is off for the cluster (`deletion_protection` / `DeletionProtection` false or not written). " +
    "One DeleteDBCluster call then removes the cluster volume and, unless a final snapshot is taken, every " +
    "automated backup with it.",
  appliesTo: "aws.rds.Cluster",
  references: { checkov: "CKV_AWS_139", trivy: "AVD-AWS-0343" },
  remediation: {
    text: "Enable deletion protection on the cluster.",
    fix: "deletion_protection = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
}`,
      ],
      good: [
        `resource "aws_rds_cluster" "orders" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  storage_encrypted   = true
  deletion_protection = true
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      DeletionProtection: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      DeletionProtection: true`,
      ],
    },
  },
  evaluate(c) {
    const at = offAt(c.deletionProtection, c);
    return at ? fail(at, `${c.address} can be deleted without first turning off protection`, { key: `${c.address} deletion protection` }) : undefined;
  },
});
