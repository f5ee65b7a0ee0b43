import type { GkeNodePool } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isDefaultServiceAccount, isKnown } from "./util.js";

export default defineCheck<GkeNodePool>({
  id: "MAM-GCP-066",
  title: "GKE nodes run as the Compute Engine default service account",
  severity: "medium",
  description:
    "`node_config.service_account` is not set (or names the default account), so the nodes run as the Compute " +
    "Engine default service account, which by default holds Editor on the project. Any pod that reaches the node's " +
    "credentials gets those rights.",
  appliesTo: "gcp.gke.NodePool",
  references: { trivy: "AVD-GCP-0050" },
  remediation: {
    text: "Create a minimal node service account (roles/container.defaultNodeServiceAccount) and set it in node_config.",
    fix: 'node_config {\n  service_account = google_service_account.gke_nodes.email\n  oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]\n}',
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
    service_account = "default"
  }
}`,
      ],
      good: [
        `resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    service_account = google_service_account.gke_nodes.email
  }
}`,
        `resource "google_container_cluster" "main" {
  name                     = "main"
  location                 = "europe-west1"
  remove_default_node_pool = true
  initial_node_count       = 1
}`,
      ],
    },
  },
  evaluate(p) {
    const sa = p.serviceAccount;
    if (sa && !(isKnown(sa) && isDefaultServiceAccount(sa.value))) return undefined;
    return fail(sa ?? p.configRange, `${p.label} runs as the Compute Engine default service account`, { key: `${p.label} default service account` });
  },
});
