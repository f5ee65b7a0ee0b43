import type { GkeNodePool } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeNodePool>({
  id: "MAM-GCP-061",
  title: "GKE node pool turns auto-upgrade off",
  severity: "medium",
  description:
    "`management.auto_upgrade = false`. The pool's nodes then keep their Kubernetes version and node image until " +
    "someone upgrades them by hand, falling behind the control plane and missing kernel and container runtime " +
    "security fixes.",
  appliesTo: "gcp.gke.NodePool",
  references: { checkov: "CKV_GCP_10", trivy: "AVD-GCP-0058" },
  remediation: {
    text: "Set auto_upgrade = true and control timing with maintenance windows and exclusions.",
    fix: "management {\n  auto_repair  = true\n  auto_upgrade = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  management {
    auto_upgrade = false
  }
}`,
      ],
      good: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  management {
    auto_repair  = true
    auto_upgrade = true
  }
}`,
      ],
    },
  },
  evaluate(p) {
    if (!isKnown(p.autoUpgrade, false)) return undefined;
    return fail(p.autoUpgrade, `${p.label} turns node auto-upgrade off`, { key: `${p.label} auto upgrade` });
  },
});
