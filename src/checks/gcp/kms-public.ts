import type { KmsCryptoKey } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, publicMembers } from "./util.js";

export default defineCheck<KmsCryptoKey>({
  id: "MAM-GCP-068",
  title: "KMS key is usable by anyone",
  severity: "critical",
  description:
    "A `google_kms_crypto_key_iam_member`, `_iam_binding` or `_iam_policy` that refers to the key grants a role to `allUsers` or " +
    "`allAuthenticatedUsers`. Anyone (or anyone with a Google account) can then use or manage the key: decrypt the " +
    "data it protects, or destroy key versions and with them the data.",
  appliesTo: "gcp.kms.CryptoKey",
  references: { checkov: "CKV_GCP_112" },
  compliance: [{ framework: "cis-gcp-3.0", control: "1.9" }],
  remediation: {
    text: "Remove the public member; grant the encrypter/decrypter role to the service accounts that use the key.",
    fix: 'resource "google_kms_crypto_key_iam_member" "app" {\n  crypto_key_id = google_kms_crypto_key.data.id\n  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"\n  member        = "serviceAccount:app@acme-app.iam.gserviceaccount.com"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "7776000s"
}

resource "google_kms_crypto_key_iam_member" "public" {
  crypto_key_id = google_kms_crypto_key.data.id
  role          = "roles/cloudkms.cryptoKeyDecrypter"
  member        = "allUsers"
}`,
        `resource "google_kms_crypto_key" "data" {
  name     = "data"
  key_ring = google_kms_key_ring.main.id
}

resource "google_kms_crypto_key_iam_binding" "users" {
  crypto_key_id = google_kms_crypto_key.data.id
  role          = "roles/cloudkms.cryptoKeyEncrypter"
  members       = ["allAuthenticatedUsers"]
}`,
        `resource "google_kms_crypto_key" "data" {
  name     = "data"
  key_ring = google_kms_key_ring.main.id
}

data "google_iam_policy" "data_key" {
  binding {
    role    = "roles/cloudkms.cryptoKeyDecrypter"
    members = ["serviceAccount:app@acme-app.iam.gserviceaccount.com", "allAuthenticatedUsers"]
  }
}

resource "google_kms_crypto_key_iam_policy" "data" {
  crypto_key_id = google_kms_crypto_key.data.id
  policy_data   = data.google_iam_policy.data_key.policy_data
}`,
      ],
      good: [
        `resource "google_kms_crypto_key" "data" {
  name     = "data"
  key_ring = google_kms_key_ring.main.id
}

resource "google_kms_crypto_key_iam_member" "app" {
  crypto_key_id = google_kms_crypto_key.data.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = "serviceAccount:app@acme-app.iam.gserviceaccount.com"
}`,
        `resource "google_kms_crypto_key" "data" {
  name     = "data"
  key_ring = google_kms_key_ring.main.id
}

data "google_iam_policy" "data_key" {
  binding {
    role    = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
    members = ["serviceAccount:app@acme-app.iam.gserviceaccount.com"]
  }
}

resource "google_kms_crypto_key_iam_policy" "data" {
  crypto_key_id = google_kms_crypto_key.data.id
  policy_data   = data.google_iam_policy.data_key.policy_data
}`,
      ],
    },
  },
  evaluate(k) {
    return publicMembers(k.members).map((m) =>
      fail(m.member, `${k.address} grants ${isKnown(m.role) ? m.role.value : "a role"} to ${m.member.value} (${m.via})`, { key: `${k.address} ${m.via} ${m.member.value}` }),
    );
  },
});
