import { redactValue } from "../../core/redact.js";
import type { ComputeInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-015",
  title: "Disk encryption key written in plain text",
  severity: "critical",
  kind: "secret",
  description:
    "A `disk_encryption_key_raw` (or `raw_key`) gives a customer-supplied disk key as a literal in the source. The " +
    "key is then in version control and in the Terraform state, readable by anyone with access to either, and " +
    "anyone holding it together with a disk snapshot can read the data. Findings show the key redacted.",
  appliesTo: "gcp.compute.Instance",
  references: { trivy: "AVD-GCP-0037" },
  remediation: {
    text: "Remove the key from the source and rotate it (re-encrypt the disk). Use a Cloud KMS key (kms_key_self_link) instead, or pass a customer-supplied key from a secret store at apply time.",
    fix: "boot_disk {\n  kms_key_self_link = google_kms_crypto_key.disks.id\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_instance" "db" {
  name         = "db"
  machine_type = "e2-standard-4"
  zone         = "europe-west1-b"

  boot_disk {
    disk_encryption_key_raw = "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
}`,
      ],
      good: [
        `resource "google_compute_instance" "db" {
  name         = "db"
  machine_type = "e2-standard-4"
  zone         = "europe-west1-b"

  boot_disk {
    kms_key_self_link = google_kms_crypto_key.disks.id
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
}`,
        `resource "google_compute_instance" "db" {
  name         = "db"
  machine_type = "e2-standard-4"
  zone         = "europe-west1-b"

  boot_disk {
    disk_encryption_key_raw = var.disk_key
  }
}`,
      ],
    },
  },
  evaluate(vm) {
    return vm.rawDiskKeys.map((k, i) =>
      fail(k, `${vm.address} has a disk encryption key in plain text`, {
        key: `${vm.address} raw disk key #${i + 1}`,
        snippet: `disk_encryption_key_raw = "${redactValue(k.value ?? "")}"`,
      }),
    );
  },
});
