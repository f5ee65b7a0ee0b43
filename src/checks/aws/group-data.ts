// AWS checks on data and security services (S3, KMS, CloudTrail, CloudWatch Logs, SNS, SQS,
// DynamoDB, Secrets Manager, RDS, ElastiCache, Redshift, EFS, OpenSearch, IAM, AWS Backup):
// ids MAM-AWS-100 to 199, in id order.
import type { Check } from "../types.js";
import s3AccessLogging from "./data-s3-access-logging.js";
import s3KmsCmk from "./data-s3-kms-cmk.js";
import s3DenyHttp from "./data-s3-deny-http.js";
import s3PolicyPublic from "./data-s3-policy-public.js";
import s3MfaDelete from "./data-s3-mfa-delete.js";
import s3Lifecycle from "./data-s3-lifecycle.js";
import trailBucketLogging from "./data-trail-bucket-logging.js";
import trailBucketPublic from "./data-trail-bucket-public.js";
import trailBucketObjectLock from "./data-trail-bucket-object-lock.js";
import kmsRotation from "./data-kms-rotation.js";
import kmsPolicyPublic from "./data-kms-policy-public.js";
import kmsDeletionWindow from "./data-kms-deletion-window.js";
import trailMultiRegion from "./data-trail-multi-region.js";
import trailLogValidation from "./data-trail-log-validation.js";
import trailKms from "./data-trail-kms.js";
import trailCloudwatch from "./data-trail-cloudwatch.js";
import trailS3DataEvents from "./data-trail-s3-data-events.js";
import trailLoggingOff from "./data-trail-logging-off.js";
import logsRetentionUnset from "./data-logs-retention-unset.js";
import logsRetentionShort from "./data-logs-retention-short.js";
import logsKms from "./data-logs-kms.js";
import snsEncryption from "./data-sns-encryption.js";
import snsAwsManagedKey from "./data-sns-aws-managed-key.js";
import snsPolicyPublic from "./data-sns-policy-public.js";
import sqsEncryption from "./data-sqs-encryption.js";
import sqsCmk from "./data-sqs-cmk.js";
import sqsPolicyPublic from "./data-sqs-policy-public.js";
import dynamodbPitr from "./data-dynamodb-pitr.js";
import dynamodbCmk from "./data-dynamodb-cmk.js";
import dynamodbDeletionProtection from "./data-dynamodb-deletion-protection.js";
import daxEncryption from "./data-dax-encryption.js";
import secretRotation from "./data-secret-rotation.js";
import secretCmk from "./data-secret-cmk.js";
import secretRotationPeriod from "./data-secret-rotation-period.js";
import rdsIamAuth from "./data-rds-iam-auth.js";
import rdsBackupRetention from "./data-rds-backup-retention.js";
import rdsMultiAz from "./data-rds-multi-az.js";
import rdsMinorUpgrade from "./data-rds-minor-upgrade.js";
import rdsLogExports from "./data-rds-log-exports.js";
import rdsDeletionProtection from "./data-rds-deletion-protection.js";
import rdsCopyTags from "./data-rds-copy-tags.js";
import rdsPerformanceInsightsKms from "./data-rds-performance-insights-kms.js";
import rdsClusterEncryption from "./data-rds-cluster-encryption.js";
import rdsClusterIamAuth from "./data-rds-cluster-iam-auth.js";
import rdsClusterBackupRetention from "./data-rds-cluster-backup-retention.js";
import rdsClusterDeletionProtection from "./data-rds-cluster-deletion-protection.js";
import rdsClusterCopyTags from "./data-rds-cluster-copy-tags.js";
import rdsClusterLogExports from "./data-rds-cluster-log-exports.js";
import elasticacheAtRest from "./data-elasticache-at-rest.js";
import elasticacheInTransit from "./data-elasticache-in-transit.js";
import elasticacheAuth from "./data-elasticache-auth.js";
import redshiftEncryption from "./data-redshift-encryption.js";
import redshiftPublic from "./data-redshift-public.js";
import redshiftAuditLogging from "./data-redshift-audit-logging.js";
import efsEncryption from "./data-efs-encryption.js";
import searchAtRest from "./data-search-at-rest.js";
import searchNodeToNode from "./data-search-node-to-node.js";
import searchHttps from "./data-search-https.js";
import searchTlsPolicy from "./data-search-tls-policy.js";
import searchVpc from "./data-search-vpc.js";
import searchLogging from "./data-search-logging.js";
import iamPasswordLength from "./data-iam-password-length.js";
import iamPasswordReuse from "./data-iam-password-reuse.js";
import iamUserManagedPolicy from "./data-iam-user-managed-policy.js";
import iamUserInlinePolicy from "./data-iam-user-inline-policy.js";
import iamRoleTrustPublic from "./data-iam-role-trust-public.js";
import iamAdminAccessAttached from "./data-iam-admin-access-attached.js";
import backupVaultCmk from "./data-backup-vault-cmk.js";

export const awsDataChecks: readonly Check[] = [
  s3AccessLogging,
  s3KmsCmk,
  s3DenyHttp,
  s3PolicyPublic,
  s3MfaDelete,
  s3Lifecycle,
  trailBucketLogging,
  trailBucketPublic,
  trailBucketObjectLock,
  kmsRotation,
  kmsPolicyPublic,
  kmsDeletionWindow,
  trailMultiRegion,
  trailLogValidation,
  trailKms,
  trailCloudwatch,
  trailS3DataEvents,
  trailLoggingOff,
  logsRetentionUnset,
  logsRetentionShort,
  logsKms,
  snsEncryption,
  snsAwsManagedKey,
  snsPolicyPublic,
  sqsEncryption,
  sqsCmk,
  sqsPolicyPublic,
  dynamodbPitr,
  dynamodbCmk,
  dynamodbDeletionProtection,
  daxEncryption,
  secretRotation,
  secretCmk,
  secretRotationPeriod,
  rdsIamAuth,
  rdsBackupRetention,
  rdsMultiAz,
  rdsMinorUpgrade,
  rdsLogExports,
  rdsDeletionProtection,
  rdsCopyTags,
  rdsPerformanceInsightsKms,
  rdsClusterEncryption,
  rdsClusterIamAuth,
  rdsClusterBackupRetention,
  rdsClusterDeletionProtection,
  rdsClusterCopyTags,
  rdsClusterLogExports,
  elasticacheAtRest,
  elasticacheInTransit,
  elasticacheAuth,
  redshiftEncryption,
  redshiftPublic,
  redshiftAuditLogging,
  efsEncryption,
  searchAtRest,
  searchNodeToNode,
  searchHttps,
  searchTlsPolicy,
  searchVpc,
  searchLogging,
  iamPasswordLength,
  iamPasswordReuse,
  iamUserManagedPolicy,
  iamUserInlinePolicy,
  iamRoleTrustPublic,
  iamAdminAccessAttached,
  backupVaultCmk,
];
