import type { IamGrant } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import { IAM_FIX_MEMBER, membersWhere, perMember, roleOf } from "./iam.js";

const BASIC = ["roles/owner", "roles/editor"];
const PEOPLE = /^(user|group|domain):/;

export default defineCheck<IamGrant>({
  id: "MAM-GCP-028",
  title: "Basic Owner or Editor role granted to people",
  severity: "high",
  description:
    "A project, folder or organization grant (an `_iam_member`, `_iam_binding`, or a binding of an `_iam_policy`) " +
    "gives `roles/owner` or `roles/editor` to a user, group or domain. The " +
    "basic roles predate IAM's per-service roles and include write access to nearly every service in scope (Owner " +
    "also manages IAM), so one phished account controls everything beneath it.",
  appliesTo: "gcp.iam.Grant",
  references: { checkov: "CKV_GCP_117" },
  remediation: {
    text: "Replace basic roles with predefined or custom roles for the services each group actually uses; keep Owner for a break-glass account.",
    fix: IAM_FIX_MEMBER,
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_project_iam_member" "ann" {
  project = "acme-app"
  role    = "roles/owner"
  member  = "user:ann@example.com"
}`,
        `resource "google_folder_iam_binding" "devs" {
  folder  = "folders/123456789"
  role    = "roles/editor"
  members = ["group:developers@example.com", "serviceAccount:ci@acme-app.iam.gserviceaccount.com"]
}`,
        `data "google_iam_policy" "app" {
  binding {
    role    = "roles/run.developer"
    members = ["group:developers@example.com"]
  }
  binding {
    role    = "roles/owner"
    members = ["user:ann@example.com"]
  }
}

resource "google_project_iam_policy" "app" {
  project     = "acme-app"
  policy_data = data.google_iam_policy.app.policy_data
}`,
      ],
      good: [
        `resource "google_project_iam_member" "ann" {
  project = "acme-app"
  role    = "roles/run.developer"
  member  = "user:ann@example.com"
}`,
        `resource "google_project_iam_member" "ann" {
  project = "acme-app"
  role    = var.role
  member  = "user:ann@example.com"
}`,
        `data "google_iam_policy" "app" {
  binding {
    role    = "roles/run.developer"
    members = ["group:developers@example.com"]
  }
  binding {
    role    = "roles/owner"
    members = ["serviceAccount:break-glass@acme-app.iam.gserviceaccount.com"]
  }
}

resource "google_project_iam_policy" "app" {
  project     = "acme-app"
  policy_data = data.google_iam_policy.app.policy_data
}`,
      ],
    },
  },
  evaluate(g) {
    const role = roleOf(g);
    if (!role || !BASIC.includes(role)) return [];
    return perMember(g, membersWhere(g, (m) => PEOPLE.test(m)), (m) => `grants ${role} to ${m}`, role);
  },
});
