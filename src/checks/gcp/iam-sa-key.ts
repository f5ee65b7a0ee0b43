import type { ServiceAccountKey } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<ServiceAccountKey>({
  id: "MAM-GCP-033",
  title: "User-managed service account key",
  severity: "medium",
  description:
    "A `google_service_account_key` creates a long-lived key for a service account. Google-managed keys rotate " +
    "automatically and never leave Google; a user-managed key is valid for years, ends up in the Terraform state " +
    "(the private key is an output of this resource), and from there in CI logs, laptops and repositories.",
  appliesTo: "gcp.iam.ServiceAccountKey",
  compliance: [{ framework: "cis-gcp-3.0", control: "1.4" }],
  remediation: {
    text: "Use attached service accounts, Workload Identity (GKE) or Workload Identity Federation (CI, other clouds) instead of keys, and block key creation with the iam.disableServiceAccountKeyCreation organization policy.",
    fix: 'resource "google_iam_workload_identity_pool" "ci" {\n  workload_identity_pool_id = "ci"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_service_account_key" "ci" {
  service_account_id = google_service_account.ci.name
}`,
      ],
      good: [
        `resource "google_service_account" "ci" {
  account_id   = "ci"
  display_name = "CI deployer"
}`,
      ],
    },
  },
  evaluate(k) {
    return fail(k.range, `${k.address} creates a user-managed service account key${k.uploaded ? " (uploaded public key)" : ""}`, { key: `${k.address} key` });
  },
});
