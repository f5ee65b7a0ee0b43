import type { DynamoTable } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<DynamoTable>({
  id: "MAM-AWS-138",
  title: "DynamoDB table has no point-in-time recovery",
  severity: "medium",
  description:
    "Point-in-time recovery is off (`point_in_time_recovery { enabled }` / `PointInTimeRecoverySpecification` false " +
    "or not written; the default is off). Without it the table cannot be restored to the second before a bad " +
    "deployment, a runaway script or a deliberate wipe; only on-demand backups taken beforehand remain.",
  appliesTo: "aws.dynamodb.Table",
  references: { checkov: "CKV_AWS_28", trivy: "AVD-AWS-0024" },
  remediation: {
    text: "Enable point-in-time recovery on the table.",
    fix: "point_in_time_recovery {\n  enabled = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}`,
      ],
      good: [
        `resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: false`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true`,
      ],
    },
  },
  evaluate(t) {
    const at = offAt(t.pointInTimeRecovery, t);
    return at ? fail(at, `${t.address} cannot be restored to a point in time`, { key: `${t.address} pitr` }) : undefined;
  },
});
