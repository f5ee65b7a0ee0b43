import type { ComputeInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { defaultAccount } from "./compute-sa.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-012",
  title: "VM runs as the Compute Engine default service account",
  severity: "medium",
  description:
    "The `service_account` block names no email (or names the `PROJECT_NUMBER-compute@developer.gserviceaccount.com` " +
    "account), so the VM runs as the Compute Engine default service account. That account is shared by every VM " +
    "that does the same and, unless the project was hardened, holds the Editor role on the project: code running " +
    "on the VM can read its token from the metadata server and use it.",
  appliesTo: "gcp.compute.Instance",
  references: { checkov: "CKV_GCP_30", trivy: "AVD-GCP-0044" },
  compliance: [{ framework: "cis-gcp-3.0", control: "4.1" }],
  remediation: {
    text: "Create a dedicated service account per workload with only the roles it needs, and run the VM as that account.",
    fix: 'service_account {\n  email  = google_service_account.api.email\n  scopes = ["cloud-platform"]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    scopes = ["logging-write", "monitoring-write"]
  }
}`,
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    email  = "123456789012-compute@developer.gserviceaccount.com"
    scopes = ["logging-write"]
  }
}`,
        `data "google_compute_default_service_account" "default" {}

resource "google_compute_instance_template" "api" {
  name_prefix  = "api-"
  machine_type = "e2-small"

  service_account {
    email  = data.google_compute_default_service_account.default.email
    scopes = ["logging-write"]
  }
}`,
      ],
      good: [
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    email  = google_service_account.api.email
    scopes = ["cloud-platform"]
  }
}`,
        `resource "google_compute_instance" "batch" {
  name         = "batch"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
}`,
      ],
    },
  },
  evaluate(vm) {
    const at = defaultAccount(vm);
    if (!at) return undefined;
    return fail(at, `${vm.address} runs as the Compute Engine default service account`, { key: `${vm.address} default service account` });
  },
});
