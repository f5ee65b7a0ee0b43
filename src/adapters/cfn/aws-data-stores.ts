// CloudFormation onto the data stores: DynamoDB tables, DAX clusters, ElastiCache replication
// groups, Redshift clusters, EFS file systems and OpenSearch/Elasticsearch domains.
import type { DaxCluster, DynamoTable, EfsFileSystem, ElastiCacheGroup, RedshiftCluster, SearchDomain } from "../../models/aws-data.js";
import type { Val } from "../../models/value.js";
import { bool, named, present, str } from "./aws-data-util.js";
import type { CfnIndex, CfnResource } from "./types.js";
import { base, boolOf, prop } from "./util.js";

export function dynamoTables(index: CfnIndex): DynamoTable[] {
  return index.ofType("AWS::DynamoDB::Table").map((r) => ({
    ...base(r, "aws.dynamodb.Table"),
    pointInTimeRecovery: bool(r, "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"),
    sseKms: bool(r, "SSESpecification.SSEEnabled"),
    kmsKey: named(r, "SSESpecification.KMSMasterKeyId"),
    deletionProtection: bool(r, "DeletionProtectionEnabled"),
  }));
}

export function daxClusters(index: CfnIndex): DaxCluster[] {
  return index.ofType("AWS::DAX::Cluster").map((r) => ({ ...base(r, "aws.dax.Cluster"), encrypted: bool(r, "SSESpecification.SSEEnabled") }));
}

export function elastiCacheGroups(index: CfnIndex): ElastiCacheGroup[] {
  return index.ofType("AWS::ElastiCache::ReplicationGroup").map((r) => ({
    ...base(r, "aws.elasticache.ReplicationGroup"),
    engine: str(r, "Engine"),
    atRestEncryption: bool(r, "AtRestEncryptionEnabled"),
    transitEncryption: bool(r, "TransitEncryptionEnabled"),
    authToken: named(r, "AuthToken"),
    userGroups: r.properties.has("UserGroupIds"),
  }));
}

export function redshiftClusters(index: CfnIndex): RedshiftCluster[] {
  return index.ofType("AWS::Redshift::Cluster").map((r) => {
    const logging = present(r, "LoggingProperties");
    return {
      ...base(r, "aws.redshift.Cluster"),
      encrypted: bool(r, "Encrypted"),
      publiclyAccessible: bool(r, "PubliclyAccessible"),
      logging: logging ? { ...logging, value: true } : undefined,
    };
  });
}

export function efsFileSystems(index: CfnIndex): EfsFileSystem[] {
  return index.ofType("AWS::EFS::FileSystem").map((r) => ({ ...base(r, "aws.efs.FileSystem"), encrypted: bool(r, "Encrypted") }));
}

/** Log publishing: a map from log type to `{ Enabled, CloudWatchLogsLogGroupArn }`. */
function logPublishing(r: CfnResource): Val<boolean> | undefined {
  const opts = prop(r, "LogPublishingOptions");
  if (!opts) return undefined;
  if (opts.t !== "object") return { value: undefined, known: false, range: opts.range };
  const states = [...opts.entries.values()].map((o) => boolOf(o.t === "object" ? o.entries.get("Enabled") : undefined) ?? { value: true, known: true, range: o.range });
  return states.find((s) => s.known && s.value === true) ?? states.find((s) => !s.known) ?? { value: false, known: true, range: opts.range };
}

export function searchDomains(index: CfnIndex): SearchDomain[] {
  return ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"].flatMap((t) => index.ofType(t)).map((r) => ({
    ...base(r, "aws.opensearch.Domain"),
    atRestEncryption: bool(r, "EncryptionAtRestOptions.Enabled"),
    nodeToNodeEncryption: bool(r, "NodeToNodeEncryptionOptions.Enabled"),
    enforceHttps: bool(r, "DomainEndpointOptions.EnforceHTTPS"),
    tlsPolicy: str(r, "DomainEndpointOptions.TLSSecurityPolicy"),
    vpc: present(r, "VPCOptions"),
    logPublishing: logPublishing(r),
  }));
}
