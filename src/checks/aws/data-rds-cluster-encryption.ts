import type { RdsCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { is, offAt } from "./data-util.js";

export default defineCheck<RdsCluster>({
  id: "MAM-AWS-160",
  title: "RDS cluster storage is not encrypted",
  severity: "high",
  description:
    "`storage_encrypted` / `StorageEncrypted` is false or not written (the default for provisioned clusters is " +
    "false). The cluster volume, its automated backups and snapshots are then unencrypted, and encryption cannot " +
    "be turned on later without restoring into a new cluster. Serverless v1 clusters (always encrypted) and " +
    "clusters restored from a snapshot or replicating another cluster (which inherit the setting) are not reported.",
  appliesTo: "aws.rds.Cluster",
  references: { checkov: "CKV_AWS_96", trivy: "AVD-AWS-0079" },
  remediation: {
    text: "Create the cluster with storage encryption on, ideally with a customer-managed `kms_key_id`; for an existing cluster, restore an encrypted copy of a snapshot.",
    fix: "storage_encrypted = true\nkms_key_id        = aws_kms_key.rds.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  master_username    = "orders"
}`,
      ],
      good: [
        `resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  master_username    = "orders"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.rds.arn
}`,
        `resource "aws_rds_cluster" "restored" {
  cluster_identifier  = "orders-restored"
  engine              = "aurora-postgresql"
  snapshot_identifier = "orders-2024-06-01"
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
      Engine: aurora-mysql
      StorageEncrypted: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      StorageEncrypted: true`,
      ],
    },
  },
  evaluate(c) {
    if (c.inheritsStorage || is(c.engineMode, "serverless")) return undefined;
    const at = offAt(c.storageEncrypted, c);
    return at ? fail(at, `${c.address} does not encrypt its storage`, { key: `${c.address} storage encrypted` }) : undefined;
  },
});
