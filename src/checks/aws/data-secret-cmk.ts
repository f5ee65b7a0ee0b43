import type { Secret } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { isAwsManagedAlias } from "./data-util.js";

export default defineCheck<Secret>({
  id: "MAM-AWS-145",
  title: "Secrets Manager secret is not encrypted with a customer-managed KMS key",
  severity: "low",
  description:
    "The secret names no KMS key (`kms_key_id` / `KmsKeyId`), or names `alias/aws/secretsmanager`, so it is " +
    "encrypted with the AWS managed key. Anyone in the account allowed `secretsmanager:GetSecretValue` can then " +
    "read it; a customer-managed key adds a second gate (its key policy) and is required to share the secret with " +
    "another account.",
  appliesTo: "aws.secretsmanager.Secret",
  references: { checkov: "CKV_AWS_149", trivy: "AVD-AWS-0098" },
  remediation: {
    text: "Encrypt the secret with a customer-managed key whose policy names the roles that read it.",
    fix: "kms_key_id = aws_kms_key.secrets.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_secretsmanager_secret" "db" {
  name = "storefront/db"
}`,
      ],
      good: [
        `resource "aws_secretsmanager_secret" "db" {
  name       = "storefront/db"
  kms_key_id = aws_kms_key.secrets.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: storefront/db
      KmsKeyId: alias/aws/secretsmanager`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  SecretsKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: storefront/db
      KmsKeyId: !Ref SecretsKey`,
      ],
    },
  },
  evaluate(s) {
    const key = `${s.address} customer key`;
    if (!s.kmsKey) return fail(s.range, `${s.address} is encrypted with the AWS managed key`, { key });
    return isAwsManagedAlias(s.kmsKey) ? fail(s.kmsKey, `${s.address} is encrypted with the AWS managed key`, { key }) : undefined;
  },
});
