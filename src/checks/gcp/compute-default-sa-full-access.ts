import type { ComputeInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { defaultAccount, fullAccessScope } from "./compute-sa.js";

export default defineCheck<ComputeInstance>({
  id: "MAM-GCP-013",
  title: "VM runs as the default service account with access to all Cloud APIs",
  severity: "high",
  description:
    "The VM runs as the Compute Engine default service account and asks for the `cloud-platform` scope. Scopes were " +
    "the only limit left on what the default account's token can do; with full access, anyone who gets code running " +
    "on the VM can act with all of that account's roles (Editor on the project, by default) on every API.",
  appliesTo: "gcp.compute.Instance",
  references: { checkov: "CKV_GCP_31" },
  compliance: [{ framework: "cis-gcp-3.0", control: "4.2" }],
  remediation: {
    text: "Run the VM as a dedicated, least-privilege service account. If the default account must stay, request only the narrow scopes the workload uses.",
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
    scopes = ["cloud-platform"]
  }
}`,
        `resource "google_compute_instance_template" "api" {
  name_prefix  = "api-"
  machine_type = "e2-small"

  service_account {
    email  = "123456789012-compute@developer.gserviceaccount.com"
    scopes = ["https://www.googleapis.com/auth/cloud-platform"]
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
        `resource "google_compute_instance" "api" {
  name         = "api"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    scopes = ["logging-write", "monitoring-write"]
  }
}`,
      ],
    },
  },
  evaluate(vm) {
    const scope = fullAccessScope(vm);
    if (!scope || !defaultAccount(vm)) return undefined;
    return fail(scope, `${vm.address} gives the default service account access to all Cloud APIs`, { key: `${vm.address} default service account full access` });
  },
});
