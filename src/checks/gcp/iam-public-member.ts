import type { IamGrant } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import { IAM_FIX_MEMBER, membersWhere, perMember, roleOf } from "./iam.js";
import { PUBLIC_MEMBERS } from "./util.js";

export default defineCheck<IamGrant>({
  id: "MAM-GCP-032",
  title: "Project, folder or organization role granted to everyone",
  severity: "critical",
  description:
    "A grant at project, folder or organization level names `allUsers` or `allAuthenticatedUsers`. The role then " +
    "applies to every resource in scope for anyone on the internet (or anyone with any Google account), not only " +
    "to members of the organization.",
  appliesTo: "gcp.iam.Grant",
  remediation: {
    text: "Remove the public member and grant the role to the groups that need it; enforce the iam.allowedPolicyMemberDomains (domain restricted sharing) organization policy.",
    fix: IAM_FIX_MEMBER,
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_project_iam_member" "public" {
  project = "acme-app"
  role    = "roles/viewer"
  member  = "allAuthenticatedUsers"
}`,
        `resource "google_project_iam_binding" "logs" {
  project = "acme-app"
  role    = "roles/logging.viewer"
  members = ["group:sre@example.com", "allUsers"]
}`,
      ],
      good: [
        `resource "google_project_iam_binding" "logs" {
  project = "acme-app"
  role    = "roles/logging.viewer"
  members = ["group:sre@example.com"]
}`,
      ],
    },
  },
  evaluate(g) {
    const role = roleOf(g) ?? "a role";
    return perMember(g, membersWhere(g, (m) => PUBLIC_MEMBERS.includes(m)), (m) => `grants ${role} on the whole ${g.scope} to ${m}`, "public");
  },
});
