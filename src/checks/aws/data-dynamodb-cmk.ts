import type { DynamoTable } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { isAwsManagedAlias } from "./data-util.js";

export default defineCheck<DynamoTable>({
  id: "MAM-AWS-139",
  title: "DynamoDB table is not encrypted with a customer-managed KMS key",
  severity: "low",
  description:
    "The table is encrypted with the key DynamoDB owns (no `server_side_encryption` / `SSESpecification`) or with " +
    "the AWS managed `aws/dynamodb` key (encryption on, no key named). Neither lets you restrict through a key " +
    "policy who may read the data, see each use of the key in CloudTrail, or make the data unreadable at once by " +
    "disabling the key.",
  appliesTo: "aws.dynamodb.Table",
  references: { checkov: "CKV_AWS_119", trivy: "AVD-AWS-0025" },
  remediation: {
    text: "Turn on server-side encryption with a customer-managed KMS key.",
    fix: "server_side_encryption {\n  enabled     = true\n  kms_key_arn = aws_kms_key.dynamodb.arn\n}",
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

  server_side_encryption {
    enabled = true
  }
}`,
      ],
      good: [
        `resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
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
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH
      SSESpecification:
        SSEEnabled: true
        SSEType: KMS
        KMSMasterKeyId: alias/storefront-dynamodb`,
      ],
    },
  },
  evaluate(t) {
    const key = `${t.address} customer key`;
    if (t.kmsKey) return isAwsManagedAlias(t.kmsKey) ? fail(t.kmsKey, `${t.address} uses the AWS managed key ${t.kmsKey.value ?? ""}`, { key }) : undefined;
    if (t.sseKms && !t.sseKms.known) return undefined;
    return fail(t.sseKms ?? t, `${t.address} is encrypted with an AWS owned or AWS managed key`, { key });
  },
});
