import type { DbServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armDbServer, tfDbServer } from "./rdbms-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<DbServer>({
  id: "MAM-AZ-072",
  title: "PostgreSQL, MySQL or MariaDB server allows public network access",
  severity: "medium",
  description:
    "Public network access is on: `public_network_access_enabled` is true or, on a single server, left out (ARM: " +
    "`publicNetworkAccess`, `network.publicNetworkAccess` on flexible servers). The server's endpoint answers on the " +
    "internet, and one broad firewall rule exposes it to password spraying and the engine's own flaws. Flexible " +
    "servers placed in a delegated subnet have no public access.",
  appliesTo: "azure.rdbms.Server",
  references: { checkov: ["CKV_AZURE_68", "CKV_AZURE_53"], trivy: "AVD-AZU-0022" },
  remediation: {
    text: "Turn public network access off and connect through private endpoints or virtual network integration.",
    fix: "public_network_access_enabled = false",
  },
  examples: {
    terraform: {
      bad: [tfDbServer("ssl_enforcement_enabled = true"), tfDbServer("ssl_enforcement_enabled       = true\npublic_network_access_enabled = true", "", "mysql")],
      good: [
        tfDbServer("ssl_enforcement_enabled       = true\npublic_network_access_enabled = false"),
        `resource "azurerm_mysql_flexible_server" "orders" {
  name                   = "storefront-mysql"
  resource_group_name    = "storefront"
  location               = "westeurope"
  sku_name               = "GP_Standard_D2ds_v4"
  administrator_login    = "dbadmin"
  administrator_password = var.db_password
  delegated_subnet_id    = azurerm_subnet.db.id
  private_dns_zone_id    = azurerm_private_dns_zone.db.id
}`,
      ],
    },
    arm: {
      bad: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled", "publicNetworkAccess": "Enabled"`)],
      good: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled", "publicNetworkAccess": "Disabled"`)],
    },
  },
  evaluate(s) {
    if (!isKnown(s.publicNetworkAccess, true)) return undefined;
    return fail(s.publicNetworkAccess, `${s.address} is reachable from public networks`, { key: `${s.address} public-network` });
  },
});
