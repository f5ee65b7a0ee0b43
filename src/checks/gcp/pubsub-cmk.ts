import type { PubSubTopic } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<PubSubTopic>({
  id: "MAM-GCP-072",
  title: "Pub/Sub topic is not encrypted with a customer-managed key",
  severity: "low",
  description:
    "The topic has no `kms_key_name`, so its messages are encrypted with a Google-managed key. That is encryption " +
    "at rest, but access to the data cannot be revoked, audited or crypto-shredded independently of Pub/Sub " +
    "permissions; topics carrying sensitive data usually need a customer-managed key.",
  appliesTo: "gcp.pubsub.Topic",
  references: { checkov: "CKV_GCP_83" },
  remediation: {
    text: "Set kms_key_name to a Cloud KMS key, and grant the Pub/Sub service agent the encrypter/decrypter role on it.",
    fix: "kms_key_name = google_kms_crypto_key.pubsub.id",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_pubsub_topic" "orders" {
  name = "orders"
}`,
      ],
      good: [
        `resource "google_pubsub_topic" "orders" {
  name         = "orders"
  kms_key_name = google_kms_crypto_key.pubsub.id
}`,
      ],
    },
  },
  evaluate(t) {
    if (t.kmsKeyName) return undefined;
    return fail(t.range, `${t.address} uses a Google-managed key`, { key: `${t.address} cmk` });
  },
});
