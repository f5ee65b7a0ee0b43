import type { ComputeInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, metaSwitch } from "./util.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-008",
  title: "VM turns OS Login off",
  severity: "medium",
  description:
    "The instance (or instance template) metadata sets `enable-oslogin` to false, overriding the project setting. " +
    "SSH access then goes back to keys stored in metadata, which are not tied to IAM identities: removing a person " +
    "from IAM does not remove their key, and key use is not attributed to anyone.",
  appliesTo: "gcp.compute.Instance",
  references: { checkov: "CKV_GCP_34", trivy: "AVD-GCP-0036" },
  compliance: [{ framework: "cis-gcp-3.0", control: "4.4" }],
  remediation: {
    text: "Remove the enable-oslogin override from the instance and enable OS Login in the project metadata.",
    fix: 'metadata = {\n  enable-oslogin = "TRUE"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_instance" "bastion" {
  name         = "bastion"
  machine_type = "e2-micro"
  zone         = "europe-west1-b"

  metadata = {
    enable-oslogin = "FALSE"
  }
}`,
        `resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-medium"

  metadata = {
    enable-oslogin = false
  }
}`,
      ],
      good: [
        `resource "google_compute_instance" "bastion" {
  name         = "bastion"
  machine_type = "e2-micro"
  zone         = "europe-west1-b"

  metadata = {
    enable-oslogin = "TRUE"
  }
}`,
        `resource "google_compute_instance" "bastion" {
  name         = "bastion"
  machine_type = "e2-micro"
  zone         = "europe-west1-b"
}`,
      ],
    },
  },
  evaluate(vm) {
    const on = metaSwitch(vm.metadata, "enable-oslogin");
    if (!isKnown(on, false)) return undefined;
    return fail(on, `${vm.address} turns OS Login off`, { key: `${vm.address} oslogin off` });
  },
});
