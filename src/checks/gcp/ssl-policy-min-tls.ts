import type { SslPolicy } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, isOneOf } from "./util.js";

export default defineCheck<SslPolicy>({
  id: "MAM-GCP-025",
  title: "SSL policy allows TLS older than 1.2",
  severity: "medium",
  description:
    "`min_tls_version` is `TLS_1_0` (the default when it is not written) or `TLS_1_1`. Load balancers using the " +
    "policy then negotiate protocol versions that are deprecated (RFC 8996) and lack modern cipher suites.",
  appliesTo: "gcp.compute.SslPolicy",
  references: { checkov: "CKV_GCP_4", trivy: "AVD-GCP-0039" },
  compliance: [{ framework: "cis-gcp-3.0", control: "3.9" }],
  remediation: {
    text: "Set min_tls_version = \"TLS_1_2\" with the MODERN or RESTRICTED profile.",
    fix: 'resource "google_compute_ssl_policy" "modern" {\n  name            = "modern"\n  profile         = "MODERN"\n  min_tls_version = "TLS_1_2"\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_ssl_policy" "web" {
  name    = "web"
  profile = "MODERN"
}`,
        `resource "google_compute_ssl_policy" "web" {
  name            = "web"
  profile         = "MODERN"
  min_tls_version = "TLS_1_1"
}`,
      ],
      good: [
        `resource "google_compute_ssl_policy" "web" {
  name            = "web"
  profile         = "MODERN"
  min_tls_version = "TLS_1_2"
}`,
      ],
    },
  },
  evaluate(p) {
    const min = p.minTlsVersion;
    if (min && !(isKnown(min) && isOneOf(min, ["TLS_1_0", "TLS_1_1"]))) return undefined;
    return fail(min ?? p.range, `${p.address} allows ${min?.value ?? "TLS_1_0"}`, { key: `${p.address} min tls` });
  },
});
