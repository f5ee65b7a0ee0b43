import type { IamGrant } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import { membersWhere, perMember, roleOf } from "./iam.js";

const IMPERSONATION = ["roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"];

export default defineCheck<IamGrant>({
  id: "MAM-GCP-029",
  title: "Service account impersonation granted for a whole project, folder or organization",
  severity: "high",
  description:
    "Service Account User or Service Account Token Creator is granted at project, folder or organization level. " +
    "That lets the member act as, or mint tokens for, every service account in scope, including the most " +
    "privileged one, which is a direct path to privilege escalation.",
  appliesTo: "gcp.iam.Grant",
  references: { checkov: ["CKV_GCP_41", "CKV_GCP_44", "CKV_GCP_45", "CKV_GCP_49"], trivy: ["AVD-GCP-0011", "AVD-GCP-0005", "AVD-GCP-0009"] },
  compliance: [{ framework: "cis-gcp-3.0", control: "1.6" }],
  remediation: {
    text: "Grant these roles on the individual service accounts that are meant to be used (google_service_account_iam_member), not on the project.",
    fix: 'resource "google_service_account_iam_member" "deployer" {\n  service_account_id = google_service_account.runtime.name\n  role               = "roles/iam.serviceAccountUser"\n  member             = "group:deployers@example.com"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_project_iam_member" "deployer" {
  project = "acme-app"
  role    = "roles/iam.serviceAccountUser"
  member  = "group:deployers@example.com"
}`,
        `resource "google_organization_iam_binding" "tokens" {
  org_id  = "123456789012"
  role    = "roles/iam.serviceAccountTokenCreator"
  members = ["user:ann@example.com"]
}`,
      ],
      good: [
        `resource "google_service_account_iam_member" "deployer" {
  service_account_id = google_service_account.runtime.name
  role               = "roles/iam.serviceAccountUser"
  member             = "group:deployers@example.com"
}`,
        `resource "google_project_iam_member" "deployer" {
  project = "acme-app"
  role    = "roles/run.developer"
  member  = "group:deployers@example.com"
}`,
      ],
    },
  },
  evaluate(g) {
    const role = roleOf(g);
    if (!role || !IMPERSONATION.includes(role)) return [];
    return perMember(g, membersWhere(g, () => true), (m) => `grants ${role} on the whole ${g.scope} to ${m}`, role);
  },
});
