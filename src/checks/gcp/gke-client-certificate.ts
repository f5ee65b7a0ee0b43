import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-056",
  title: "GKE cluster issues a client certificate",
  severity: "medium",
  description:
    "`master_auth.client_certificate_config.issue_client_certificate = true` has the cluster issue a legacy client " +
    "certificate. The certificate cannot be revoked short of rotating the cluster's credentials, is not tied to an " +
    "IAM identity, and ends up in the Terraform state.",
  appliesTo: "gcp.gke.Cluster",
  references: { checkov: "CKV_GCP_13", trivy: "AVD-GCP-0064" },
  remediation: {
    text: "Do not issue client certificates; authenticate with IAM (gcloud credentials or Workload Identity Federation).",
    fix: "master_auth {\n  client_certificate_config {\n    issue_client_certificate = false\n  }\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  master_auth {
    client_certificate_config {
      issue_client_certificate = true
    }
  }
}`,
      ],
      good: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  master_auth {
    client_certificate_config {
      issue_client_certificate = false
    }
  }
}`,
      ],
    },
  },
  evaluate(c) {
    if (!isKnown(c.issueClientCertificate, true)) return undefined;
    return fail(c.issueClientCertificate, `${c.address} issues a client certificate`, { key: `${c.address} client certificate` });
  },
});
