import type { AuditConfig } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { isKnown, isOneOf } from "./util.js";

const LOG_TYPES = ["ADMIN_READ", "DATA_READ", "DATA_WRITE"];

export default defineCheck<AuditConfig>({
  id: "MAM-GCP-034",
  title: "Audit logging for all services is incomplete",
  severity: "medium",
  description:
    "An audit config for `allServices` leaves out one of the Data Access log types (ADMIN_READ, DATA_READ, " +
    "DATA_WRITE), or exempts members from logging. Reads of data, and the actions of the exempted principals, are " +
    "then not recorded anywhere. Configs for single services are not reported.",
  appliesTo: "gcp.iam.AuditConfig",
  references: { trivy: "AVD-GCP-0079" },
  compliance: [{ framework: "cis-gcp-3.0", control: "2.1" }],
  remediation: {
    text: "Log ADMIN_READ, DATA_READ and DATA_WRITE for allServices, with no exempted members.",
    fix: 'resource "google_project_iam_audit_config" "all" {\n  project = "acme-app"\n  service = "allServices"\n  audit_log_config {\n    log_type = "ADMIN_READ"\n  }\n  audit_log_config {\n    log_type = "DATA_READ"\n  }\n  audit_log_config {\n    log_type = "DATA_WRITE"\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_project_iam_audit_config" "all" {
  project = "acme-app"
  service = "allServices"

  audit_log_config {
    log_type = "ADMIN_READ"
  }
}`,
        `resource "google_organization_iam_audit_config" "all" {
  org_id  = "123456789012"
  service = "allServices"

  audit_log_config {
    log_type = "ADMIN_READ"
  }
  audit_log_config {
    log_type = "DATA_READ"
  }
  audit_log_config {
    log_type         = "DATA_WRITE"
    exempted_members = ["user:ann@example.com"]
  }
}`,
      ],
      good: [
        `resource "google_project_iam_audit_config" "all" {
  project = "acme-app"
  service = "allServices"

  audit_log_config {
    log_type = "ADMIN_READ"
  }
  audit_log_config {
    log_type = "DATA_READ"
  }
  audit_log_config {
    log_type = "DATA_WRITE"
  }
}`,
        `resource "google_project_iam_audit_config" "storage" {
  project = "acme-app"
  service = "storage.googleapis.com"

  audit_log_config {
    log_type = "DATA_READ"
  }
}`,
      ],
    },
  },
  evaluate(c) {
    if (!isOneOf(c.service, ["allServices"])) return [];
    const out: Violation[] = [];
    for (const lc of c.logConfigs) {
      for (const m of lc.exemptedMembers.filter((x) => isKnown(x))) {
        out.push(fail(m, `${c.address} exempts ${String(m.value)} from audit logging`, { key: `${c.address} exempt ${String(m.value)}` }));
      }
    }
    if (c.logConfigs.some((lc) => !isKnown(lc.logType))) return out;
    const have = new Set(c.logConfigs.map((lc) => String(lc.logType?.value).toUpperCase()));
    const missing = LOG_TYPES.filter((t) => !have.has(t));
    if (missing.length > 0) out.push(fail(c.range, `${c.address} does not log ${missing.join(", ")} for all services`, { key: `${c.address} missing ${missing.join(",")}` }));
    return out;
  },
});
