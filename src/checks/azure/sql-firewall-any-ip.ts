import type { DbFirewallRule } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armSqlServer, tfSqlServer } from "./sql-examples.js";
import { firewallSpan, isKnown } from "./util.js";

export default defineCheck<DbFirewallRule>({
  id: "MAM-AZ-030",
  title: "Azure SQL firewall rule admits every address",
  severity: "high",
  description:
    "A server firewall rule runs from 0.0.0.0 to 255.255.255.255, so every address on the internet may connect to " +
    "the SQL server's endpoint, and only logins stand between the databases and password spraying. Rules of a " +
    "server whose public network access is known to be off are not reported: no public traffic reaches them.",
  appliesTo: "azure.db.FirewallRule",
  references: { checkov: "CKV_AZURE_11", trivy: "AVD-AZU-0029" },
  compliance: [{ framework: "cis-azure-2.1", control: "4.1.2" }],
  remediation: {
    text: "Replace the rule with rules for the addresses that need the server, or use private endpoints and turn public network access off.",
    fix: 'resource "azurerm_mssql_firewall_rule" "office" {\n  name             = "office"\n  server_id        = azurerm_mssql_server.db.id\n  start_ip_address = "203.0.113.10"\n  end_ip_address   = "203.0.113.10"\n}',
  },
  examples: {
    terraform: {
      bad: [
        tfSqlServer(
          'minimum_tls_version = "1.2"',
          `resource "azurerm_mssql_firewall_rule" "all" {
  name             = "all"
  server_id        = azurerm_mssql_server.db.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}`,
        ),
        `resource "azurerm_sql_firewall_rule" "all" {
  name                = "all"
  resource_group_name = "storefront"
  server_name         = var.server_name
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "255.255.255.255"
}`,
      ],
      good: [
        tfSqlServer(
          'minimum_tls_version = "1.2"',
          `resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = azurerm_mssql_server.db.id
  start_ip_address = "203.0.113.10"
  end_ip_address   = "203.0.113.10"
}`,
        ),
        tfSqlServer(
          "public_network_access_enabled = false",
          `resource "azurerm_mssql_firewall_rule" "all" {
  name             = "all"
  server_id        = azurerm_mssql_server.db.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
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
  "name": "all",
  "dependsOn": ["storefront-sql"],
  "properties": { "startIpAddress": "0.0.0.0", "endIpAddress": "255.255.255.255" }
}`,
        ]),
      ],
      good: [
        armSqlServer(`"minimalTlsVersion": "1.2", "publicNetworkAccess": "Disabled"`, [], [
          `{
  "type": "Microsoft.Sql/servers/firewallRules",
  "apiVersion": "2021-11-01",
  "name": "storefront-sql/all",
  "dependsOn": ["[resourceId('Microsoft.Sql/servers', 'storefront-sql')]"],
  "properties": { "startIpAddress": "0.0.0.0", "endIpAddress": "255.255.255.255" }
}`,
        ]),
      ],
    },
  },
  evaluate(r) {
    if (r.engine !== "sql" || !isKnown(r.startIp) || !isKnown(r.endIp)) return undefined;
    if (firewallSpan(r.startIp.value, r.endIp.value) !== "internet" || isKnown(r.serverPublicNetworkAccess, false)) return undefined;
    const server = r.server ? ` of ${r.server}` : "";
    return fail(r.range, `${r.address}${server} admits every address (0.0.0.0 to ${r.endIp.value})`, { key: `${r.address} any-ip` });
  },
});
