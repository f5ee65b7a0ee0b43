import type { GkeNodePool } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeNodePool>({
  id: "MAM-GCP-060",
  title: "GKE node pool turns auto-repair off",
  severity: "low",
  description:
    "`management.auto_repair = false`. Nodes that fail health checks then stay in the pool, unhealthy and often " +
    "unpatched, until someone notices; auto-repair recreates them from the current node configuration.",
  appliesTo: "gcp.gke.NodePool",
  references: { checkov: "CKV_GCP_9", trivy: "AVD-GCP-0063" },
  remediation: {
    text: "Set auto_repair = true in the pool's management block.",
    fix: "management {\n  auto_repair  = true\n  auto_upgrade = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  management {
    auto_repair  = false
    auto_upgrade = true
  }
}`,
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  node_pool {
    name = "general"

    management {
      auto_repair = false
    }
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
    if (!isKnown(p.autoRepair, false)) return undefined;
    return fail(p.autoRepair, `${p.label} turns node auto-repair off`, { key: `${p.label} auto repair` });
  },
});
