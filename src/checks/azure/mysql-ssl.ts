import type { DbServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armDbServer, tfDbServer } from "./rdbms-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<DbServer>({
  id: "MAM-AZ-071",
  title: "MySQL or MariaDB server does not enforce SSL",
  severity: "high",
  description:
    "`ssl_enforcement_enabled = false` on a MySQL or MariaDB server (ARM: `sslEnforcement: Disabled`), or " +
    "`require_secure_transport = OFF` on a MySQL flexible server. Clients may then connect without encryption, and " +
    "passwords and query results cross the network in clear text.",
  appliesTo: "azure.rdbms.Server",
  references: { checkov: ["CKV_AZURE_28", "CKV_AZURE_47"], trivy: "AVD-AZU-0020" },
  remediation: {
    text: "Enforce SSL connections (single servers: `ssl_enforcement_enabled = true`; flexible servers: leave `require_secure_transport` ON).",
    fix: "ssl_enforcement_enabled = true",
  },
  examples: {
    terraform: {
      bad: [
        tfDbServer("ssl_enforcement_enabled = false", "", "mysql"),
        `resource "azurerm_mariadb_server" "orders" {
  name                         = "storefront-mariadb"
  location                     = "westeurope"
  resource_group_name          = "storefront"
  sku_name                     = "GP_Gen5_2"
  version                      = "10.3"
  administrator_login          = "dbadmin"
  administrator_login_password = var.db_password
  ssl_enforcement_enabled      = false
}`,
      ],
      good: [tfDbServer('ssl_enforcement_enabled          = true\nssl_minimal_tls_version_enforced = "TLS1_2"', "", "mysql")],
    },
    arm: {
      bad: [armDbServer("Microsoft.DBforMySQL/servers", `"sslEnforcement": "Disabled"`)],
      good: [armDbServer("Microsoft.DBforMySQL/servers", `"sslEnforcement": "Enabled", "minimalTlsVersion": "TLS1_2"`)],
    },
  },
  evaluate(s) {
    if (s.engine === "postgresql" || !isKnown(s.sslEnforced, false)) return undefined;
    return fail(s.sslEnforced, `${s.address} accepts unencrypted connections (SSL is not enforced)`, { key: `${s.address} ssl` });
  },
});
