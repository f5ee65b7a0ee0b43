import type { DbServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armChild, armDbServer, tfDbServer, tfPgParameter } from "./rdbms-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<DbServer>({
  id: "MAM-AZ-078",
  title: "PostgreSQL server does not throttle failed logins",
  severity: "low",
  description:
    "The server parameter `connection_throttling` is set to `off`. The server then neither slows down nor logs " +
    "repeated failed logins from one address, which makes password guessing cheaper and harder to notice.",
  appliesTo: "azure.rdbms.Server",
  references: { checkov: "CKV_AZURE_32", trivy: "AVD-AZU-0021" },
  remediation: {
    text: "Leave `connection_throttling` at its default (`on`), or set it to `on`.",
    fix: 'value = "on"',
  },
  examples: {
    terraform: {
      bad: [tfDbServer("ssl_enforcement_enabled = true", tfPgParameter("connection_throttling", "off"))],
      good: [tfDbServer("ssl_enforcement_enabled = true", tfPgParameter("connection_throttling", "on")), tfDbServer("ssl_enforcement_enabled = true")],
    },
    arm: {
      bad: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled"`, [armChild("configurations", "connection_throttling", `{ "value": "off", "source": "user-override" }`)])],
      good: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled"`, [armChild("configurations", "connection_throttling", `{ "value": "on", "source": "user-override" }`)])],
    },
  },
  evaluate(s) {
    const v = s.parameters.get("connection_throttling");
    if (s.engine !== "postgresql" || !isKnown(v) || v.value.toLowerCase() !== "off") return undefined;
    return fail(v, `${s.address} does not throttle failed logins (connection_throttling = off)`, { key: `${s.address} connection_throttling` });
  },
});
