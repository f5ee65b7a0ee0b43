import type { RdsCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<RdsCluster>({
  id: "MAM-AWS-164",
  title: "RDS cluster does not copy tags to snapshots",
  severity: "low",
  description:
    "Snapshots of the cluster do not inherit its tags (`copy_tags_to_snapshot` / `CopyTagsToSnapshot` false or not " +
    "written). Classification, ownership and tag-based access conditions then stop at the cluster, and snapshots " +
    "of sensitive data are indistinguishable from the rest.",
  appliesTo: "aws.rds.Cluster",
  references: { checkov: "CKV_AWS_313" },
  remediation: {
    text: "Copy tags to snapshots.",
    fix: "copy_tags_to_snapshot = true",
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
  cluster_identifier    = "orders"
  engine                = "aurora-postgresql"
  storage_encrypted     = true
  copy_tags_to_snapshot = true
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
      Engine: aurora-postgresql`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      CopyTagsToSnapshot: true`,
      ],
    },
  },
  evaluate(c) {
    const at = offAt(c.copyTagsToSnapshot, c);
    return at ? fail(at, `${c.address} snapshots lose the cluster's tags`, { key: `${c.address} copy tags` }) : undefined;
  },
});
