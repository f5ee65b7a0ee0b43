import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, isOneOf } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-053",
  title: "GKE cluster does not enforce network policies",
  severity: "medium",
  description:
    "Neither the network policy add-on (`network_policy { enabled = true }`) nor Dataplane V2 " +
    "(`datapath_provider = \"ADVANCED_DATAPATH\"`) is on, and the cluster is not Autopilot. Kubernetes " +
    "NetworkPolicy objects are then accepted but not enforced: every pod can reach every other pod.",
  appliesTo: "gcp.gke.Cluster",
  references: { checkov: "CKV_GCP_12", trivy: "AVD-GCP-0056" },
  remediation: {
    text: "Use Dataplane V2 (ADVANCED_DATAPATH) for new clusters, or enable the network policy add-on, and add default-deny policies per namespace.",
    fix: 'datapath_provider = "ADVANCED_DATAPATH"',
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

  network_policy {
    enabled = false
  }
}`,
      ],
      good: [
        `resource "google_container_cluster" "main" {
  name              = "main"
  location          = "europe-west1"
  datapath_provider = "ADVANCED_DATAPATH"
}`,
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  network_policy {
    enabled  = true
    provider = "CALICO"
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
    const vals = [c.autopilot, c.networkPolicy, c.datapathProvider];
    if (isKnown(c.autopilot, true) || isKnown(c.networkPolicy, true) || isOneOf(c.datapathProvider, ["ADVANCED_DATAPATH"])) return undefined;
    if (vals.some((v) => v !== undefined && !v.known)) return undefined;
    return fail(c.networkPolicy ?? c.range, `${c.address} does not enforce network policies`, { key: `${c.address} network policy` });
  },
});
