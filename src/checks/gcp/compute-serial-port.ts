import type { ComputeInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, metaSwitch } from "./util.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-007",
  title: "VM allows interactive serial console access",
  severity: "medium",
  description:
    "The instance (or instance template) metadata sets `serial-port-enable` to true. The interactive serial console " +
    "is reached through Google's serial port gateway, not the VPC, so firewall rules do not apply: anyone with the " +
    "right key and the instance's name can try to connect from any address.",
  appliesTo: "gcp.compute.Instance",
  references: { checkov: "CKV_GCP_35", trivy: "AVD-GCP-0032" },
  compliance: [{ framework: "cis-gcp-3.0", control: "4.5" }],
  remediation: {
    text: "Remove serial-port-enable from the metadata (or set it to FALSE), and enforce the compute.disableSerialPortAccess organization policy.",
    fix: 'metadata = {\n  serial-port-enable = "FALSE"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    serial-port-enable = "TRUE"
  }
}`,
        `resource "google_compute_instance_template" "api" {
  name_prefix  = "api-"
  machine_type = "e2-small"

  metadata = {
    "serial-port-enable" = true
  }
}`,
      ],
      good: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    serial-port-enable = "FALSE"
  }
}`,
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  metadata     = var.metadata
}`,
      ],
    },
  },
  evaluate(vm) {
    const on = metaSwitch(vm.metadata, "serial-port-enable");
    if (!isKnown(on, true)) return undefined;
    return fail(on, `${vm.address} enables the interactive serial console`, { key: `${vm.address} serial port` });
  },
});
