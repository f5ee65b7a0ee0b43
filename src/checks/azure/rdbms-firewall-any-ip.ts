import type { DbFirewallRule } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armChild, armDbServer, tfDbServer } from "./rdbms-examples.js";
import { firewallSpan, isKnown } from "./util.js";

const rule = (start: string, end: string, server = "azurerm_postgresql_server.orders.name"): string => `resource "azurerm_postgresql_firewall_rule" "office" {
  name                = "office"
  resource_group_name = "storefront"
  server_name         = ${server}
  start_ip_address    = "${start}"
  end_ip_address      = "${end}"
}`;

export { rule as tfPgFirewallRule };

export default defineCheck<DbFirewallRule>({
  id: "MAM-AZ-074",
  title: "PostgreSQL, MySQL or MariaDB firewall rule admits every address",
  severity: "high",
  description:
    "A server firewall rule starts at 0.0.0.0 and ends at 255.255.255.255, so every address on the internet may " +
    "connect to the database server. Rules of a server whose public network access is known to be off are not " +
    "reported.",
  appliesTo: "azure.db.FirewallRule",
  references: { trivy: "AVD-AZU-0029" },
  remediation: {
    text: "Replace the rule with rules for the addresses that need the server, or use private access and turn public network access off.",
    fix: 'start_ip_address = "203.0.113.10"\nend_ip_address   = "203.0.113.10"',
  },
  examples: {
    terraform: {
      bad: [tfDbServer("ssl_enforcement_enabled = true", rule("0.0.0.0", "255.255.255.255"))],
      good: [
        tfDbServer("ssl_enforcement_enabled = true", rule("203.0.113.10", "203.0.113.10")),
        tfDbServer("ssl_enforcement_enabled       = true\npublic_network_access_enabled = false", rule("0.0.0.0", "255.255.255.255")),
      ],
    },
    arm: {
      bad: [armDbServer("Microsoft.DBforMySQL/servers", `"sslEnforcement": "Enabled"`, [armChild("firewallRules", "all", `{ "startIpAddress": "0.0.0.0", "endIpAddress": "255.255.255.255" }`)])],
      good: [armDbServer("Microsoft.DBforMySQL/servers", `"sslEnforcement": "Enabled"`, [armChild("firewallRules", "office", `{ "startIpAddress": "203.0.113.10", "endIpAddress": "203.0.113.10" }`)])],
    },
  },
  evaluate(r) {
    if (r.engine === "sql" || !isKnown(r.startIp) || !isKnown(r.endIp)) return undefined;
    if (firewallSpan(r.startIp.value, r.endIp.value) !== "internet" || isKnown(r.serverPublicNetworkAccess, false)) return undefined;
    const server = r.server ? ` of ${r.server}` : "";
    return fail(r.range, `${r.address}${server} admits every address (0.0.0.0 to ${r.endIp.value})`, { key: `${r.address} any-ip` });
  },
});
