import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-038",
  title: "Cloud SQL instance has no automated backups",
  severity: "medium",
  description:
    "`backup_configuration.enabled` is not true (automated backups are off by default), so there is no daily " +
    "backup to restore from after corruption, a bad migration or a deliberate deletion of data. Read replicas, " +
    "which cannot have backups of their own, are not reported.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_14", trivy: "AVD-GCP-0024" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.7" }],
  remediation: {
    text: "Enable automated backups (and point-in-time recovery where the engine supports it).",
    fix: "backup_configuration {\n  enabled                        = true\n  point_in_time_recovery_enabled = true\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_sql_database_instance" "db" {
  name             = "orders"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
  }
}`,
        `resource "google_sql_database_instance" "db" {
  name             = "orders"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    backup_configuration {
      enabled = false
    }
  }
}`,
      ],
      good: [
        `resource "google_sql_database_instance" "db" {
  name             = "orders"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}`,
        `resource "google_sql_database_instance" "replica" {
  name                 = "orders-replica"
  database_version     = "POSTGRES_15"
  region               = "europe-west1"
  master_instance_name = google_sql_database_instance.db.name

  settings {
    tier = "db-custom-2-7680"
  }
}`,
      ],
    },
  },
  evaluate(db) {
    if (db.replica || (db.backupEnabled && !isKnown(db.backupEnabled, false))) return undefined;
    return fail(db.backupEnabled ?? db.settingsRange, `${db.address} has no automated backups`, { key: `${db.address} backups` });
  },
});
