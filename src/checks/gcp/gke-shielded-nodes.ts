import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-055",
  title: "GKE cluster turns Shielded GKE Nodes off",
  severity: "medium",
  description:
    "`enable_shielded_nodes = false`. Shielded GKE Nodes give each node a verifiable identity and boot integrity; " +
    "without them, an attacker who takes over a pod and reaches the node's bootstrap credentials can impersonate a " +
    "node to the control plane.",
  appliesTo: "gcp.gke.Cluster",
  references: { checkov: "CKV_GCP_71", trivy: "AVD-GCP-0055" },
  remediation: {
    text: "Remove enable_shielded_nodes = false (Shielded GKE Nodes are on by default).",
    fix: "enable_shielded_nodes = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_cluster" "main" {
  name                  = "main"
  location              = "europe-west1"
  enable_shielded_nodes = false
}`,
      ],
      good: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
}`,
      ],
    },
  },
  evaluate(c) {
    if (!isKnown(c.shieldedNodes, false)) return undefined;
    return fail(c.shieldedNodes, `${c.address} turns Shielded GKE Nodes off`, { key: `${c.address} shielded nodes` });
  },
});
