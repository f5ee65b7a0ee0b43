// Terraform onto KMS keys (with a separate aws_kms_key_policy), Secrets Manager secrets (with
// their rotation resource) and AWS Backup vaults.
import type { BackupVault, KmsKey, Secret } from "../../models/aws-data.js";
import { policyDocument, unknownPolicy } from "./aws-data-policy.js";
import { block, bool, named, num, str } from "./aws-data-util.js";
import type { TfIndex } from "./types.js";
import { base, joins, presence } from "./util.js";

export function kmsKeys(index: TfIndex): KmsKey[] {
  const policies = joins(index, "aws_kms_key_policy", "key_id", "aws_kms_key");
  return index.ofType("aws_kms_key").map((r) => {
    const inline = r.block.attrs.get("policy");
    const sep = policies.byTarget.get(r.address)?.[0]?.block.attrs.get("policy");
    const doc = inline ?? sep;
    return {
      ...base(r, "aws.kms.Key"),
      rotation: bool(r, "enable_key_rotation"),
      keySpec: str(r, "customer_master_key_spec"),
      deletionWindowDays: num(r, "deletion_window_in_days"),
      policy: doc ? policyDocument(doc) : policies.unplaced ? unknownPolicy(policies.unplaced) : undefined,
    };
  });
}

export function secrets(index: TfIndex): Secret[] {
  const rotations = joins(index, "aws_secretsmanager_secret_rotation", "secret_id", "aws_secretsmanager_secret");
  return index.ofType("aws_secretsmanager_secret").map((r) => {
    const companion = rotations.byTarget.get(r.address)?.[0];
    // Provider v4 and earlier configured rotation on the secret itself.
    const inlineRules = r.block.attrs.has("rotation_lambda_arn") ? block(r, "rotation_rules") : undefined;
    const rules = inlineRules ?? (companion ? block(companion, "rotation_rules") : undefined);
    return {
      ...base(r, "aws.secretsmanager.Secret"),
      kmsKey: named(r, "kms_key_id"),
      rotation: presence(rotations, r.address, inlineRules?.range),
      rotationDays: num(rules, "automatically_after_days"),
    };
  });
}

export function backupVaults(index: TfIndex): BackupVault[] {
  return index.ofType("aws_backup_vault").map((r) => ({ ...base(r, "aws.backup.Vault"), kmsKey: named(r, "kms_key_arn") }));
}
