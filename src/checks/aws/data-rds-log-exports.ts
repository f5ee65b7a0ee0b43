import type { RdsInstanceData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<RdsInstanceData>({
  id: "MAM-AWS-154",
  title: "RDS instance does not export its logs to CloudWatch",
  severity: "low",
  description:
    "No database log is exported to CloudWatch Logs (`enabled_cloudwatch_logs_exports` / `EnableCloudwatchLogsExports` " +
    "not written or empty). Error, audit and connection logs then stay on the instance, rotate away within days, " +
    "and cannot be searched, alarmed on or kept past the instance's life. Members of an Aurora cluster export " +
    "through the cluster (MAM-AWS-165) and are not reported.",
  appliesTo: "aws.rds.InstanceData",
  references: { checkov: "CKV_AWS_129" },
  remediation: {
    text: "Export the engine's logs (PostgreSQL: `postgresql`; MySQL/MariaDB: `error`, `general`, `slowquery`, `audit`) to CloudWatch Logs.",
    fix: 'enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.micro"
}`,
        `resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "mysql"
  instance_class                  = "db.t3.micro"
  enabled_cloudwatch_logs_exports = []
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "postgres"
  instance_class                  = "db.t3.micro"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
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
      DBInstanceClass: db.t3.micro`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      EnableCloudwatchLogsExports:
        - error
        - audit`,
      ],
    },
  },
  evaluate(db) {
    if (db.clusterMember || (db.logExports && db.logExports.length > 0)) return undefined;
    return fail(db.range, `${db.address} keeps its database logs on the instance only`, { key: `${db.address} log exports` });
  },
});
