import type { Firewall } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import { adminPortViolations } from "./firewall-admin-port.js";

export default defineCheck<Firewall>({
  id: "MAM-GCP-020",
  title: "Firewall rule opens RDP to the internet",
  severity: "high",
  description:
    "An enforced ingress rule allows TCP port 3389 from 0.0.0.0/0 or ::/0. Remote Desktop reachable from anywhere " +
    "is a standard target for password spraying and for exploits against the RDP service itself.",
  appliesTo: "gcp.compute.Firewall",
  references: { checkov: "CKV_GCP_3", trivy: "AVD-GCP-0070" },
  compliance: [{ framework: "cis-gcp-3.0", control: "3.7" }],
  remediation: {
    text: "Allow RDP only from known ranges, or only from Identity-Aware Proxy (35.235.240.0/20) and connect through IAP TCP forwarding.",
    fix: 'source_ranges = ["35.235.240.0/20"]',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_firewall" "rdp" {
  name    = "allow-rdp"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }

  source_ranges = ["0.0.0.0/0"]
}`,
        `resource "google_compute_firewall" "windows" {
  name    = "allow-windows-admin"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["3000-4000"]
  }

  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["windows"]
}`,
      ],
      good: [
        `resource "google_compute_firewall" "rdp" {
  name    = "allow-rdp-from-iap"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }

  source_ranges = ["35.235.240.0/20"]
}`,
        `resource "google_compute_firewall" "rdp" {
  name      = "deny-rdp-out"
  network   = "default"
  direction = "EGRESS"

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }

  destination_ranges = ["0.0.0.0/0"]
}`,
      ],
    },
  },
  evaluate: (f) => adminPortViolations(f, 3389, "RDP"),
});
