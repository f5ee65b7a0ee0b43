// Terraform onto the data stores: DynamoDB tables, DAX clusters, ElastiCache replication groups,
// Redshift clusters (with aws_redshift_logging), EFS file systems and OpenSearch/Elasticsearch domains.
import type { DaxCluster, DynamoTable, EfsFileSystem, ElastiCacheGroup, RedshiftCluster, SearchDomain } from "../../models/aws-data.js";
import type { Val } from "../../models/value.js";
import { block, bool, named, str, targetOf } from "./aws-data-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, unknownVal } from "./util.js";

export function dynamoTables(index: TfIndex): DynamoTable[] {
  return index.ofType("aws_dynamodb_table").map((r) => ({
    ...base(r, "aws.dynamodb.Table"),
    pointInTimeRecovery: bool(r, "point_in_time_recovery", "enabled"),
    sseKms: bool(r, "server_side_encryption", "enabled"),
    kmsKey: named(r, "server_side_encryption", "kms_key_arn"),
    deletionProtection: bool(r, "deletion_protection_enabled"),
  }));
}

export function daxClusters(index: TfIndex): DaxCluster[] {
  return index.ofType("aws_dax_cluster").map((r) => ({ ...base(r, "aws.dax.Cluster"), encrypted: bool(r, "server_side_encryption", "enabled") }));
}

export function elastiCacheGroups(index: TfIndex): ElastiCacheGroup[] {
  return index.ofType("aws_elasticache_replication_group").map((r) => ({
    ...base(r, "aws.elasticache.ReplicationGroup"),
    engine: str(r, "engine"),
    atRestEncryption: bool(r, "at_rest_encryption_enabled"),
    transitEncryption: bool(r, "transit_encryption_enabled"),
    authToken: named(r, "auth_token"),
    userGroups: r.block.attrs.has("user_group_ids"),
  }));
}

function redshiftLogging(index: TfIndex, r: TfResource): Val<boolean> | undefined {
  const inline = block(r, "logging");
  if (inline) return bool(inline, "enable") ?? { value: false, known: true, range: inline.range };
  let unplaced: TfResource | undefined;
  for (const l of index.ofType("aws_redshift_logging")) {
    const t = targetOf(index, l.block.attrs.get("cluster_identifier"), "aws_redshift_cluster", ["cluster_identifier"]);
    if (t === r.address) return { value: true, known: true, range: l.block.range };
    if (!t) unplaced ??= l;
  }
  return unplaced ? unknownVal(unplaced.block.range) : undefined;
}

export function redshiftClusters(index: TfIndex): RedshiftCluster[] {
  return index.ofType("aws_redshift_cluster").map((r) => ({
    ...base(r, "aws.redshift.Cluster"),
    encrypted: bool(r, "encrypted"),
    publiclyAccessible: bool(r, "publicly_accessible"),
    logging: redshiftLogging(index, r),
  }));
}

export function efsFileSystems(index: TfIndex): EfsFileSystem[] {
  return index.ofType("aws_efs_file_system").map((r) => ({ ...base(r, "aws.efs.FileSystem"), encrypted: bool(r, "encrypted") }));
}

function logPublishing(r: TfResource): Val<boolean> | undefined {
  const opts = r.block.blocks.filter((b) => b.type === "log_publishing_options");
  if (opts.length === 0) return undefined;
  const states = opts.map((o) => bool(o, "enabled") ?? { value: true, known: true, range: o.range });
  const on = states.find((s) => s.known && s.value === true);
  if (on) return on;
  return states.find((s) => !s.known) ?? { value: false, known: true, range: opts[0]?.range ?? r.block.range };
}

export function searchDomains(index: TfIndex): SearchDomain[] {
  return ["aws_opensearch_domain", "aws_elasticsearch_domain"].flatMap((t) => index.ofType(t)).map((r) => {
    const vpc = block(r, "vpc_options");
    return {
      ...base(r, "aws.opensearch.Domain"),
      atRestEncryption: bool(r, "encrypt_at_rest", "enabled"),
      nodeToNodeEncryption: bool(r, "node_to_node_encryption", "enabled"),
      enforceHttps: bool(r, "domain_endpoint_options", "enforce_https"),
      tlsPolicy: str(r, "domain_endpoint_options", "tls_security_policy"),
      vpc: vpc ? { value: true as const, known: true, range: vpc.range } : undefined,
      logPublishing: logPublishing(r),
    };
  });
}
