import type { RdsCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

const MIN_DAYS = 7;

export default defineCheck<RdsCluster>({
  id: "MAM-AWS-162",
  title: "RDS cluster keeps automated backups for less than 7 days",
  severity: "medium",
  description:
    `The cluster's backup retention (\`backup_retention_period\` / \`BackupRetentionPeriod\`) is below ${MIN_DAYS} days, ` +
    "or not written (the default is one day). A problem noticed after a weekend can then no longer be undone by a " +
    "point-in-time restore to before it began.",
  appliesTo: "aws.rds.Cluster",
  remediation: {
    text: `Keep automated backups for at least ${MIN_DAYS} days (up to 35).`,
    fix: "backup_retention_period = 7",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
}`,
        `resource "aws_rds_cluster" "orders" {
  cluster_identifier      = "orders"
  engine                  = "aurora-postgresql"
  storage_encrypted       = true
  backup_retention_period = 3
}`,
      ],
      good: [
        `resource "aws_rds_cluster" "orders" {
  cluster_identifier      = "orders"
  engine                  = "aurora-postgresql"
  storage_encrypted       = true
  backup_retention_period = 14
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
      BackupRetentionPeriod: 1`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      BackupRetentionPeriod: 7`,
      ],
    },
  },
  evaluate(c) {
    const d = c.backupRetentionDays;
    const key = `${c.address} backup retention`;
    if (!d) return fail(c.range, `${c.address} does not set backup retention (the default is one day)`, { key });
    if (!d.known || d.value === undefined || d.value >= MIN_DAYS) return undefined;
    return fail(d, `${c.address} keeps backups for ${d.value} day(s) only`, { key });
  },
});
