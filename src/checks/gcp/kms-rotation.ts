import type { KmsCryptoKey } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, isOneOf } from "./util.js";

const NINETY_DAYS = 90 * 24 * 3600;

/** Seconds in a `rotation_period` such as `7776000s`, or undefined when it is not in that form. */
export function periodSeconds(s: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(s);
  return m ? Number(m[1]) : undefined;
}

export default defineCheck<KmsCryptoKey>({
  id: "MAM-GCP-067",
  title: "KMS key is not rotated every 90 days",
  severity: "medium",
  description:
    "A symmetric (`ENCRYPT_DECRYPT`) Cloud KMS key has no `rotation_period`, or one longer than 90 days " +
    "(7776000s). Without rotation every piece of data ever encrypted with the key depends on one key version, so a " +
    "compromised version exposes all of it. Asymmetric and MAC keys, which cannot rotate automatically, are not " +
    "reported.",
  appliesTo: "gcp.kms.CryptoKey",
  references: { checkov: "CKV_GCP_43", trivy: "AVD-GCP-0065" },
  compliance: [{ framework: "cis-gcp-3.0", control: "1.10" }],
  remediation: {
    text: "Set rotation_period to 7776000s (90 days) or less.",
    fix: 'rotation_period = "7776000s"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_kms_crypto_key" "data" {
  name     = "data"
  key_ring = google_kms_key_ring.main.id
}`,
        `resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "31536000s"
}`,
      ],
      good: [
        `resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "7776000s"
}`,
        `resource "google_kms_crypto_key" "signing" {
  name     = "signing"
  key_ring = google_kms_key_ring.main.id
  purpose  = "ASYMMETRIC_SIGN"

  version_template {
    algorithm = "EC_SIGN_P256_SHA256"
  }
}`,
      ],
    },
  },
  evaluate(k) {
    if (k.purpose && !isOneOf(k.purpose, ["ENCRYPT_DECRYPT"])) return undefined;
    const period = k.rotationPeriod;
    if (!period) return fail(k.range, `${k.address} is never rotated`, { key: `${k.address} rotation` });
    const seconds = isKnown(period) ? periodSeconds(period.value) : undefined;
    if (seconds === undefined || seconds <= NINETY_DAYS) return undefined;
    return fail(period, `${k.address} rotates every ${Math.round(seconds / 86400)} days`, { key: `${k.address} rotation` });
  },
});
