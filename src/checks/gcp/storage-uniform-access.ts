import type { StorageBucket } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<StorageBucket>({
  id: "MAM-GCP-002",
  title: "Cloud Storage bucket allows object ACLs",
  severity: "medium",
  description:
    "Uniform bucket-level access is off (it is off unless `uniform_bucket_level_access = true`), so every object " +
    "can carry its own ACL next to the bucket's IAM policy. Access then has two sources that must both be audited, " +
    "and a single object made public by an ACL is easy to miss.",
  appliesTo: "gcp.storage.Bucket",
  references: { checkov: "CKV_GCP_29", trivy: "AVD-GCP-0002" },
  compliance: [{ framework: "cis-gcp-3.0", control: "5.2" }],
  remediation: {
    text: "Turn on uniform bucket-level access so that only IAM grants access to the bucket and its objects.",
    fix: 'resource "google_storage_bucket" "reports" {\n  name                        = "acme-reports"\n  location                    = "EU"\n  uniform_bucket_level_access = true\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}`,
        `resource "google_storage_bucket" "reports" {
  name                        = "acme-reports"
  location                    = "EU"
  uniform_bucket_level_access = false
}`,
      ],
      good: [
        `resource "google_storage_bucket" "reports" {
  name                        = "acme-reports"
  location                    = "EU"
  uniform_bucket_level_access = true
}`,
        `resource "google_storage_bucket" "reports" {
  name                        = "acme-reports"
  location                    = "EU"
  uniform_bucket_level_access = var.uniform
}`,
      ],
    },
  },
  evaluate(b) {
    if (b.uniformAccess && !isKnown(b.uniformAccess, false)) return undefined;
    return fail(b.uniformAccess ?? b.range, `${b.address} does not enforce uniform bucket-level access`, { key: `${b.address} uniform access` });
  },
});
