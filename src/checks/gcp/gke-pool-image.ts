import type { GkeNodePool } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeNodePool>({
  id: "MAM-GCP-063",
  title: "GKE Linux nodes do not run Container-Optimized OS",
  severity: "low",
  description:
    "`node_config.image_type` names a Linux image other than Container-Optimized OS (for example " +
    "`UBUNTU_CONTAINERD`). COS has a read-only root file system, a minimal package set and automatic updates, and " +
    "is the image GKE hardens first. Windows node pools are not reported.",
  appliesTo: "gcp.gke.NodePool",
  references: { checkov: "CKV_GCP_22", trivy: "AVD-GCP-0054" },
  remediation: {
    text: "Use COS_CONTAINERD (the default) unless the nodes need something only another image provides.",
    fix: 'node_config {\n  image_type = "COS_CONTAINERD"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    image_type = "UBUNTU_CONTAINERD"
  }
}`,
      ],
      good: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    image_type = "COS_CONTAINERD"
  }
}`,
        `resource "google_container_node_pool" "windows" {
  name    = "windows"
  cluster = google_container_cluster.main.id

  node_config {
    image_type = "WINDOWS_LTSC_CONTAINERD"
  }
}`,
      ],
    },
  },
  evaluate(p) {
    const t = p.imageType;
    if (!isKnown(t)) return undefined;
    const image = t.value.trim().toUpperCase();
    if (image.startsWith("COS") || image.startsWith("WINDOWS")) return undefined;
    return fail(t, `${p.label} runs ${t.value} instead of Container-Optimized OS`, { key: `${p.label} image` });
  },
});
