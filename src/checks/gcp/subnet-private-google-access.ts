import type { Subnetwork } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { holdsVms } from "./subnet.js";
import { isKnown } from "./util.js";

export default defineCheck<Subnetwork>({
  id: "MAM-GCP-024",
  title: "Subnet has Private Google Access off",
  severity: "low",
  description:
    "`private_ip_google_access` is not true, so VMs without an external address in this subnet cannot reach Google " +
    "APIs (Cloud Storage, Artifact Registry, logging). The usual workaround is to give them external addresses or a " +
    "broad NAT path, which widens exposure.",
  appliesTo: "gcp.compute.Subnetwork",
  references: { checkov: "CKV_GCP_74", trivy: "AVD-GCP-0075" },
  remediation: {
    text: "Set private_ip_google_access = true so that VMs can stay internal-only.",
    fix: "private_ip_google_access = true",
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
        `resource "google_compute_subnetwork" "app" {
  name                     = "app"
  ip_cidr_range            = "10.10.0.0/20"
  region                   = "europe-west1"
  network                  = google_compute_network.main.id
  private_ip_google_access = false
}`,
      ],
      good: [
        `resource "google_compute_subnetwork" "app" {
  name                     = "app"
  ip_cidr_range            = "10.10.0.0/20"
  region                   = "europe-west1"
  network                  = google_compute_network.main.id
  private_ip_google_access = true
}`,
      ],
    },
  },
  evaluate(s) {
    const pga = s.privateGoogleAccess;
    if (!holdsVms(s) || (pga && !isKnown(pga, false))) return undefined;
    return fail(pga ?? s.range, `${s.address} has Private Google Access off`, { key: `${s.address} private google access` });
  },
});
