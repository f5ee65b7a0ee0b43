import type { ComputeInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-011",
  title: "VM has an external IP address",
  severity: "medium",
  description:
    "A `network_interface` has an `access_config` block, which gives the VM an external IPv4 address. The VM is " +
    "then reachable from the internet wherever a firewall rule allows it, and one permissive rule is enough to " +
    "expose it. VMs behind a load balancer, Cloud NAT or IAP TCP forwarding need no external address.",
  appliesTo: "gcp.compute.Instance",
  references: { checkov: "CKV_GCP_40", trivy: "AVD-GCP-0031" },
  compliance: [{ framework: "cis-gcp-3.0", control: "4.9" }],
  remediation: {
    text: "Remove the access_config block; reach the VM through IAP, a bastion or a load balancer, and give it outbound access with Cloud NAT.",
    fix: 'network_interface {\n  subnetwork = google_compute_subnetwork.private.id\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  network_interface {
    network = "default"
    access_config {}
  }
}`,
        `resource "google_compute_instance_template" "api" {
  name_prefix  = "api-"
  machine_type = "e2-small"

  network_interface {
    subnetwork = "private"

    access_config {
      network_tier = "PREMIUM"
    }
  }
}`,
      ],
      good: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  network_interface {
    subnetwork = google_compute_subnetwork.private.id
  }
}`,
        `resource "google_compute_instance_template" "api" {
  name_prefix  = "api-"
  machine_type = "e2-small"

  network_interface {
    subnetwork = "private"
  }
}`,
      ],
    },
  },
  evaluate(vm) {
    return vm.accessConfigs
      .filter((a) => isKnown(a))
      .map((a, i) => fail(a, `${vm.address} has an external IP address`, { key: `${vm.address} external ip #${i + 1}` }));
  },
});
