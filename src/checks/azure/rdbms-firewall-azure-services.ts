import type { DbFirewallRule } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armChild, armDbServer, tfDbServer } from "./rdbms-examples.js";
import { tfPgFirewallRule } from "./rdbms-firewall-any-ip.js";
import { firewallSpan, isKnown } from "./util.js";

export default defineCheck<DbFirewallRule>({
  id: "MAM-AZ-075",
  title: "PostgreSQL, MySQL or MariaDB server admits all of Azure",
  severity: "low",
  description:
    "A firewall rule from 0.0.0.0 to 0.0.0.0 is \"Allow access to Azure services\": it admits connections from any " +
    "Azure address, other customers' resources included, not only from your own. Servers whose public network " +
    "access is off are not reported.",
  appliesTo: "azure.db.FirewallRule",
  remediation: {
    text: "Remove the rule; reach the server from your own services through private access or virtual network rules.",
  },
  examples: {
    terraform: {
      bad: [tfDbServer("ssl_enforcement_enabled = true", tfPgFirewallRule("0.0.0.0", "0.0.0.0"))],
      good: [tfDbServer("ssl_enforcement_enabled = true", tfPgFirewallRule("203.0.113.10", "203.0.113.20"))],
    },
    arm: {
      bad: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled"`, [armChild("firewallRules", "AllowAllWindowsAzureIps", `{ "startIpAddress": "0.0.0.0", "endIpAddress": "0.0.0.0" }`)])],
      good: [
        armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled", "publicNetworkAccess": "Disabled"`, [
          armChild("firewallRules", "AllowAllWindowsAzureIps", `{ "startIpAddress": "0.0.0.0", "endIpAddress": "0.0.0.0" }`),
        ]),
      ],
    },
  },
  evaluate(r) {
    if (r.engine === "sql" || !isKnown(r.startIp) || !isKnown(r.endIp)) return undefined;
    if (firewallSpan(r.startIp.value, r.endIp.value) !== "azure" || isKnown(r.serverPublicNetworkAccess, false)) return undefined;
    const server = r.server ? ` of ${r.server}` : "";
    return fail(r.range, `${r.address}${server} admits every Azure address (0.0.0.0 to 0.0.0.0)`, { key: `${r.address} azure-services` });
  },
});
