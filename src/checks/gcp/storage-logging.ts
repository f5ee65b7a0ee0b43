import type { StorageBucket } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<StorageBucket>({
  id: "MAM-GCP-005",
  title: "Cloud Storage bucket has no usage logs",
  severity: "low",
  description:
    "The bucket has no `logging` block, so no access and storage logs are written for it. Cloud Audit Logs cover " +
    "object reads only when Data Access logging is on for Cloud Storage; usage logs are the other record of who " +
    "downloaded what.",
  appliesTo: "gcp.storage.Bucket",
  references: { checkov: "CKV_GCP_62", trivy: "AVD-GCP-0077" },
  remediation: {
    text: "Add a logging block that delivers usage logs to a separate, access-restricted log bucket (or make sure Data Access audit logs are on for Cloud Storage).",
    fix: "logging {\n  log_bucket = google_storage_bucket.access_logs.name\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}`,
      ],
      good: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"

  logging {
    log_bucket = google_storage_bucket.access_logs.name
  }
}

resource "google_storage_bucket" "access_logs" {
  name     = "acme-access-logs"
  location = "EU"

  logging {
    log_bucket = "acme-audit-archive"
  }
}`,
      ],
    },
  },
  evaluate(b) {
    if (b.logBucket) return undefined;
    return fail(b.range, `${b.address} writes no usage logs`, { key: `${b.address} logging` });
  },
});
