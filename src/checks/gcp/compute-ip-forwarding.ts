import type { ComputeInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-010",
  title: "VM can forward packets",
  severity: "medium",
  description:
    "`can_ip_forward = true` turns off the source and destination address check, so the VM can send packets it " +
    "did not originate and receive packets not addressed to it. Unless the VM is a router or NAT appliance, this " +
    "only helps an intruder use it to spoof traffic or reach other networks.",
  appliesTo: "gcp.compute.Instance",
  references: { checkov: "CKV_GCP_36", trivy: "AVD-GCP-0043" },
  compliance: [{ framework: "cis-gcp-3.0", control: "4.6" }],
  remediation: {
    text: "Remove can_ip_forward (it is false by default) from every VM that is not a network appliance; the setting can only be changed by recreating the VM.",
    fix: "can_ip_forward = false",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_instance" "api" {
  name           = "api"
  machine_type   = "e2-small"
  zone           = "europe-west1-b"
  can_ip_forward = true
}`,
      ],
      good: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
}`,
        `resource "google_compute_instance_template" "api" {
  name_prefix    = "api-"
  machine_type   = "e2-small"
  can_ip_forward = false
}`,
      ],
    },
  },
  evaluate(vm) {
    if (!isKnown(vm.canIpForward, true)) return undefined;
    return fail(vm.canIpForward, `${vm.address} can forward IP packets`, { key: `${vm.address} ip forwarding` });
  },
});
