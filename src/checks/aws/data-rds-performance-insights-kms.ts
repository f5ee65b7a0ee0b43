import type { RdsInstanceData } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { is } from "./data-util.js";

export default defineCheck<RdsInstanceData>({
  id: "MAM-AWS-157",
  title: "RDS Performance Insights data is not encrypted with a customer-managed key",
  severity: "low",
  description:
    "Performance Insights is on but names no KMS key (`performance_insights_kms_key_id` / " +
    "`PerformanceInsightsKMSKeyId`), so it uses the AWS managed `aws/rds` key. Performance Insights keeps the text " +
    "of the top SQL statements, which often contains literal values from queries (emails, tokens, personal data); " +
    "a customer-managed key lets its key policy decide who can read them. The key cannot be changed afterwards.",
  appliesTo: "aws.rds.InstanceData",
  references: { checkov: "CKV_AWS_354", trivy: "AVD-AWS-0078" },
  remediation: {
    text: "Name a customer-managed key for Performance Insights when enabling it.",
    fix: "performance_insights_enabled    = true\nperformance_insights_kms_key_id = aws_kms_key.rds.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_db_instance" "orders" {
  identifier                   = "orders"
  engine                       = "postgres"
  instance_class               = "db.m5.large"
  performance_insights_enabled = true
}`,
      ],
      good: [
        `resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "postgres"
  instance_class                  = "db.m5.large"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.rds.arn
}`,
        `resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
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
      Engine: postgres
      DBInstanceClass: db.m5.large
      EnablePerformanceInsights: true`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.m5.large
      EnablePerformanceInsights: true
      PerformanceInsightsKMSKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      ],
    },
  },
  evaluate(db) {
    if (!is(db.performanceInsights, true) || db.performanceInsightsKmsKey) return undefined;
    return fail(db.performanceInsights ?? db, `${db.address} encrypts Performance Insights (query texts) with the AWS managed key`, { key: `${db.address} pi kms` });
  },
});
