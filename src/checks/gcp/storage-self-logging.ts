import type { StorageBucket } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<StorageBucket>({
  id: "MAM-GCP-006",
  title: "Cloud Storage bucket writes its usage logs into itself",
  severity: "low",
  description:
    "`logging.log_bucket` names the bucket itself. Anyone who can write or delete objects in the bucket can then " +
    "also erase the record of what they did, and every log object written is itself a new object to log.",
  appliesTo: "gcp.storage.Bucket",
  references: { checkov: "CKV_GCP_63" },
  remediation: {
    text: "Deliver usage logs to a dedicated log bucket with its own, narrower access.",
    fix: "logging {\n  log_bucket = google_storage_bucket.access_logs.name\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"

  logging {
    log_bucket = "acme-reports"
  }
}`,
      ],
      good: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"

  logging {
    log_bucket = "acme-access-logs"
  }
}`,
      ],
    },
  },
  evaluate(b) {
    const lb = b.logBucket;
    const self = b.logBucketRef === b.address || (isKnown(lb) && isKnown(b.name) && lb.value === b.name.value);
    if (!lb || !self) return undefined;
    return fail(lb, `${b.address} writes its usage logs into itself`, { key: `${b.address} self logging` });
  },
});
