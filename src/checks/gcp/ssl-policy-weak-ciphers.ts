import type { SslPolicy } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, isOneOf } from "./util.js";

/** Suites without forward secrecy, or with 3DES, that CIS asks custom policies to leave out. */
const WEAK = [
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_256_CBC_SHA",
  "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
];

export default defineCheck<SslPolicy>({
  id: "MAM-GCP-026",
  title: "SSL policy allows weak cipher suites",
  severity: "medium",
  description:
    "The policy uses the `COMPATIBLE` profile (the default when `profile` is not written), or a `CUSTOM` profile that " +
    "lists RSA key-exchange or 3DES suites. Those suites offer no forward secrecy, or a 64-bit block cipher, so " +
    "recorded traffic can be decrypted later if the certificate key leaks.",
  appliesTo: "gcp.compute.SslPolicy",
  compliance: [{ framework: "cis-gcp-3.0", control: "3.9" }],
  remediation: {
    text: "Use the MODERN profile with TLS 1.2 as the minimum, or RESTRICTED, or a CUSTOM profile without the RSA key-exchange and 3DES suites.",
    fix: 'profile         = "MODERN"\nmin_tls_version = "TLS_1_2"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_ssl_policy" "web" {
  name            = "web"
  min_tls_version = "TLS_1_2"
}`,
        `resource "google_compute_ssl_policy" "web" {
  name            = "web"
  profile         = "CUSTOM"
  min_tls_version = "TLS_1_2"
  custom_features = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"]
}`,
      ],
      good: [
        `resource "google_compute_ssl_policy" "web" {
  name            = "web"
  profile         = "RESTRICTED"
  min_tls_version = "TLS_1_2"
}`,
        `resource "google_compute_ssl_policy" "web" {
  name            = "web"
  profile         = "CUSTOM"
  min_tls_version = "TLS_1_2"
  custom_features = ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]
}`,
      ],
    },
  },
  evaluate(p) {
    if (!p.profile || isOneOf(p.profile, ["COMPATIBLE"])) {
      return fail(p.profile ?? p.range, `${p.address} uses the COMPATIBLE profile`, { key: `${p.address} compatible profile` });
    }
    if (!isOneOf(p.profile, ["CUSTOM"])) return undefined;
    return p.customFeatures
      .filter((f) => isKnown(f) && isOneOf(f, WEAK))
      .map((f) => fail(f, `${p.address} allows ${String(f.value)}`, { key: `${p.address} ${String(f.value)}` }));
  },
});
