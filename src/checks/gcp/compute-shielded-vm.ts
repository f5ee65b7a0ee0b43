import type { ComputeInstance } from "../../models/gcp.js";
import type { Val } from "../../models/value.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-014",
  title: "VM is not a fully Shielded VM",
  severity: "low",
  description:
    "Shielded VM protects the boot chain: Secure Boot refuses unsigned boot components, the virtual TPM holds " +
    "measurements and keys, and integrity monitoring compares each boot with a known-good baseline. Secure Boot is " +
    "off unless `shielded_instance_config` turns it on; vTPM and integrity monitoring are on unless turned off. " +
    "Each setting left off is reported.",
  appliesTo: "gcp.compute.Instance",
  references: { checkov: "CKV_GCP_39", trivy: ["AVD-GCP-0067", "AVD-GCP-0041", "AVD-GCP-0045"] },
  compliance: [{ framework: "cis-gcp-3.0", control: "4.8" }],
  remediation: {
    text: "Use a Shielded VM image and turn on all three protections.",
    fix: "shielded_instance_config {\n  enable_secure_boot          = true\n  enable_vtpm                 = true\n  enable_integrity_monitoring = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
}`,
        `resource "google_compute_instance_template" "api" {
  name_prefix  = "api-"
  machine_type = "e2-small"

  shielded_instance_config {
    enable_secure_boot          = true
    enable_integrity_monitoring = false
  }
}`,
      ],
      good: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  shielded_instance_config {
    enable_secure_boot = true
  }
}`,
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  shielded_instance_config {
    enable_secure_boot          = var.secure_boot
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }
}`,
      ],
    },
  },
  evaluate(vm) {
    const where = vm.shieldedConfig ?? vm.range;
    const off = (v: Val<boolean> | undefined, dflt: boolean): boolean => (v === undefined ? !dflt : isKnown(v, false));
    const missing = [
      off(vm.secureBoot, false) ? "Secure Boot" : undefined,
      off(vm.vtpm, true) ? "vTPM" : undefined,
      off(vm.integrityMonitoring, true) ? "integrity monitoring" : undefined,
    ].filter((x): x is string => x !== undefined);
    if (missing.length === 0) return undefined;
    return fail(where, `${vm.address} runs without ${missing.join(", ")}`, { key: `${vm.address} shielded vm ${missing.join(",")}` });
  },
});
