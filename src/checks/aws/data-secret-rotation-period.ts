import type { Secret } from "../../models/aws-data.js";
import { defineCheck, fail } from "../define.js";

const MAX_DAYS = 90;

export default defineCheck<Secret>({
  id: "MAM-AWS-146",
  title: "Secrets Manager secret rotates less often than every 90 days",
  severity: "low",
  description:
    `The rotation schedule for the secret waits more than ${MAX_DAYS} days between rotations ` +
    "(`automatically_after_days` / `AutomaticallyAfterDays`). Rotation limits how long a leaked copy stays useful; " +
    "a long period gives an attacker months with a working credential. Schedules written as cron or rate " +
    "expressions are not read.",
  appliesTo: "aws.secretsmanager.Secret",
  references: { checkov: "CKV_AWS_304" },
  remediation: {
    text: `Rotate at least every ${MAX_DAYS} days; 30 days is common for database credentials.`,
    fix: "rotation_rules {\n  automatically_after_days = 30\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "aws_secretsmanager_secret" "db" {
  name = "storefront/db"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    automatically_after_days = 365
  }
}`,
      ],
      good: [
        `resource "aws_secretsmanager_secret" "db" {
  name = "storefront/db"
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
  DbSecretRotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref DbSecret
      RotationLambdaARN: arn:aws:lambda:eu-west-1:111122223333:function:rotate
      RotationRules:
        AutomaticallyAfterDays: 180`,
      ],
      good: [
        `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
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
    const d = s.rotationDays;
    if (!d?.known || d.value === undefined || d.value <= MAX_DAYS) return undefined;
    return fail(d, `${s.address} rotates only every ${d.value} days`, { key: `${s.address} rotation period` });
  },
});
