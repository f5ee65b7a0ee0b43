// AWS data and security services normalized for checks: S3 settings beyond aws.s3.Bucket, KMS,
// CloudTrail, CloudWatch Logs, SNS, SQS, DynamoDB, Secrets Manager, RDS, ElastiCache, Redshift,
// EFS, OpenSearch, IAM and AWS Backup. Terraform and CloudFormation both map onto these types.
// A field left undefined was not written (the service default applies); a value with
// `known: false` was written but could not be worked out, and checks stay quiet on it.
import type { SourceRange } from "../checks/types.js";
import type { AwsResource } from "./aws.js";
import type { Val } from "./value.js";

// ---- Resource policies (bucket, key, topic, queue and trust policies) ----

export type PrincipalKind = "*" | "AWS" | "Service" | "Federated" | "CanonicalUser";

export interface PolicyPrincipal {
  /** `*` for `"Principal": "*"`; otherwise the key the value was listed under. */
  kind: PrincipalKind;
  value: Val<string>;
}

export interface PolicyCondition {
  /** `Bool`, `StringEquals`, ... */
  operator: string;
  /** `aws:SecureTransport`, ... */
  key: string;
  values: Val<string>[];
}

export interface PolicyStatement {
  effect?: Val<string>;
  /** Empty when the statement names no principal; one unknown entry when it could not be read. */
  principals: PolicyPrincipal[];
  /** The statement uses NotPrincipal (checks that look for "anyone" leave it alone). */
  notPrincipal: boolean;
  action: Val<string>[];
  notAction: Val<string>[];
  /** Undefined: no Condition. `unknown`: a Condition that could not be read. */
  conditions?: PolicyCondition[] | "unknown";
  range: SourceRange;
}

export interface PolicyDocument {
  /** False when the document (or a companion that may carry it) could not be read. */
  known: boolean;
  statements: PolicyStatement[];
  range: SourceRange;
}

// ---- S3 ----

export interface S3PublicAccessBlock {
  ignorePublicAcls?: Val<boolean>;
  restrictPublicBuckets?: Val<boolean>;
  range: SourceRange;
}

/** The S3 settings the data checks read, one per bucket (aws.s3.Bucket keeps the core ones). */
export interface S3BucketData extends AwsResource {
  modelType: "aws.s3.BucketData";
  bucket?: Val<string>;
  /** Server access logging: inline, a companion resource or `LoggingConfiguration`. */
  logging?: Val<true>;
  /** Another bucket in the file delivers its access logs here, or the ACL is log-delivery-write. */
  isLogTarget: boolean;
  /** Default encryption written for the bucket (known true), possibly unknown when a companion could not be tied. */
  defaultEncryption?: Val<true>;
  /** `AES256`, `aws:kms`, `aws:kms:dsse`. */
  sseAlgorithm?: Val<string>;
  /** The KMS key of default encryption; present (even unknown) means a key was named. */
  sseKmsKey?: Val<string>;
  /** The bucket policy; known false when a policy exists that could not be read or tied to a bucket. */
  policy?: PolicyDocument;
  acl?: Val<string>;
  publicAccessBlock?: S3PublicAccessBlock;
  /** Undefined: no versioning configuration written. */
  versioning?: Val<boolean>;
  /** Undefined: not expressible in the source (CloudFormation) or versioning not written. */
  mfaDelete?: Val<boolean>;
  objectLock?: Val<boolean>;
  lifecycle?: Val<true>;
  /** CloudTrail trails in the file that deliver their logs to this bucket. */
  trails: string[];
}

// ---- KMS ----

export interface KmsKey extends AwsResource {
  modelType: "aws.kms.Key";
  rotation?: Val<boolean>;
  /** `SYMMETRIC_DEFAULT` when not written. */
  keySpec?: Val<string>;
  deletionWindowDays?: Val<number>;
  policy?: PolicyDocument;
}

// ---- CloudTrail ----

export interface CloudTrail extends AwsResource {
  modelType: "aws.cloudtrail.Trail";
  multiRegion?: Val<boolean>;
  logFileValidation?: Val<boolean>;
  kmsKey?: Val<string>;
  cloudWatchLogGroup?: Val<string>;
  /** `enable_logging` / `IsLogging`. */
  logging?: Val<boolean>;
  /** Whether an event selector records S3 object-level (data) events. */
  s3DataEvents: Val<boolean>;
}

// ---- CloudWatch Logs ----

export interface LogGroup extends AwsResource {
  modelType: "aws.logs.LogGroup";
  retentionDays?: Val<number>;
  kmsKey?: Val<string>;
}

// ---- SNS and SQS ----

export interface SnsTopic extends AwsResource {
  modelType: "aws.sns.Topic";
  kmsKey?: Val<string>;
  policy?: PolicyDocument;
}

export interface SqsQueue extends AwsResource {
  modelType: "aws.sqs.Queue";
  kmsKey?: Val<string>;
  /** SSE-SQS (on by default for new queues). */
  managedSse?: Val<boolean>;
  policy?: PolicyDocument;
}

// ---- DynamoDB ----

export interface DynamoTable extends AwsResource {
  modelType: "aws.dynamodb.Table";
  pointInTimeRecovery?: Val<boolean>;
  /** Server-side encryption with a KMS key (AWS managed unless a key is named). */
  sseKms?: Val<boolean>;
  kmsKey?: Val<string>;
  deletionProtection?: Val<boolean>;
}

export interface DaxCluster extends AwsResource {
  modelType: "aws.dax.Cluster";
  encrypted?: Val<boolean>;
}

// ---- Secrets Manager ----

export interface Secret extends AwsResource {
  modelType: "aws.secretsmanager.Secret";
  kmsKey?: Val<string>;
  /** A rotation schedule refers to this secret; unknown when one could not be tied to a secret. */
  rotation?: Val<true>;
  rotationDays?: Val<number>;
}

// ---- RDS ----

export interface RdsInstanceData extends AwsResource {
  modelType: "aws.rds.InstanceData";
  engine?: Val<string>;
  /** An Aurora (or other cluster) member: backups, IAM auth, deletion protection are the cluster's. */
  clusterMember: boolean;
  /** A read replica: backups and storage follow its source. */
  replica: boolean;
  iamAuth?: Val<boolean>;
  backupRetentionDays?: Val<number>;
  multiAz?: Val<boolean>;
  autoMinorUpgrade?: Val<boolean>;
  logExports?: Val<string>[];
  deletionProtection?: Val<boolean>;
  copyTagsToSnapshot?: Val<boolean>;
  performanceInsights?: Val<boolean>;
  performanceInsightsKmsKey?: Val<string>;
}

export interface RdsCluster extends AwsResource {
  modelType: "aws.rds.Cluster";
  engine?: Val<string>;
  engineMode?: Val<string>;
  storageEncrypted?: Val<boolean>;
  /** Restored from a snapshot or replicating another cluster: storage settings are inherited. */
  inheritsStorage: boolean;
  iamAuth?: Val<boolean>;
  backupRetentionDays?: Val<number>;
  deletionProtection?: Val<boolean>;
  copyTagsToSnapshot?: Val<boolean>;
  logExports?: Val<string>[];
}

// ---- ElastiCache, Redshift, EFS, OpenSearch ----

export interface ElastiCacheGroup extends AwsResource {
  modelType: "aws.elasticache.ReplicationGroup";
  engine?: Val<string>;
  atRestEncryption?: Val<boolean>;
  transitEncryption?: Val<boolean>;
  authToken?: Val<string>;
  /** RBAC user groups (an alternative to the AUTH token). */
  userGroups: boolean;
}

export interface RedshiftCluster extends AwsResource {
  modelType: "aws.redshift.Cluster";
  encrypted?: Val<boolean>;
  publiclyAccessible?: Val<boolean>;
  /** Audit logging: inline or a companion resource; unknown when one could not be tied. */
  logging?: Val<boolean>;
}

export interface EfsFileSystem extends AwsResource {
  modelType: "aws.efs.FileSystem";
  encrypted?: Val<boolean>;
}

export interface SearchDomain extends AwsResource {
  modelType: "aws.opensearch.Domain";
  atRestEncryption?: Val<boolean>;
  nodeToNodeEncryption?: Val<boolean>;
  enforceHttps?: Val<boolean>;
  tlsPolicy?: Val<string>;
  /** The domain is placed in a VPC (`vpc_options` / `VPCOptions`). */
  vpc?: Val<true>;
  /** Log publishing options written and not all disabled. */
  logPublishing?: Val<boolean>;
}

// ---- IAM ----

export interface PasswordPolicy extends AwsResource {
  modelType: "aws.iam.PasswordPolicy";
  minimumLength?: Val<number>;
  reusePrevention?: Val<number>;
}

export interface IamRole extends AwsResource {
  modelType: "aws.iam.Role";
  trustPolicy?: PolicyDocument;
}

/** A policy granted to a user, role or group: an attachment, a managed policy list entry, or an inline policy. */
export interface PolicyGrant extends AwsResource {
  modelType: "aws.iam.PolicyGrant";
  principalKind: "user" | "role" | "group";
  /** The principal as written: its name, or the address of the resource it refers to. */
  principal: string;
  kind: "managed" | "inline";
  /** The managed policy's ARN (managed grants). */
  policyArn?: Val<string>;
}

// ---- AWS Backup ----

export interface BackupVault extends AwsResource {
  modelType: "aws.backup.Vault";
  kmsKey?: Val<string>;
}
