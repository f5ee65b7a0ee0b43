import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isOneOf } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-058",
  title: "GKE cluster turns Cloud Logging or Monitoring off",
  severity: "medium",
  description:
    "`logging_service` or `monitoring_service` is `none`. The cluster then sends no system and workload logs (or " +
    "metrics) to Cloud Logging and Monitoring, which leaves nothing to investigate an incident with.",
  appliesTo: "gcp.gke.Cluster",
  references: { checkov: ["CKV_GCP_1", "CKV_GCP_8"], trivy: ["AVD-GCP-0060", "AVD-GCP-0052"] },
  remediation: {
    text: "Remove the none settings (GKE's defaults send logs and metrics to Cloud Logging and Monitoring).",
    fix: 'logging_service    = "logging.googleapis.com/kubernetes"\nmonitoring_service = "monitoring.googleapis.com/kubernetes"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_cluster" "main" {
  name            = "main"
  location        = "europe-west1"
  logging_service = "none"
}`,
        `resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west1"
  monitoring_service = "none"
}`,
      ],
      good: [
        `resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west1"
  logging_service    = "logging.googleapis.com/kubernetes"
  monitoring_service = "monitoring.googleapis.com/kubernetes"
}`,
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"
}`,
      ],
    },
  },
  evaluate(c) {
    return (
      [
        ["logging", c.loggingService],
        ["monitoring", c.monitoringService],
      ] as const
    )
      .filter(([, v]) => isOneOf(v, ["none"]))
      .map(([what, v]) => fail(v ?? c.range, `${c.address} turns Cloud ${what === "logging" ? "Logging" : "Monitoring"} off`, { key: `${c.address} ${what} none` }));
  },
});
