// Terraform onto the RDS settings the data checks read: DB instances (aws_db_instance, and the
// members of Aurora clusters) and DB clusters.
import type { RdsCluster, RdsInstanceData } from "../../models/aws-data.js";
import { bool, named, num, str, strs } from "./aws-data-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base } from "./util.js";

function instance(r: TfResource, clusterMember: boolean): RdsInstanceData {
  return {
    ...base(r, "aws.rds.InstanceData"),
    engine: str(r, "engine"),
    clusterMember,
    replica: r.block.attrs.has("replicate_source_db"),
    iamAuth: bool(r, "iam_database_authentication_enabled"),
    backupRetentionDays: num(r, "backup_retention_period"),
    multiAz: bool(r, "multi_az"),
    autoMinorUpgrade: bool(r, "auto_minor_version_upgrade"),
    logExports: strs(r, "enabled_cloudwatch_logs_exports"),
    deletionProtection: bool(r, "deletion_protection"),
    copyTagsToSnapshot: bool(r, "copy_tags_to_snapshot"),
    performanceInsights: bool(r, "performance_insights_enabled"),
    performanceInsightsKmsKey: named(r, "performance_insights_kms_key_id"),
  };
}

function cluster(r: TfResource): RdsCluster {
  const a = r.block.attrs;
  return {
    ...base(r, "aws.rds.Cluster"),
    engine: str(r, "engine"),
    engineMode: str(r, "engine_mode"),
    storageEncrypted: bool(r, "storage_encrypted"),
    inheritsStorage: a.has("snapshot_identifier") || a.has("replication_source_identifier") || r.block.blocks.some((b) => b.type === "restore_to_point_in_time"),
    iamAuth: bool(r, "iam_database_authentication_enabled"),
    backupRetentionDays: num(r, "backup_retention_period"),
    deletionProtection: bool(r, "deletion_protection"),
    copyTagsToSnapshot: bool(r, "copy_tags_to_snapshot"),
    logExports: strs(r, "enabled_cloudwatch_logs_exports"),
  };
}

export function rdsInstances(index: TfIndex): RdsInstanceData[] {
  return [...index.ofType("aws_db_instance").map((r) => instance(r, false)), ...index.ofType("aws_rds_cluster_instance").map((r) => instance(r, true))];
}

export function rdsClusters(index: TfIndex): RdsCluster[] {
  return index.ofType("aws_rds_cluster").map(cluster);
}
