import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-050",
  title: "GKE cluster has legacy ABAC authorization on",
  severity: "high",
  description:
    "`enable_legacy_abac = true` turns on the legacy attribute-based authorizer next to RBAC. ABAC grants are " +
    "broad, are not managed through the Kubernetes API, and let workloads and users do far more than their RBAC " +
    "roles say.",
  appliesTo: "gcp.gke.Cluster",
  references: { checkov: "CKV_GCP_7", trivy: "AVD-GCP-0062" },
  remediation: {
    text: "Remove enable_legacy_abac (it is off by default) and express all access as RBAC roles.",
    fix: "enable_legacy_abac = false",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west1"
  enable_legacy_abac = true
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
    if (!isKnown(c.legacyAbac, true)) return undefined;
    return fail(c.legacyAbac, `${c.address} has legacy ABAC authorization on`, { key: `${c.address} legacy abac` });
  },
});
