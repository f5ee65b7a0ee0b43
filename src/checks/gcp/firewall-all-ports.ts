import type { Firewall } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isEnforcedIngress, openSources, opensAllPorts } from "./firewall.js";

export default defineCheck<Firewall>({
  id: "MAM-GCP-021",
  title: "Firewall rule opens every port to the internet",
  severity: "critical",
  description:
    "An enforced ingress rule lets in every protocol (`all`), or every TCP/UDP port (no `ports`, or 0-65535), from " +
    "0.0.0.0/0 or ::/0. Every service that listens on the targeted VMs, including databases, admin interfaces and " +
    "debug ports, is then reachable from the internet.",
  appliesTo: "gcp.compute.Firewall",
  references: { trivy: "AVD-GCP-0072" },
  remediation: {
    text: "Allow only the ports the service needs, and only from the ranges that need them.",
    fix: 'allow {\n  protocol = "tcp"\n  ports    = ["443"]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_firewall" "open" {
  name    = "allow-all"
  network = "default"

  allow {
    protocol = "all"
  }

  source_ranges = ["0.0.0.0/0"]
}`,
        `resource "google_compute_firewall" "tcp" {
  name    = "allow-tcp"
  network = "default"

  allow {
    protocol = "tcp"
  }

  source_ranges = ["0.0.0.0/0"]
}`,
        `resource "google_compute_firewall" "udp" {
  name    = "allow-udp"
  network = "default"

  allow {
    protocol = "udp"
    ports    = ["0-65535"]
  }

  source_ranges = ["::/0"]
}`,
      ],
      good: [
        `resource "google_compute_firewall" "internal" {
  name    = "allow-internal"
  network = "default"

  allow {
    protocol = "all"
  }

  source_ranges = ["10.128.0.0/9"]
}`,
        `resource "google_compute_firewall" "web" {
  name    = "allow-web"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }

  allow {
    protocol = "icmp"
  }

  source_ranges = ["0.0.0.0/0"]
}`,
      ],
    },
  },
  evaluate(f) {
    if (!isEnforcedIngress(f)) return [];
    const sources = openSources(f);
    return f.allow.filter(opensAllPorts).flatMap((a) => {
      const proto = String(a.protocol.value).toLowerCase();
      const what = proto === "all" || proto === "-1" ? "protocol and port" : `${proto} port`;
      return sources.map((s) => fail(a, `${f.address} allows every ${what} from ${s.value}`, { key: `${f.address} all ports ${proto} ${s.value}` }));
    });
  },
});
