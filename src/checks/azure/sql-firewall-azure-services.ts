import type { DbFirewallRule } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armSqlServer, tfSqlServer } from "./sql-examples.js";
import { firewallSpan, isKnown } from "./util.js";

export default defineCheck<DbFirewallRule>({
  id: "MAM-AZ-031",
  title: "Azure SQL server admits all of Azure",
  severity: "low",
  description:
    "A firewall rule from 0.0.0.0 to 0.0.0.0 is Azure's \"Allow Azure services and resources to access this server\": " +
    "it admits connections from any Azure address, other customers' subscriptions included, not only from your own " +
    "services. Servers whose public network access is off are not reported.",
  appliesTo: "azure.db.FirewallRule",
  compliance: [{ framework: "cis-azure-2.1", control: "4.1.2" }],
  remediation: {
    text: "Remove the rule; reach the server from your own services through private endpoints or virtual network rules.",
  },
  examples: {
    terraform: {
      bad: [
        tfSqlServer(
          'minimum_tls_version = "1.2"',
          `resource "azurerm_mssql_firewall_rule" "azure" {
  name             = "AllowAllWindowsAzureIps"
  server_id        = azurerm_mssql_server.db.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}`,
        ),
      ],
      good: [
        tfSqlServer(
          'minimum_tls_version = "1.2"',
          `resource "azurerm_mssql_virtual_network_rule" "app" {
  name      = "app"
  server_id = azurerm_mssql_server.db.id
  subnet_id = azurerm_subnet.app.id
}`,
        ),
      ],
    },
    arm: {
      bad: [
        armSqlServer(`"minimalTlsVersion": "1.2"`, [
          `{
  "type": "firewallRules",
  "apiVersion": "2021-11-01",
  "name": "AllowAllWindowsAzureIps",
  "dependsOn": ["storefront-sql"],
  "properties": { "startIpAddress": "0.0.0.0", "endIpAddress": "0.0.0.0" }
}`,
        ]),
      ],
      good: [
        armSqlServer(`"minimalTlsVersion": "1.2"`, [
          `{
  "type": "firewallRules",
  "apiVersion": "2021-11-01",
  "name": "office",
  "dependsOn": ["storefront-sql"],
  "properties": { "startIpAddress": "203.0.113.10", "endIpAddress": "203.0.113.10" }
}`,
        ]),
      ],
    },
  },
  evaluate(r) {
    if (r.engine !== "sql" || !isKnown(r.startIp) || !isKnown(r.endIp)) return undefined;
    if (firewallSpan(r.startIp.value, r.endIp.value) !== "azure" || isKnown(r.serverPublicNetworkAccess, false)) return undefined;
    const server = r.server ? ` of ${r.server}` : "";
    return fail(r.range, `${r.address}${server} admits every Azure address (0.0.0.0 to 0.0.0.0)`, { key: `${r.address} azure-services` });
  },
});
