import type { DynamoTable } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { offAt } from "./data-util.js";

export default defineCheck<DynamoTable>({
  id: "MAM-AWS-140",
  title: "DynamoDB table has no deletion protection",
  severity: "low",
  description:
    "Deletion protection is off (`deletion_protection_enabled` / `DeletionProtectionEnabled` false or not written). " +
    "One DeleteTable call, from a mistaken `terraform destroy`, a stack rollback or a stolen credential, then removes " +
    "the table and its point-in-time recovery history.",
  appliesTo: "aws.dynamodb.Table",
  remediation: {
    text: "Enable deletion protection on tables that hold data you cannot recreate.",
    fix: "deletion_protection_enabled = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }
}`,
      ],
      good: [
        `resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  hash_key                    = "id"
  deletion_protection_enabled = true

  attribute {
    name = "id"
    type = "S"
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
      DeletionProtectionEnabled: false
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      DeletionProtectionEnabled: true
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH`,
      ],
    },
  },
  evaluate(t) {
    const at = offAt(t.deletionProtection, t);
    return at ? fail(at, `${t.address} can be deleted in one call`, { key: `${t.address} deletion protection` }) : undefined;
  },
});
