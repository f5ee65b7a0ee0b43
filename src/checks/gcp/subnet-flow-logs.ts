import type { Subnetwork } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { holdsVms } from "./subnet.js";
import { isKnown } from "./util.js";

export default defineCheck<Subnetwork>({
  id: "MAM-GCP-023",
  title: "Subnet has no VPC flow logs",
  severity: "low",
  description:
    "The subnetwork has no `log_config` block, so VPC Flow Logs are off: no record is kept of the connections its " +
    "VMs make and receive. Flow logs are what shows, after an incident, where data went and which hosts talked to " +
    "each other. Proxy-only and Private Service Connect subnets are not reported.",
  appliesTo: "gcp.compute.Subnetwork",
  references: { checkov: "CKV_GCP_26", trivy: "AVD-GCP-0029" },
  compliance: [{ framework: "cis-gcp-3.0", control: "3.8" }],
  remediation: {
    text: "Add a log_config block; a 5-second aggregation interval with full sampling gives the most complete record.",
    fix: 'log_config {\n  aggregation_interval = "INTERVAL_5_SEC"\n  flow_sampling        = 1.0\n  metadata             = "INCLUDE_ALL_METADATA"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_subnetwork" "app" {
  name          = "app"
  ip_cidr_range = "10.10.0.0/20"
  region        = "europe-west1"
  network       = google_compute_network.main.id
}`,
      ],
      good: [
        `resource "google_compute_subnetwork" "app" {
  name          = "app"
  ip_cidr_range = "10.10.0.0/20"
  region        = "europe-west1"
  network       = google_compute_network.main.id

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 1.0
    metadata             = "INCLUDE_ALL_METADATA"
  }
}`,
        `resource "google_compute_subnetwork" "proxy" {
  name          = "proxy-only"
  ip_cidr_range = "10.129.0.0/23"
  region        = "europe-west1"
  network       = google_compute_network.main.id
  purpose       = "REGIONAL_MANAGED_PROXY"
  role          = "ACTIVE"
}`,
      ],
    },
  },
  evaluate(s) {
    if (!holdsVms(s) || (s.flowLogs && !isKnown(s.flowLogs, false))) return undefined;
    return fail(s.flowLogs ?? s.range, `${s.address} has no VPC flow logs`, { key: `${s.address} flow logs` });
  },
});
