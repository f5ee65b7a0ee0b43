import type { RdsInstanceData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

/** Engines that support IAM database authentication. */
const IAM_ENGINES = new Set(["mysql", "mariadb", "postgres", "aurora", "aurora-mysql", "aurora-postgresql"]);

export default defineCheck<RdsInstanceData>({
  id: "MAM-AWS-150",
  title: "RDS instance does not allow IAM database authentication",
  severity: "medium",
  description:
    "IAM database authentication is off (`iam_database_authentication_enabled` / `EnableIAMDatabaseAuthentication` " +
    "false or not written) on a MySQL, MariaDB or PostgreSQL instance. Applications then log in with long-lived " +
    "database passwords that end up in config files and environment variables; with IAM authentication they use " +
    "15-minute tokens tied to a role, revoked with the role. Instances of an Aurora cluster take the setting from " +
    "the cluster (MAM-AWS-161), and instances whose engine is not written are not reported.",
  appliesTo: "aws.rds.InstanceData",
  references: { checkov: "CKV_AWS_161", trivy: "AVD-AWS-0176" },
  remediation: {
    text: "Enable IAM database authentication and create database users that authenticate with `AWSAuthenticationPlugin` (MySQL) or the `rds_iam` role (PostgreSQL).",
    fix: "iam_database_authentication_enabled = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier                          = "orders"
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
}`,
        `resource "aws_db_instance" "reports" {
  identifier     = "reports"
  engine         = "sqlserver-se"
  instance_class = "db.m5.large"
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      EnableIAMDatabaseAuthentication: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      EnableIAMDatabaseAuthentication: true`,
      ],
    },
  },
  evaluate(db) {
    if (db.clusterMember || !db.engine?.known || !IAM_ENGINES.has(db.engine.value ?? "")) return undefined;
    const at = offAt(db.iamAuth, db);
    return at ? fail(at, `${db.address} accepts database passwords only (no IAM authentication)`, { key: `${db.address} iam auth` }) : undefined;
  },
});
