// Google Cloud resources normalized for checks. Each value says whether the source made it known:
// a check reports nothing on a value it cannot see. An absent optional value is `undefined`, and the
// check applies the provider's default (written down beside the field).
import type { ResourceModel, SourceRange } from "../checks/types.js";
import type { Val } from "./value.js";

export interface GcpResource extends ResourceModel {
  /** `google_storage_bucket.logs` */
  address: string;
}

/** One member granted a role by an IAM member or binding resource (or an access entry). */
export interface IamMember {
  role?: Val<string>;
  /** `user:ann@example.com`, `allUsers`, ... */
  member: Val<string>;
  /** The address of the resource that grants it. */
  via: string;
}

/** Metadata as written (instance, project or node metadata), key to value. */
export interface Metadata {
  items: Map<string, Val<string>>;
  /** Where the map is when it could not be read whole (a variable, merge(), a dynamic block). */
  unreadable?: SourceRange;
}

// ---------------------------------------------------------------- Cloud Storage

export interface StorageBucket extends GcpResource {
  modelType: "gcp.storage.Bucket";
  name?: Val<string>;
  /** `uniform_bucket_level_access`; off when absent. */
  uniformAccess?: Val<boolean>;
  /** `public_access_prevention`: `enforced` or `inherited` (the default). */
  publicAccessPrevention?: Val<string>;
  /** `versioning.enabled`; undefined when there is no versioning block (off). */
  versioning?: Val<boolean>;
  /** `logging.log_bucket`; undefined when there is no logging block. */
  logBucket?: Val<string>;
  /** The bucket `log_bucket` refers to, when it is a reference to a bucket resource. */
  logBucketRef?: string;
  /** Members granted on this bucket by `google_storage_bucket_iam_member` / `_binding` / `_policy` resources. */
  members: IamMember[];
  /** Where an IAM resource is whose bucket could not be tied to a bucket of the file. */
  membersUnplaced?: SourceRange;
}

// ---------------------------------------------------------------- Compute Engine

export interface ComputeInstance extends GcpResource {
  modelType: "gcp.compute.Instance";
  /** True for `google_compute_instance_template` (the same settings, applied to every VM made from it). */
  template: boolean;
  metadata: Metadata;
  /** `can_ip_forward`; off when absent. */
  canIpForward?: Val<boolean>;
  /** One entry per `access_config` (each gives an external IP); unknown for a dynamic block. */
  accessConfigs: Val<true>[];
  /** The `service_account` block; undefined when the VM runs without one. */
  serviceAccount?: {
    range: SourceRange;
    /** Undefined: not written, so the Compute Engine default service account. */
    email?: Val<string>;
    /** What `email` refers to (`data.google_compute_default_service_account.default.email`). */
    emailRef?: string;
    scopes: Val<string>[];
  };
  /** `shielded_instance_config`: secure boot is off by default, vTPM and integrity monitoring on. */
  shieldedConfig?: SourceRange;
  secureBoot?: Val<boolean>;
  vtpm?: Val<boolean>;
  integrityMonitoring?: Val<boolean>;
  /** Raw (customer-supplied) disk keys written in the source. */
  rawDiskKeys: Val<string>[];
  /**
   * Confidential computing: `confidential_instance_config.enable_confidential_compute`, or true when a
   * `confidential_instance_type` is written; undefined when there is no such block (off).
   */
  confidentialCompute?: Val<boolean>;
}

/** `google_compute_project_metadata` (the whole map) or `google_compute_project_metadata_item` (one key). */
export interface ProjectMetadata extends GcpResource {
  modelType: "gcp.compute.ProjectMetadata";
  whole: boolean;
  metadata: Metadata;
}

export interface FirewallAllow {
  protocol: Val<string>;
  /** `22`, `8000-8080`; empty means every port of the protocol. */
  ports: Val<string>[];
  range: SourceRange;
}

export interface Firewall extends GcpResource {
  modelType: "gcp.compute.Firewall";
  /** `INGRESS` (the default) or `EGRESS`. */
  direction?: Val<string>;
  disabled?: Val<boolean>;
  /** One unknown entry when the list could not be read. */
  sourceRanges: Val<string>[];
  allow: FirewallAllow[];
  /** Where a dynamic `allow` block is (its rules are unknown). */
  allowUnknown?: SourceRange;
  /** A `log_config` block or `enable_logging`; undefined: no logging. */
  logging?: Val<boolean>;
}

export interface Subnetwork extends GcpResource {
  modelType: "gcp.compute.Subnetwork";
  /** `PRIVATE` by default; proxy-only and PSC subnets carry no VM traffic. */
  purpose?: Val<string>;
  /** A `log_config` block (or the legacy `enable_flow_logs`); undefined: no flow logs. */
  flowLogs?: Val<boolean>;
  /** `private_ip_google_access`; off when absent. */
  privateGoogleAccess?: Val<boolean>;
}

export interface SslPolicy extends GcpResource {
  modelType: "gcp.compute.SslPolicy";
  /** `TLS_1_0` when absent. */
  minTlsVersion?: Val<string>;
  /** `COMPATIBLE` when absent. */
  profile?: Val<string>;
  customFeatures: Val<string>[];
}

/** `google_compute_target_https_proxy`, `_ssl_proxy` and the regional HTTPS proxy. */
export interface TargetProxy extends GcpResource {
  modelType: "gcp.compute.TargetProxy";
  /** Undefined: the Google default policy (TLS 1.0, COMPATIBLE) applies. */
  sslPolicy?: Val<string>;
}

// ---------------------------------------------------------------- Projects and IAM

export interface Project extends GcpResource {
  modelType: "gcp.resourcemanager.Project";
  /** `auto_create_network`; true when absent. */
  autoCreateNetwork?: Val<boolean>;
}

export type IamScope = "project" | "folder" | "organization";

/** `google_{project,folder,organization}_iam_member` / `_binding`, or one binding of an `_iam_policy`. */
export interface IamGrant extends GcpResource {
  modelType: "gcp.iam.Grant";
  scope: IamScope;
  role?: Val<string>;
  members: Val<string>[];
}

export interface ServiceAccountKey extends GcpResource {
  modelType: "gcp.iam.ServiceAccountKey";
  /** True when the public half is uploaded (`public_key_data`) rather than generated by Google. */
  uploaded: boolean;
}

/** `google_{project,folder,organization}_iam_audit_config`. */
export interface AuditConfig extends GcpResource {
  modelType: "gcp.iam.AuditConfig";
  scope: IamScope;
  service?: Val<string>;
  /** One entry per `audit_log_config`; unknown for a dynamic block. */
  logConfigs: { logType?: Val<string>; exemptedMembers: Val<string>[]; range: SourceRange }[];
}

// ---------------------------------------------------------------- Cloud SQL

export interface SqlInstance extends GcpResource {
  modelType: "gcp.sql.Instance";
  /** `POSTGRES_15`, `MYSQL_8_0`, `SQLSERVER_2019_STANDARD`, ... */
  databaseVersion?: Val<string>;
  /** Read replicas cannot have backups of their own. */
  replica: boolean;
  /** The `settings` block (the instance itself when absent). */
  settingsRange: SourceRange;
  /** `ip_configuration.ipv4_enabled`; true when absent. */
  ipv4Enabled?: Val<boolean>;
  authorizedNetworks: Val<string>[];
  /** The legacy `require_ssl`. */
  requireSsl?: Val<boolean>;
  /** `ssl_mode`: `ALLOW_UNENCRYPTED_AND_ENCRYPTED` (default), `ENCRYPTED_ONLY`, `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`. */
  sslMode?: Val<string>;
  /** `backup_configuration.enabled`; off when absent. */
  backupEnabled?: Val<boolean>;
  /** `database_flags`, name to value, names as written. */
  flags: Map<string, Val<string>>;
  /** Where flags are that could not be read (a dynamic block, a flag whose name is unknown). */
  flagsUnreadable?: SourceRange;
}

// ---------------------------------------------------------------- GKE

export interface GkeCluster extends GcpResource {
  modelType: "gcp.gke.Cluster";
  autopilot?: Val<boolean>;
  /** `enable_legacy_abac`; off when absent. */
  legacyAbac?: Val<boolean>;
  /** The `master_authorized_networks_config` block. */
  masterAuthorizedNetworks?: Val<true>;
  masterCidrs: Val<string>[];
  /** `private_cluster_config.enable_private_nodes`. */
  privateNodes?: Val<boolean>;
  /** `network_policy.enabled`. */
  networkPolicy?: Val<boolean>;
  /** `ADVANCED_DATAPATH` (Dataplane V2) enforces network policy without the add-on. */
  datapathProvider?: Val<string>;
  /** The `workload_identity_config` block. */
  workloadIdentity?: Val<true>;
  /** `enable_shielded_nodes`; true when absent. */
  shieldedNodes?: Val<boolean>;
  /** `release_channel.channel`. */
  releaseChannel?: Val<string>;
  /** `master_auth.client_certificate_config.issue_client_certificate`. */
  issueClientCertificate?: Val<boolean>;
  /** `master_auth.username` (basic authentication; the password is never kept). */
  basicAuthUser?: Val<string>;
  /** `logging_service` / `monitoring_service`; `none` turns them off. */
  loggingService?: Val<string>;
  monitoringService?: Val<string>;
}

/** A node pool: a `google_container_node_pool`, a cluster's `node_pool` block, or its default pool. */
export interface GkeNodePool extends GcpResource {
  modelType: "gcp.gke.NodePool";
  /** How the pool is named in messages: the address, with the block for pools inside a cluster. */
  label: string;
  /** `management.auto_repair` / `auto_upgrade`; undefined when not written. */
  autoRepair?: Val<boolean>;
  autoUpgrade?: Val<boolean>;
  /** `node_config.image_type`; `COS_CONTAINERD` when absent. */
  imageType?: Val<string>;
  metadata: Metadata;
  /** `workload_metadata_config.mode` (or the older `node_metadata`). */
  workloadMetadata?: Val<string>;
  /** `shielded_instance_config.enable_secure_boot`; off when absent. */
  secureBoot?: Val<boolean>;
  /** `node_config.service_account`; the Compute Engine default when absent. */
  serviceAccount?: Val<string>;
  /** The `node_config` block, or the pool itself. */
  configRange: SourceRange;
}

// ---------------------------------------------------------------- KMS, DNS, BigQuery, Pub/Sub

export interface KmsCryptoKey extends GcpResource {
  modelType: "gcp.kms.CryptoKey";
  /** `ENCRYPT_DECRYPT` when absent; asymmetric keys cannot rotate automatically. */
  purpose?: Val<string>;
  /** `rotation_period`, e.g. `7776000s`; no rotation when absent. */
  rotationPeriod?: Val<string>;
  members: IamMember[];
  membersUnplaced?: SourceRange;
}

export interface DnsManagedZone extends GcpResource {
  modelType: "gcp.dns.ManagedZone";
  /** `public` when absent. */
  visibility?: Val<string>;
  /** The `dnssec_config` block and its `state` (`off` when absent). */
  dnssecConfig?: SourceRange;
  dnssecState?: Val<string>;
  keySpecs: { algorithm?: Val<string>; keyType?: Val<string>; range: SourceRange }[];
}

export interface BigQueryDataset extends GcpResource {
  modelType: "gcp.bigquery.Dataset";
  /** `access` blocks, `google_bigquery_dataset_access`, and dataset IAM members/bindings/policies. */
  members: IamMember[];
}

export interface PubSubTopic extends GcpResource {
  modelType: "gcp.pubsub.Topic";
  kmsKeyName?: Val<string>;
}

// ---------------------------------------------------------------- Cloud Logging

/** `google_{project,folder,organization,billing_account}_bucket_config`: a Cloud Logging log bucket. */
export interface LogBucket extends GcpResource {
  modelType: "gcp.logging.Bucket";
  /** `bucket_id`: `_Default`, `_Required` or a bucket of one's own. */
  bucketId?: Val<string>;
  /** `retention_days`; 30 when absent. */
  retentionDays?: Val<number>;
  /** `locked`; off when absent (the retention may then be shortened or the bucket deleted). */
  locked?: Val<boolean>;
}
