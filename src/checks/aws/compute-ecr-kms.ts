import type { EcrRepository } from "../../models/aws-compute.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<EcrRepository>({
  id: "MAM-AWS-240",
  title: "ECR repository is not encrypted with a KMS key",
  severity: "low",
  description:
    "The repository's encryption type is `AES256` (the default, keys managed by ECR) rather than `KMS` or " +
    "`KMS_DSSE`. Images are encrypted either way; with a KMS key you control who may decrypt them through the key " +
    "policy, see every use in CloudTrail, and can revoke access by disabling the key.",
  appliesTo: "aws.ecr.Repository",
  references: { checkov: "CKV_AWS_136", trivy: "AVD-AWS-0033" },
  remediation: {
    text: "Create repositories with KMS encryption and a customer managed key (the setting cannot be changed later).",
    fix: 'encryption_configuration {\n  encryption_type = "KMS"\n  kms_key         = aws_kms_key.ecr.arn\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_ecr_repository" "app" {
  name = "app"
}`,
      ],
      good: [
        `resource "aws_ecr_repository" "app" {
  name = "app"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ecr.arn
  }
}`,
      ],
    },
    cloudformation: {
      bad: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      EncryptionConfiguration:
        EncryptionType: AES256`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRepo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
      EncryptionConfiguration:
        EncryptionType: KMS
        KmsKey: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      ],
    },
  },
  evaluate(r) {
    const e = r.encryptionType;
    if (e && (!e.known || (e.value ?? "").startsWith("KMS"))) return undefined;
    return fail(e ?? r.range, `${r.address} is not encrypted with a KMS key`, { key: `${r.address} kms` });
  },
});
