import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck, fail } from "../define.js";
import { isKnown, OPEN_CIDRS } from "./util.js";

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-035",
  title: "Cloud SQL instance accepts connections from the whole internet",
  severity: "critical",
  description:
    "An `authorized_networks` entry is 0.0.0.0/0 (or ::/0), so the instance's public address accepts database " +
    "connections from anywhere. The database password is then the only thing between the internet and the data, " +
    "and the server is open to brute force and to exploits of the database engine.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_11", trivy: "AVD-GCP-0017" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.5" }],
  remediation: {
    text: "Remove the open entry; connect over private IP, or through the Cloud SQL Auth Proxy, and authorize only the specific ranges that need a direct connection.",
    fix: 'ip_configuration {\n  ipv4_enabled    = false\n  private_network = google_compute_network.main.id\n}',
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

    ip_configuration {
      ipv4_enabled = true

      authorized_networks {
        name  = "anyone"
        value = "0.0.0.0/0"
      }
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
      ipv4_enabled = true

      authorized_networks {
        name  = "office"
        value = "198.51.100.0/24"
      }
    }
  }
}`,
      ],
    },
  },
  evaluate(db) {
    return db.authorizedNetworks
      .filter((n) => isKnown(n) && OPEN_CIDRS.includes(String(n.value).trim()))
      .map((n) => fail(n, `${db.address} authorizes ${String(n.value)}`, { key: `${db.address} authorized ${String(n.value)}` }));
  },
});
