import type { StorageBucket } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, publicMembers } from "./util.js";

export default defineCheck<StorageBucket>({
  id: "MAM-GCP-001",
  title: "Cloud Storage bucket is open to anyone",
  severity: "high",
  description:
    "A `google_storage_bucket_iam_member`, `_iam_binding` or `_iam_policy` (its `policy_data` written out, " +
    "jsonencode()d or rendered by `data \"google_iam_policy\"`) that refers to the bucket grants a role to `allUsers` " +
    "(anyone on the internet, without signing in) or `allAuthenticatedUsers` (anyone with any Google account). " +
    "Either makes the objects readable, or worse, by people outside the organization. A bucket with public access " +
    "prevention enforced is not reported, since Cloud Storage refuses such grants. IAM resources for buckets that " +
    "are not in the same file are not checked.",
  appliesTo: "gcp.storage.Bucket",
  references: { checkov: "CKV_GCP_28", trivy: "AVD-GCP-0001" },
  compliance: [{ framework: "cis-gcp-3.0", control: "5.1" }],
  remediation: {
    text: "Remove the public member. Grant the role to the groups or service accounts that need it, and set public_access_prevention = \"enforced\" on buckets that must never be public; serve public content through a load balancer or signed URLs instead.",
    fix: 'resource "google_storage_bucket_iam_member" "reader" {\n  bucket = google_storage_bucket.reports.name\n  role   = "roles/storage.objectViewer"\n  member = "group:analysts@example.com"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.reports.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}`,
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}

resource "google_storage_bucket_iam_binding" "readers" {
  bucket  = "acme-reports"
  role    = "roles/storage.objectViewer"
  members = ["group:analysts@example.com", "allAuthenticatedUsers"]
}`,
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}

data "google_iam_policy" "reports" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["allUsers"]
  }
}

resource "google_storage_bucket_iam_policy" "reports" {
  bucket      = google_storage_bucket.reports.name
  policy_data = data.google_iam_policy.reports.policy_data
}`,
      ],
      good: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}

resource "google_storage_bucket_iam_member" "reader" {
  bucket = google_storage_bucket.reports.name
  role   = "roles/storage.objectViewer"
  member = "group:analysts@example.com"
}`,
        `resource "google_storage_bucket" "reports" {
  name                     = "acme-reports"
  location                 = "EU"
  public_access_prevention = "enforced"
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.reports.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}`,
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}

data "google_iam_policy" "reports" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["group:analysts@example.com"]
  }
}

resource "google_storage_bucket_iam_policy" "reports" {
  bucket      = google_storage_bucket.reports.name
  policy_data = data.google_iam_policy.reports.policy_data
}`,
      ],
    },
  },
  evaluate(b) {
    if (isKnown(b.publicAccessPrevention, "enforced")) return [];
    return publicMembers(b.members).map((m) =>
      fail(m.member, `${b.address} grants ${isKnown(m.role) ? m.role.value : "a role"} to ${m.member.value} (${m.via})`, {
        key: `${b.address} ${m.via} ${m.member.value}`,
      }),
    );
  },
});
