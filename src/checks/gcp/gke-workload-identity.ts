import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-054",
  title: "GKE cluster does not use Workload Identity",
  severity: "medium",
  description:
    "The cluster has no `workload_identity_config` (and is not Autopilot, where it is always on). Pods then call " +
    "Google APIs as the node's service account, so every pod on a node shares one identity, or workloads are given " +
    "exported service account keys.",
  appliesTo: "gcp.gke.Cluster",
  remediation: {
    text: "Enable Workload Identity and map each Kubernetes service account to its own Google service account.",
    fix: 'workload_identity_config {\n  workload_pool = "acme-app.svc.id.goog"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
}`,
      ],
      good: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  workload_identity_config {
    workload_pool = "acme-app.svc.id.goog"
  }
}`,
        `resource "google_container_cluster" "auto" {
  name             = "auto"
  location         = "europe-west1"
  enable_autopilot = true
}`,
      ],
    },
  },
  evaluate(c) {
    if (c.workloadIdentity || isKnown(c.autopilot, true) || (c.autopilot && !c.autopilot.known)) return undefined;
    return fail(c.range, `${c.address} does not use Workload Identity`, { key: `${c.address} workload identity` });
  },
});
