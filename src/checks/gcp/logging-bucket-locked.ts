import type { LogBucket } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<LogBucket>({
  id: "MAM-GCP-079",
  title: "Log bucket retention is not locked",
  severity: "low",
  description:
    "The Cloud Logging bucket does not set `locked = true`, so anyone with the Logs Configuration Writer role can " +
    "shorten its retention or delete it, and with it the audit trail of what they did. A locked bucket keeps every " +
    "entry for its full retention period; the lock cannot be undone, so choose `retention_days` first.",
  appliesTo: "gcp.logging.Bucket",
  remediation: {
    text: "Set the retention the logs must be kept for, then lock the bucket.",
    fix: "retention_days = 365\nlocked         = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_logging_project_bucket_config" "audit" {
  project        = "acme-prod"
  location       = "global"
  bucket_id      = "audit"
  retention_days = 365
}`,
        `resource "google_logging_project_bucket_config" "audit" {
  project        = "acme-prod"
  location       = "global"
  bucket_id      = "audit"
  retention_days = 365
  locked         = false
}`,
      ],
      good: [
        `resource "google_logging_project_bucket_config" "audit" {
  project        = "acme-prod"
  location       = "global"
  bucket_id      = "audit"
  retention_days = 365
  locked         = true
}`,
        `resource "google_logging_project_bucket_config" "audit" {
  project        = "acme-prod"
  location       = "global"
  bucket_id      = "audit"
  retention_days = 365
  locked         = var.lock_logs
}`,
      ],
    },
  },
  evaluate(b) {
    if (b.locked === undefined) return fail(b.range, `${b.address} does not lock its retention`, { key: `${b.address} locked` });
    return isKnown(b.locked, false) ? fail(b.locked, `${b.address} sets locked = false: its retention can be shortened and its logs deleted`, { key: `${b.address} locked` }) : undefined;
  },
});
