import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown } from "./util.js";

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-036",
  title: "Cloud SQL instance has a public IP address",
  severity: "medium",
  description:
    "`ip_configuration.ipv4_enabled` is true, which is also what Cloud SQL does when it is not written. The " +
    "instance then has an internet-facing address; even with no authorized networks, the attack surface is larger " +
    "than that of an instance reachable only over private IP, and one added authorized network exposes it.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_60", trivy: "AVD-GCP-0017" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.6" }],
  remediation: {
    text: "Set ipv4_enabled = false and connect over a private network (private services access or Private Service Connect).",
    fix: 'ip_configuration {\n  ipv4_enabled    = false\n  private_network = google_compute_network.main.id\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "google_sql_database_instance" "db" {
  name             = "orders"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
  }
}`,
        `resource "google_sql_database_instance" "db" {
  name             = "orders"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = true
    }
  }
}`,
      ],
      good: [
        `resource "google_sql_database_instance" "db" {
  name             = "orders"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
    }
  }
}`,
        `resource "google_sql_database_instance" "db" {
  name             = "orders"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = var.public_ip
    }
  }
}`,
      ],
    },
  },
  evaluate(db) {
    if (db.ipv4Enabled && !isKnown(db.ipv4Enabled, true)) return undefined;
    return fail(db.ipv4Enabled ?? db.settingsRange, `${db.address} has a public IP address`, { key: `${db.address} public ip` });
  },
});
