import type { DbServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armChild, armDbServer, tfDbServer, tfPgParameter } from "./rdbms-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<DbServer>({
  id: "MAM-AZ-077",
  title: "PostgreSQL server does not log connections",
  severity: "low",
  description:
    "The server parameter `log_connections` is set to `off`. Connection attempts, failed logins included, then " +
    "leave no record: password guessing and logins from unexpected places go unseen.",
  appliesTo: "azure.rdbms.Server",
  references: { checkov: "CKV_AZURE_31", trivy: "AVD-AZU-0019" },
  compliance: [{ framework: "cis-azure-2.1", control: "4.3.3" }],
  remediation: {
    text: "Leave `log_connections` at its default (`on`), or set it to `on`.",
    fix: 'value = "on"',
  },
  examples: {
    terraform: {
      bad: [tfDbServer("ssl_enforcement_enabled = true", tfPgParameter("log_connections", "off"))],
      good: [tfDbServer("ssl_enforcement_enabled = true", tfPgParameter("log_connections", "on")), tfDbServer("ssl_enforcement_enabled = true")],
    },
    arm: {
      bad: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled"`, [armChild("configurations", "log_connections", `{ "value": "off", "source": "user-override" }`)])],
      good: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled"`, [armChild("configurations", "log_connections", `{ "value": "on", "source": "user-override" }`)])],
    },
  },
  evaluate(s) {
    const v = s.parameters.get("log_connections");
    if (s.engine !== "postgresql" || !isKnown(v) || v.value.toLowerCase() !== "off") return undefined;
    return fail(v, `${s.address} does not log connections (log_connections = off)`, { key: `${s.address} log_connections` });
  },
});
