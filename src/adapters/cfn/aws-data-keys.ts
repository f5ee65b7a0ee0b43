// CloudFormation onto KMS keys, Secrets Manager secrets (with their AWS::SecretsManager::RotationSchedule)
// and AWS Backup vaults.
import type { BackupVault, KmsKey, Secret } from "../../models/aws-data.js";
import { policyDocument } from "../tf/aws-data-policy.js";
import { bool, joinsList, named, num, str } from "./aws-data-util.js";
import type { CfnIndex } from "./types.js";
import { base, prop } from "./util.js";

export function kmsKeys(index: CfnIndex): KmsKey[] {
  return index.ofType("AWS::KMS::Key").map((r) => {
    const policy = prop(r, "KeyPolicy");
    return {
      ...base(r, "aws.kms.Key"),
      rotation: bool(r, "EnableKeyRotation"),
      keySpec: str(r, "KeySpec"),
      deletionWindowDays: num(r, "PendingWindowInDays"),
      policy: policy ? policyDocument(policy) : undefined,
    };
  });
}

export function secrets(index: CfnIndex): Secret[] {
  const schedules = joinsList(index, "AWS::SecretsManager::RotationSchedule", "SecretId", "AWS::SecretsManager::Secret", "Name");
  return index.ofType("AWS::SecretsManager::Secret").map((r) => {
    const schedule = schedules.byTarget.get(r.logicalId)?.[0];
    return {
      ...base(r, "aws.secretsmanager.Secret"),
      kmsKey: named(r, "KmsKeyId"),
      rotation: schedule
        ? { value: true as const, known: true, range: schedule.range }
        : schedules.unplaced
          ? { value: undefined, known: false, range: schedules.unplaced.range }
          : undefined,
      rotationDays: schedule ? num(schedule, "RotationRules.AutomaticallyAfterDays") : undefined,
    };
  });
}

export function backupVaults(index: CfnIndex): BackupVault[] {
  return index.ofType("AWS::Backup::BackupVault").map((r) => ({ ...base(r, "aws.backup.Vault"), kmsKey: named(r, "EncryptionKeyArn") }));
}
