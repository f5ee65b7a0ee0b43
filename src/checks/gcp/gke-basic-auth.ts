import type { GkeCluster } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<GkeCluster>({
  id: "MAM-GCP-057",
  title: "GKE cluster uses basic authentication",
  severity: "high",
  description:
    "`master_auth.username` is set, turning on basic (static password) authentication to the API server. A static " +
    "password is never rotated, is shared by whoever uses it, sits in the Terraform state, and bypasses IAM. GKE no " +
    "longer supports it from 1.19; the setting shows an old or copied configuration.",
  appliesTo: "gcp.gke.Cluster",
  references: { checkov: "CKV_GCP_19", trivy: "AVD-GCP-0064" },
  remediation: {
    text: "Remove username and password from master_auth and authenticate through IAM.",
    fix: "master_auth {\n  client_certificate_config {\n    issue_client_certificate = false\n  }\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  master_auth {
    username = "admin"
    password = var.cluster_password
  }
}`,
      ],
      good: [
        `resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  master_auth {
    username = ""
    password = ""
  }
}`,
      ],
    },
  },
  evaluate(c) {
    if (!isKnown(c.basicAuthUser) || c.basicAuthUser.value.trim() === "") return undefined;
    return fail(c.basicAuthUser, `${c.address} uses basic authentication`, { key: `${c.address} basic auth` });
  },
});
