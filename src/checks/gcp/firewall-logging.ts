import type { Firewall } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<Firewall>({
  id: "MAM-GCP-022",
  title: "Firewall rule does not log its connections",
  severity: "low",
  description:
    "The rule has no `log_config` block (and no legacy `enable_logging = true`), so the connections it allows or " +
    "denies are not recorded. Without firewall logs there is no way to tell afterwards which sources reached a VM " +
    "through this rule, or to confirm that a rule is still needed.",
  appliesTo: "gcp.compute.Firewall",
  remediation: {
    text: "Add a log_config block (EXCLUDE_ALL_METADATA keeps the volume down) to rules whose traffic you need to audit.",
    fix: 'log_config {\n  metadata = "EXCLUDE_ALL_METADATA"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_firewall" "web" {
  name    = "allow-https"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }

  source_ranges = ["0.0.0.0/0"]
}`,
        `resource "google_compute_firewall" "web" {
  name           = "allow-https"
  network        = "default"
  enable_logging = false

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}`,
      ],
      good: [
        `resource "google_compute_firewall" "web" {
  name    = "allow-https"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }

  source_ranges = ["0.0.0.0/0"]

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}`,
      ],
    },
  },
  evaluate(f) {
    if (f.logging && !isKnown(f.logging, false)) return undefined;
    return fail(f.logging ?? f.range, `${f.address} does not log connections`, { key: `${f.address} logging` });
  },
});
