import type { BackupVault } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";
import { isAwsManagedAlias } from "./data-util.js";

export default defineCheck<BackupVault>({
  id: "MAM-AWS-196",
  title: "AWS Backup vault is not encrypted with a customer-managed KMS key",
  severity: "low",
  description:
    "The backup vault names no KMS key (`kms_key_arn` / `EncryptionKeyArn`), so recovery points are encrypted with " +
    "the AWS managed `aws/backup` key. A customer-managed key lets its policy decide who may restore backups, " +
    "and is needed to copy recovery points to another account for safe keeping.",
  appliesTo: "aws.backup.Vault",
  references: { checkov: "CKV_AWS_166" },
  remediation: {
    text: "Create the vault with a customer-managed KMS key.",
    fix: "kms_key_arn = aws_kms_key.backup.arn",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_backup_vault" "main" {
  name = "main"
}`,
      ],
      good: [
        `resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = aws_kms_key.backup.arn
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: main`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  BackupKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: main
      EncryptionKeyArn: !GetAtt BackupKey.Arn`,
      ],
    },
  },
  evaluate(v) {
    const key = `${v.address} customer key`;
    if (!v.kmsKey) return fail(v.range, `${v.address} encrypts recovery points with the AWS managed key`, { key });
    return isAwsManagedAlias(v.kmsKey) ? fail(v.kmsKey, `${v.address} encrypts recovery points with the AWS managed key`, { key }) : undefined;
  },
});
