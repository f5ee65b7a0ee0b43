import type { IamGrant } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import { membersWhere, perMember, roleOf } from "./iam.js";

/** Owner, Editor, and any role whose name says admin (roles/storage.admin, roles/iam.securityAdmin, ...). */
function isAdminRole(role: string): boolean {
  return role === "roles/owner" || role === "roles/editor" || /admin/i.test(role.replace(/^.*\//, ""));
}

export default defineCheck<IamGrant>({
  id: "MAM-GCP-030",
  title: "Service account holds an admin role",
  severity: "high",
  description:
    "A service account is granted Owner, Editor or an `*Admin` role at project, folder or organization level. " +
    "Service account keys and tokens leak through code, CI systems and VMs; an admin service account turns any such " +
    "leak into control of everything in scope, with no person and no second factor involved.",
  appliesTo: "gcp.iam.Grant",
  references: { checkov: "CKV_GCP_42", trivy: "AVD-GCP-0007" },
  compliance: [{ framework: "cis-gcp-3.0", control: "1.5" }],
  remediation: {
    text: "Give the service account the narrow predefined or custom roles its workload needs, on the resources it uses.",
    fix: 'resource "google_project_iam_member" "ci" {\n  project = "acme-app"\n  role    = "roles/artifactregistry.writer"\n  member  = "serviceAccount:ci@acme-app.iam.gserviceaccount.com"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_project_iam_member" "ci" {
  project = "acme-app"
  role    = "roles/editor"
  member  = "serviceAccount:ci@acme-app.iam.gserviceaccount.com"
}`,
        `resource "google_project_iam_binding" "storage" {
  project = "acme-app"
  role    = "roles/storage.admin"
  members = ["serviceAccount:backup@acme-app.iam.gserviceaccount.com"]
}`,
      ],
      good: [
        `resource "google_project_iam_member" "ci" {
  project = "acme-app"
  role    = "roles/artifactregistry.writer"
  member  = "serviceAccount:ci@acme-app.iam.gserviceaccount.com"
}`,
        `resource "google_project_iam_member" "ci" {
  project = "acme-app"
  role    = "roles/editor"
  member  = "serviceAccount:\${google_service_account.ci.email}"
}`,
      ],
    },
  },
  evaluate(g) {
    const role = roleOf(g);
    if (!role || !isAdminRole(role)) return [];
    return perMember(g, membersWhere(g, (m) => m.startsWith("serviceAccount:")), (m) => `grants ${role} to ${m}`, role);
  },
});
