import type { Secret } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<Secret>({
  id: "MAM-AWS-144",
  title: "Secrets Manager secret is not rotated automatically",
  severity: "medium",
  description:
    "No rotation schedule refers to the secret (`aws_secretsmanager_secret_rotation` / " +
    "`AWS::SecretsManager::RotationSchedule`). A secret that never changes stays valid for as long as any copy of " +
    "it survives: in a laptop's shell history, an old container image, a log line or a departed employee's notes. " +
    "Files where a rotation cannot be tied to its secret are not reported.",
  appliesTo: "aws.secretsmanager.Secret",
  references: { checkov: "CKV2_AWS_57" },
  remediation: {
    text: "Attach a rotation function (AWS provides them for RDS, Redshift and DocumentDB credentials) and a schedule.",
    fix: 'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_secretsmanager_secret" "db" {
  name       = "storefront/db"
  kms_key_id = aws_kms_key.secrets.arn
}`,
      ],
      good: [
        `resource "aws_secretsmanager_secret" "db" {
  name       = "storefront/db"
  kms_key_id = aws_kms_key.secrets.arn
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    automatically_after_days = 30
  }
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
      Name: storefront/db`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: storefront/db
  DbSecretRotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref DbSecret
      RotationLambdaARN: arn:aws:lambda:eu-west-1:111122223333:function:rotate
      RotationRules:
        AutomaticallyAfterDays: 30`,
      ],
    },
  },
  evaluate(s) {
    if (s.rotation) return undefined;
    return fail(s.range, `${s.address} never rotates`, { key: `${s.address} rotation` });
  },
});
