import type { GkeNodePool } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeNodePool>({
  id: "MAM-GCP-065",
  title: "GKE nodes boot without Secure Boot",
  severity: "low",
  description:
    "`node_config.shielded_instance_config.enable_secure_boot` is not true (it is off by default). Secure Boot makes " +
    "nodes refuse unsigned boot components and kernel modules, which stops rootkits and bootkits from surviving a " +
    "node compromise.",
  appliesTo: "gcp.gke.NodePool",
  references: { checkov: "CKV_GCP_68" },
  remediation: {
    text: "Turn Secure Boot on in the node configuration (nodes are recreated).",
    fix: "shielded_instance_config {\n  enable_secure_boot          = true\n  enable_integrity_monitoring = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type = "e2-standard-4"
  }
}`,
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    shielded_instance_config {
      enable_secure_boot = false
    }
  }
}`,
      ],
      good: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }
}`,
      ],
    },
  },
  evaluate(p) {
    if (p.secureBoot && !isKnown(p.secureBoot, false)) return undefined;
    return fail(p.secureBoot ?? p.configRange, `${p.label} boots without Secure Boot`, { key: `${p.label} secure boot` });
  },
});
