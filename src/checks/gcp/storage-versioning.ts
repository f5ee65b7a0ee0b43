import type { StorageBucket } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<StorageBucket>({
  id: "MAM-GCP-004",
  title: "Cloud Storage bucket has no object versioning",
  severity: "low",
  description:
    "Object versioning is off (there is no `versioning` block, or `enabled = false`). An overwritten or deleted " +
    "object, whether by mistake, by a faulty job or by an attacker with write access, is then gone for good.",
  appliesTo: "gcp.storage.Bucket",
  references: { checkov: "CKV_GCP_78", trivy: "AVD-GCP-0078" },
  remediation: {
    text: "Turn on versioning, with a lifecycle rule that deletes noncurrent versions after the retention you need.",
    fix: "versioning {\n  enabled = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"
}`,
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"

  versioning {
    enabled = false
  }
}`,
      ],
      good: [
        `resource "google_storage_bucket" "reports" {
  name     = "acme-reports"
  location = "EU"

  versioning {
    enabled = true
  }
}`,
      ],
    },
  },
  evaluate(b) {
    if (b.versioning && !isKnown(b.versioning, false)) return undefined;
    return fail(b.versioning ?? b.range, `${b.address} does not keep object versions`, { key: `${b.address} versioning` });
  },
});
