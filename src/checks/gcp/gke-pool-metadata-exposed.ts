import type { GkeNodePool } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isOneOf } from "./util.js";

const EXPOSING = ["GCE_METADATA", "EXPOSE", "UNSPECIFIED", "MODE_UNSPECIFIED"];

export default defineCheck<GkeNodePool>({
  id: "MAM-GCP-064",
  title: "GKE node pool exposes the node's metadata to pods",
  severity: "high",
  description:
    "`workload_metadata_config` sets the mode to `GCE_METADATA` (or the older `EXPOSE`). Pods then read the " +
    "Compute Engine metadata server directly: they can take the node's service account token and the kubelet " +
    "bootstrap credentials, and Workload Identity does not apply to them.",
  appliesTo: "gcp.gke.NodePool",
  references: { checkov: "CKV_GCP_69", trivy: "AVD-GCP-0057" },
  remediation: {
    text: "Set the mode to GKE_METADATA (with Workload Identity on the cluster) so that pods see only the GKE metadata server.",
    fix: 'workload_metadata_config {\n  mode = "GKE_METADATA"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    workload_metadata_config {
      mode = "GCE_METADATA"
    }
  }
}`,
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  node_config {
    workload_metadata_config {
      node_metadata = "EXPOSE"
    }
  }
}`,
      ],
      good: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}`,
      ],
    },
  },
  evaluate(p) {
    if (!isOneOf(p.workloadMetadata, EXPOSING)) return undefined;
    return fail(p.workloadMetadata, `${p.label} lets pods read the node's metadata (${p.workloadMetadata.value})`, { key: `${p.label} metadata exposed` });
  },
});
