import type { TargetProxy } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";

export default defineCheck<TargetProxy>({
  id: "MAM-GCP-027",
  title: "HTTPS or SSL proxy uses the default SSL policy",
  severity: "medium",
  description:
    "The target proxy sets no `ssl_policy`, so the load balancer uses Google's default policy: TLS 1.0 and the " +
    "COMPATIBLE profile, with the widest set of cipher suites.",
  appliesTo: "gcp.compute.TargetProxy",
  compliance: [{ framework: "cis-gcp-3.0", control: "3.9" }],
  remediation: {
    text: "Create an SSL policy with TLS 1.2 and the MODERN or RESTRICTED profile, and attach it to every HTTPS and SSL proxy.",
    fix: "ssl_policy = google_compute_ssl_policy.modern.id",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_compute_target_https_proxy" "web" {
  name             = "web"
  url_map          = google_compute_url_map.web.id
  ssl_certificates = [google_compute_managed_ssl_certificate.web.id]
}`,
        `resource "google_compute_target_ssl_proxy" "tcp" {
  name             = "tcp"
  backend_service  = google_compute_backend_service.tcp.id
  ssl_certificates = [google_compute_ssl_certificate.tcp.id]
}`,
      ],
      good: [
        `resource "google_compute_target_https_proxy" "web" {
  name             = "web"
  url_map          = google_compute_url_map.web.id
  ssl_certificates = [google_compute_managed_ssl_certificate.web.id]
  ssl_policy       = google_compute_ssl_policy.modern.id
}`,
      ],
    },
  },
  evaluate(p) {
    if (p.sslPolicy) return undefined;
    return fail(p.range, `${p.address} uses the default SSL policy (TLS 1.0, COMPATIBLE)`, { key: `${p.address} default ssl policy` });
  },
});
