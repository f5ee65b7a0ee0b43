import type { RdsCluster } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<RdsCluster>({
  id: "MAM-AWS-165",
  title: "RDS cluster does not export its logs to CloudWatch",
  severity: "low",
  description:
    "No database log of the cluster is exported to CloudWatch Logs (`enabled_cloudwatch_logs_exports` / " +
    "`EnableCloudwatchLogsExports` not written or empty). Audit, error and slow-query logs then stay on the " +
    "instances, rotate away, and cannot be searched or alarmed on when something goes wrong.",
  appliesTo: "aws.rds.Cluster",
  remediation: {
    text: "Export the engine's logs (Aurora PostgreSQL: `postgresql`; Aurora MySQL: `audit`, `error`, `general`, `slowquery`).",
    fix: 'enabled_cloudwatch_logs_exports = ["postgresql"]',
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
  cluster_identifier              = "orders"
  engine                          = "aurora-postgresql"
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
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
      Engine: aurora-mysql`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EnableCloudwatchLogsExports:
        - audit
        - error`,
      ],
    },
  },
  evaluate(c) {
    if (c.logExports && c.logExports.length > 0) return undefined;
    return fail(c.range, `${c.address} keeps its database logs on the instances only`, { key: `${c.address} log exports` });
  },
});
