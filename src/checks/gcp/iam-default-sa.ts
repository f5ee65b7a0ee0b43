import type { IamGrant } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import { membersWhere, perMember, roleOf } from "./iam.js";
import { isDefaultServiceAccount } from "./util.js";

export default defineCheck<IamGrant>({
  id: "MAM-GCP-031",
  title: "Role granted to a default service account",
  severity: "medium",
  description:
    "A project, folder or organization grant names the Compute Engine default service account " +
    "(`PROJECT_NUMBER-compute@developer.gserviceaccount.com`) or the App Engine default account " +
    "(`PROJECT_ID@appspot.gserviceaccount.com`). Every VM, function or app left on its defaults runs as these " +
    "accounts, so whatever is granted to them is granted to all of those workloads at once.",
  appliesTo: "gcp.iam.Grant",
  references: { checkov: ["CKV_GCP_46", "CKV_GCP_47", "CKV_GCP_48"], trivy: ["AVD-GCP-0006", "AVD-GCP-0004", "AVD-GCP-0008"] },
  remediation: {
    text: "Create a dedicated service account per workload, grant the role to it, and run the workload as that account.",
    fix: 'resource "google_project_iam_member" "worker" {\n  project = "acme-app"\n  role    = "roles/pubsub.subscriber"\n  member  = "serviceAccount:worker@acme-app.iam.gserviceaccount.com"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_project_iam_member" "compute" {
  project = "acme-app"
  role    = "roles/storage.objectAdmin"
  member  = "serviceAccount:123456789012-compute@developer.gserviceaccount.com"
}`,
        `resource "google_folder_iam_binding" "appengine" {
  folder  = "folders/123456789"
  role    = "roles/cloudsql.client"
  members = ["serviceAccount:acme-app@appspot.gserviceaccount.com"]
}`,
      ],
      good: [
        `resource "google_project_iam_member" "worker" {
  project = "acme-app"
  role    = "roles/pubsub.subscriber"
  member  = "serviceAccount:worker@acme-app.iam.gserviceaccount.com"
}`,
      ],
    },
  },
  evaluate(g) {
    const role = roleOf(g) ?? "a role";
    return perMember(g, membersWhere(g, (m) => m.startsWith("serviceAccount:") && isDefaultServiceAccount(m)), (m) => `grants ${role} to the default service account ${m}`, "default sa");
  },
});
