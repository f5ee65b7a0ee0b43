import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

const ENFORCING = ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"];

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-037",
  title: "Cloud SQL instance accepts unencrypted connections",
  severity: "high",
  description:
    "Neither `ssl_mode` (ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED) nor the older `require_ssl = true` " +
    "is set, so clients may connect without TLS. Credentials and query results then cross the network in clear " +
    "text, readable by anyone on the path.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_6", trivy: "AVD-GCP-0015" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.4" }],
  remediation: {
    text: "Set ssl_mode = \"ENCRYPTED_ONLY\" (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED to also require client certificates).",
    fix: 'ip_configuration {\n  ssl_mode = "ENCRYPTED_ONLY"\n}',
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

    ip_configuration {
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
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

    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}`,
        `resource "google_sql_database_instance" "db" {
  name             = "orders"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      require_ssl = true
    }
  }
}`,
      ],
    },
  },
  evaluate(db) {
    const mode = db.sslMode;
    if (mode) {
      if (!isKnown(mode) || ENFORCING.includes(mode.value.trim().toUpperCase())) return undefined;
      return fail(mode, `${db.address} allows unencrypted connections (ssl_mode ${mode.value})`, { key: `${db.address} ssl` });
    }
    if (db.requireSsl && !isKnown(db.requireSsl, false)) return undefined;
    return fail(db.requireSsl ?? db.settingsRange, `${db.address} allows unencrypted connections`, { key: `${db.address} ssl` });
  },
});
