import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-052",
  title: "GKE nodes have public IP addresses",
  severity: "medium",
  description:
    "`private_cluster_config.enable_private_nodes` is not true, so every node gets an external IP address. Node " +
    "ports, the kubelet and anything on host networking are then one firewall rule away from the internet.",
  appliesTo: "gcp.gke.Cluster",
  references: { checkov: ["CKV_GCP_25", "CKV_GCP_64"], trivy: "AVD-GCP-0059" },
  remediation: {
    text: "Create the cluster with private nodes, and give them outbound access through Cloud NAT.",
    fix: 'private_cluster_config {\n  enable_private_nodes    = true\n  enable_private_endpoint = false\n  master_ipv4_cidr_block  = "172.16.0.0/28"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
}`,
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes = false
  }
}`,
      ],
      good: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes   = true
    master_ipv4_cidr_block = "172.16.0.0/28"
  }
}`,
      ],
    },
  },
  evaluate(c) {
    if (c.privateNodes && !isKnown(c.privateNodes, false)) return undefined;
    return fail(c.privateNodes ?? c.range, `${c.address} gives its nodes public IP addresses`, { key: `${c.address} private nodes` });
  },
});
