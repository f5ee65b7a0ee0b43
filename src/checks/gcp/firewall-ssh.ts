import type { Firewall } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import { adminPortViolations } from "./firewall-admin-port.js";

export default defineCheck<Firewall>({
  id: "MAM-GCP-019",
  title: "Firewall rule opens SSH to the internet",
  severity: "high",
  description:
    "An enforced ingress rule allows TCP port 22 from 0.0.0.0/0 or ::/0. SSH reachable from anywhere is probed " +
    "within minutes of going up, and one weak or leaked key, or an unpatched daemon, is then enough to get in.",
  appliesTo: "gcp.compute.Firewall",
  references: { checkov: "CKV_GCP_2", trivy: "AVD-GCP-0071" },
  compliance: [{ framework: "cis-gcp-3.0", control: "3.6" }],
  remediation: {
    text: "Allow SSH only from known ranges, or only from Identity-Aware Proxy (35.235.240.0/20) and connect with IAP TCP forwarding.",
    fix: 'source_ranges = ["35.235.240.0/20"]',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"]
}`,
        `resource "google_compute_firewall" "admin" {
  name      = "allow-admin"
  network   = google_compute_network.main.name
  direction = "INGRESS"

  allow {
    protocol = "tcp"
    ports    = ["20-25", "443"]
  }

  source_ranges = ["10.0.0.0/8", "::/0"]
}`,
      ],
      good: [
        `resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh-from-iap"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["35.235.240.0/20"]
}`,
        `resource "google_compute_firewall" "web" {
  name    = "allow-https"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }

  source_ranges = ["0.0.0.0/0"]
}`,
        `resource "google_compute_firewall" "ssh" {
  name     = "allow-ssh"
  network  = "default"
  disabled = true

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"]
}`,
      ],
    },
  },
  evaluate: (f) => adminPortViolations(f, 22, "SSH"),
});
