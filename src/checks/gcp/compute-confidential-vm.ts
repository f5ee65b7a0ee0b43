import type { ComputeInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-078",
  title: "VM does not use Confidential Computing",
  severity: "low",
  description:
    "Without `confidential_instance_config`, the VM's memory is held in the clear on the host: whoever can read " +
    "host memory (a hypervisor flaw, a cold-boot or DMA attack, privileged access at the provider) reads the data " +
    "in use too. A Confidential VM keeps memory encrypted with a key the CPU generates per VM. It needs a machine " +
    "type that supports it (N2D, C2D, C3 and others) and is set per VM or template.",
  appliesTo: "gcp.compute.Instance",
  compliance: [{ framework: "cis-gcp-3.0", control: "4.11" }],
  remediation: {
    text: "Use a machine type that supports Confidential Computing and turn it on; such a VM must stop rather than live-migrate on host maintenance.",
    fix: 'machine_type = "n2d-standard-2"\n\nconfidential_instance_config {\n  enable_confidential_compute = true\n}\n\nscheduling {\n  on_host_maintenance = "TERMINATE"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_instance" "ledger" {
  name         = "ledger"
  machine_type = "n2d-standard-2"
  zone         = "europe-west1-b"
}`,
        `resource "google_compute_instance" "ledger" {
  name         = "ledger"
  machine_type = "n2d-standard-2"
  zone         = "europe-west1-b"

  confidential_instance_config {
    enable_confidential_compute = false
  }
}`,
      ],
      good: [
        `resource "google_compute_instance" "ledger" {
  name         = "ledger"
  machine_type = "n2d-standard-2"
  zone         = "europe-west1-b"

  confidential_instance_config {
    enable_confidential_compute = true
  }

  scheduling {
    on_host_maintenance = "TERMINATE"
  }
}`,
        `resource "google_compute_instance_template" "ledger" {
  name_prefix  = "ledger-"
  machine_type = "c3-standard-4"

  confidential_instance_config {
    confidential_instance_type = "TDX"
  }
}`,
        `resource "google_compute_instance" "ledger" {
  name         = "ledger"
  machine_type = "n2d-standard-2"
  zone         = "europe-west1-b"

  confidential_instance_config {
    enable_confidential_compute = var.confidential
  }
}`,
      ],
    },
  },
  evaluate(vm) {
    const v = vm.confidentialCompute;
    if (v === undefined) return fail(vm.range, `${vm.address} runs without Confidential Computing`, { key: `${vm.address} confidential` });
    return isKnown(v, false) ? fail(v, `${vm.address} turns Confidential Computing off`, { key: `${vm.address} confidential` }) : undefined;
  },
});
