import type { RdsCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

/** Cluster engines that support IAM database authentication. */
const IAM_ENGINES = new Set(["aurora", "aurora-mysql", "aurora-postgresql", "mysql", "postgres"]);

export default defineCheck<RdsCluster>({
  id: "MAM-AWS-161",
  title: "RDS cluster does not allow IAM database authentication",
  severity: "medium",
  description:
    "IAM database authentication is off for the cluster (`iam_database_authentication_enabled` / " +
    "`EnableIAMDatabaseAuthentication` false or not written). Every client then needs a long-lived database " +
    "password; with IAM authentication, applications connect with short-lived tokens granted to their role. " +
    "Clusters whose engine is not written (Terraform's default `aurora` is read as such) are reported too; other " +
    "engines are not.",
  appliesTo: "aws.rds.Cluster",
  references: { checkov: "CKV_AWS_162" },
  remediation: {
    text: "Enable IAM database authentication on the cluster and create database users that authenticate through IAM.",
    fix: "iam_database_authentication_enabled = true",
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
  cluster_identifier                  = "orders"
  engine                              = "aurora-postgresql"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
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
      StorageEncrypted: true`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      StorageEncrypted: true
      EnableIAMDatabaseAuthentication: true`,
      ],
    },
  },
  evaluate(c) {
    if (c.engine && (!c.engine.known || !IAM_ENGINES.has(c.engine.value ?? ""))) return undefined;
    const at = offAt(c.iamAuth, c);
    return at ? fail(at, `${c.address} accepts database passwords only (no IAM authentication)`, { key: `${c.address} iam auth` }) : undefined;
  },
});
