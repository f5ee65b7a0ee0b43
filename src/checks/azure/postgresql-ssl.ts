import type { DbServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armDbServer, tfDbServer } from "./rdbms-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<DbServer>({
  id: "MAM-AZ-070",
  title: "PostgreSQL server does not enforce SSL",
  severity: "high",
  description:
    "`ssl_enforcement_enabled = false` on a PostgreSQL single server (ARM: `sslEnforcement: Disabled`), or " +
    "`require_secure_transport = off` on a flexible server. Clients may then connect without encryption, and " +
    "passwords and query results cross the network in clear text.",
  appliesTo: "azure.rdbms.Server",
  references: { checkov: "CKV_AZURE_29", trivy: "AVD-AZU-0020" },
  compliance: [{ framework: "cis-azure-2.1", control: "4.3.1" }],
  remediation: {
    text: "Enforce SSL connections (single servers: `ssl_enforcement_enabled = true`; flexible servers: leave `require_secure_transport` on).",
    fix: "ssl_enforcement_enabled = true",
  },
  examples: {
    terraform: {
      bad: [
        tfDbServer("ssl_enforcement_enabled = false"),
        `resource "azurerm_postgresql_flexible_server" "orders" {
  name                   = "storefront-pg"
  resource_group_name    = "storefront"
  location               = "westeurope"
  version                = "16"
  sku_name               = "GP_Standard_D2s_v3"
  administrator_login    = "dbadmin"
  administrator_password = var.db_password
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.orders.id
  value     = "off"
}`,
      ],
      good: [tfDbServer('ssl_enforcement_enabled          = true\nssl_minimal_tls_version_enforced = "TLS1_2"')],
    },
    arm: {
      bad: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Disabled"`)],
      good: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled", "minimalTlsVersion": "TLS1_2"`)],
    },
  },
  evaluate(s) {
    if (s.engine !== "postgresql" || !isKnown(s.sslEnforced, false)) return undefined;
    return fail(s.sslEnforced, `${s.address} accepts unencrypted connections (SSL is not enforced)`, { key: `${s.address} ssl` });
  },
});
