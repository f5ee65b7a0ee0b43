// Terraform onto GKE: clusters, and their node pools wherever they are written (a separate
// `google_container_node_pool`, a `node_pool` block of the cluster, or the cluster's default pool).
import type { GkeCluster, GkeNodePool } from "../../models/gcp.js";
import type { TfBlock } from "../terraform-hcl.js";
import { blockOf, boolAt, childOf, childrenOf, metadataOf, nodeAt, presenceAt, stringAt, stringsAt } from "./gcp-util.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, stringOf, unknownVal } from "./util.js";

function cluster(r: TfResource): GkeCluster {
  const b = r.block;
  const masterCidrs = childrenOf(blockOf(childOf(b, "master_authorized_networks_config")), "cidr_blocks").flatMap((c) =>
    "unreadable" in c ? [unknownVal<string>(c.unreadable)] : stringsAt(c.block, "cidr_block"),
  );
  const m: GkeCluster = { ...base(r, "gcp.gke.Cluster"), masterCidrs };
  const set = <K extends keyof GkeCluster>(key: K, v: GkeCluster[K] | undefined): void => {
    if (v) m[key] = v;
  };
  set("autopilot", boolAt(b, "enable_autopilot"));
  set("legacyAbac", boolAt(b, "enable_legacy_abac"));
  set("masterAuthorizedNetworks", presenceAt(b, "master_authorized_networks_config"));
  set("privateNodes", boolAt(b, "private_cluster_config.enable_private_nodes"));
  set("networkPolicy", boolAt(b, "network_policy.enabled"));
  set("datapathProvider", stringAt(b, "datapath_provider"));
  set("workloadIdentity", presenceAt(b, "workload_identity_config"));
  set("shieldedNodes", boolAt(b, "enable_shielded_nodes"));
  set("releaseChannel", stringAt(b, "release_channel.channel"));
  set("issueClientCertificate", boolAt(b, "master_auth.client_certificate_config.issue_client_certificate"));
  set("basicAuthUser", stringAt(b, "master_auth.username"));
  set("loggingService", stringAt(b, "logging_service"));
  set("monitoringService", stringAt(b, "monitoring_service"));
  return m;
}

/** A pool from the block holding `management` and `node_config` (a node pool resource or block). */
function pool(r: TfResource, holder: TfBlock | undefined, label: string, fallbackRange: TfBlock["range"]): GkeNodePool {
  const config = childOf(holder, "node_config");
  const configBlock = blockOf(config);
  const m: GkeNodePool = {
    ...base(r, "gcp.gke.NodePool"),
    range: holder?.range ?? fallbackRange,
    label,
    metadata: config && "unreadable" in config ? { items: new Map(), unreadable: config.unreadable } : metadataOf(configBlock?.attrs.get("metadata")),
    configRange: configBlock?.range ?? holder?.range ?? fallbackRange,
  };
  const set = <K extends keyof GkeNodePool>(key: K, v: GkeNodePool[K] | undefined): void => {
    if (v) m[key] = v;
  };
  set("autoRepair", boolAt(holder, "management.auto_repair"));
  set("autoUpgrade", boolAt(holder, "management.auto_upgrade"));
  set("imageType", stringAt(holder, "node_config.image_type"));
  set("workloadMetadata", stringAt(holder, "node_config.workload_metadata_config.mode") ?? stringAt(holder, "node_config.workload_metadata_config.node_metadata"));
  set("secureBoot", boolAt(holder, "node_config.shielded_instance_config.enable_secure_boot"));
  set("serviceAccount", stringOf(nodeAt(holder, "node_config.service_account")));
  return m;
}

function nodePools(index: TfIndex): GkeNodePool[] {
  const out: GkeNodePool[] = index.ofType("google_container_node_pool").map((r) => pool(r, r.block, r.address, r.block.range));
  for (const r of index.ofType("google_container_cluster")) {
    const inline = childrenOf(r.block, "node_pool");
    inline.forEach((c, i) => {
      if ("unreadable" in c) return;
      const name = stringOf(c.block.attrs.get("name"));
      out.push(pool(r, c.block, `${r.address} node_pool ${name?.known ? `"${name.value}"` : `#${i + 1}`}`, c.block.range));
    });
    if (inline.length > 0) continue;
    // Without node_pool blocks the cluster makes a default pool from its own node_config, unless
    // that pool is removed or the cluster is Autopilot (whose nodes Google manages).
    const removed = boolAt(r.block, "remove_default_node_pool");
    const autopilot = boolAt(r.block, "enable_autopilot");
    if (removed?.value !== false && removed !== undefined) continue;
    if (autopilot?.value !== false && autopilot !== undefined) continue;
    out.push(pool(r, r.block, `${r.address} default node pool`, r.block.range));
  }
  return out;
}

export const gcpGkeMappers: readonly TfMapper[] = [(index) => index.ofType("google_container_cluster").map(cluster), nodePools];
