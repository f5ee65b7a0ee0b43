import type { DbServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armChild, armDbServer, tfDbServer, tfPgParameter } from "./rdbms-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<DbServer>({
  id: "MAM-AZ-076",
  title: "PostgreSQL server does not log checkpoints",
  severity: "low",
  description:
    "The server parameter `log_checkpoints` is set to `off` (an `azurerm_postgresql_configuration` resource; ARM: a " +
    "`configurations` child). Checkpoint logs show write bursts and recovery behaviour, and their absence hides the " +
    "traces that help to tell an incident from a performance problem.",
  appliesTo: "azure.rdbms.Server",
  references: { checkov: "CKV_AZURE_30", trivy: "AVD-AZU-0024" },
  compliance: [{ framework: "cis-azure-2.1", control: "4.3.2" }],
  remediation: {
    text: "Leave `log_checkpoints` at its default (`on`), or set it to `on`.",
    fix: 'value = "on"',
  },
  examples: {
    terraform: {
      bad: [tfDbServer("ssl_enforcement_enabled = true", tfPgParameter("log_checkpoints", "off"))],
      good: [tfDbServer("ssl_enforcement_enabled = true", tfPgParameter("log_checkpoints", "on")), tfDbServer("ssl_enforcement_enabled = true")],
    },
    arm: {
      bad: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled"`, [armChild("configurations", "log_checkpoints", `{ "value": "off", "source": "user-override" }`)])],
      good: [armDbServer("Microsoft.DBforPostgreSQL/servers", `"sslEnforcement": "Enabled"`, [armChild("configurations", "log_checkpoints", `{ "value": "on", "source": "user-override" }`)])],
    },
  },
  evaluate(s) {
    const v = s.parameters.get("log_checkpoints");
    if (s.engine !== "postgresql" || !isKnown(v) || v.value.toLowerCase() !== "off") return undefined;
    return fail(v, `${s.address} does not log checkpoints (log_checkpoints = off)`, { key: `${s.address} log_checkpoints` });
  },
});
