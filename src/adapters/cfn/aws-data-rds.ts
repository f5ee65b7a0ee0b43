// CloudFormation onto the RDS settings the data checks read: DB instances and DB clusters.
import type { RdsCluster, RdsInstanceData } from "../../models/aws-data.js";
import { bool, named, num, str, strs } from "./aws-data-util.js";
import type { CfnIndex } from "./types.js";
import { base } from "./util.js";

export function rdsInstances(index: CfnIndex): RdsInstanceData[] {
  return index.ofType("AWS::RDS::DBInstance").map((r) => ({
    ...base(r, "aws.rds.InstanceData"),
    engine: str(r, "Engine"),
    clusterMember: r.properties.has("DBClusterIdentifier"),
    replica: r.properties.has("SourceDBInstanceIdentifier"),
    iamAuth: bool(r, "EnableIAMDatabaseAuthentication"),
    backupRetentionDays: num(r, "BackupRetentionPeriod"),
    multiAz: bool(r, "MultiAZ"),
    autoMinorUpgrade: bool(r, "AutoMinorVersionUpgrade"),
    logExports: strs(r, "EnableCloudwatchLogsExports"),
    deletionProtection: bool(r, "DeletionProtection"),
    copyTagsToSnapshot: bool(r, "CopyTagsToSnapshot"),
    performanceInsights: bool(r, "EnablePerformanceInsights"),
    performanceInsightsKmsKey: named(r, "PerformanceInsightsKMSKeyId"),
  }));
}

export function rdsClusters(index: CfnIndex): RdsCluster[] {
  return index.ofType("AWS::RDS::DBCluster").map((r) => {
    const p = r.properties;
    return {
      ...base(r, "aws.rds.Cluster"),
      engine: str(r, "Engine"),
      engineMode: str(r, "EngineMode"),
      storageEncrypted: bool(r, "StorageEncrypted"),
      inheritsStorage: p.has("SnapshotIdentifier") || p.has("SourceDBClusterIdentifier") || p.has("ReplicationSourceIdentifier"),
      iamAuth: bool(r, "EnableIAMDatabaseAuthentication"),
      backupRetentionDays: num(r, "BackupRetentionPeriod"),
      deletionProtection: bool(r, "DeletionProtection"),
      copyTagsToSnapshot: bool(r, "CopyTagsToSnapshot"),
      logExports: strs(r, "EnableCloudwatchLogsExports"),
    };
  });
}
