import type { GkeNodePool } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, metaSwitch } from "./util.js";

export default defineCheck<GkeNodePool>({
  id: "MAM-GCP-062",
  title: "GKE nodes serve the legacy metadata endpoints",
  severity: "high",
  description:
    "The node metadata sets `disable-legacy-endpoints` to false. The v0.1 and v1beta1 metadata endpoints do not " +
    "require the `Metadata-Flavor: Google` header, so a server-side request forgery in any pod can read the node's " +
    "service account token and kubelet credentials.",
  appliesTo: "gcp.gke.NodePool",
  references: { checkov: "CKV_GCP_67", trivy: "AVD-GCP-0048" },
  remediation: {
    text: "Remove the disable-legacy-endpoints override (it is true by default) or set it to \"true\".",
    fix: 'metadata = {\n  disable-legacy-endpoints = "true"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    metadata = {
      disable-legacy-endpoints = "false"
    }
  }
}`,
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  node_config {
    metadata = {
      disable-legacy-endpoints = false
    }
  }
}`,
      ],
      good: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    metadata = {
      disable-legacy-endpoints = "true"
    }
  }
}`,
        `resource "google_container_cluster" "main" {
  name                     = "main"
  location                 = "europe-west1"
  remove_default_node_pool = true
  initial_node_count       = 1

  node_config {
    metadata = {
      disable-legacy-endpoints = "false"
    }
  }
}`,
      ],
    },
  },
  evaluate(p) {
    const off = metaSwitch(p.metadata, "disable-legacy-endpoints");
    if (!isKnown(off, false)) return undefined;
    return fail(off, `${p.label} serves the legacy metadata endpoints`, { key: `${p.label} legacy endpoints` });
  },
});
