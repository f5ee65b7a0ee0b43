import type { ComputeInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, metaSwitch } from "./util.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-009",
  title: "VM accepts project-wide SSH keys",
  severity: "medium",
  description:
    "The instance (or instance template) does not set `block-project-ssh-keys` to true in its metadata, so every " +
    "SSH key added to the project metadata opens this VM too. One leaked project-wide key then reaches every such " +
    "VM. Instances that turn OS Login on in their own metadata are not reported: OS Login ignores metadata keys.",
  appliesTo: "gcp.compute.Instance",
  references: { checkov: "CKV_GCP_32", trivy: "AVD-GCP-0030" },
  compliance: [{ framework: "cis-gcp-3.0", control: "4.3" }],
  remediation: {
    text: "Set block-project-ssh-keys to TRUE in the instance metadata (or use OS Login), and give access per instance.",
    fix: 'metadata = {\n  block-project-ssh-keys = "TRUE"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
}`,
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    block-project-ssh-keys = "FALSE"
  }
}`,
      ],
      good: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    block-project-ssh-keys = "TRUE"
  }
}`,
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    enable-oslogin = "TRUE"
  }
}`,
      ],
    },
  },
  evaluate(vm) {
    if (isKnown(metaSwitch(vm.metadata, "enable-oslogin"), true)) return undefined;
    const block = metaSwitch(vm.metadata, "block-project-ssh-keys");
    if (block && !isKnown(block, false)) return undefined;
    return fail(block ?? vm.range, `${vm.address} accepts project-wide SSH keys`, { key: `${vm.address} project ssh keys` });
  },
});
