import type { SqlServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armSqlServer, tfSqlServer } from "./sql-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<SqlServer>({
  id: "MAM-AZ-035",
  title: "Azure SQL audit logs are kept less than 90 days",
  severity: "low",
  description:
    "The server's auditing keeps logs for fewer than 90 days (`retention_in_days`; ARM: `retentionDays`; 0 keeps them " +
    "forever). Intrusions are often found months after they begin, by which time short-lived audit records of how " +
    "they began are gone.",
  appliesTo: "azure.sql.Server",
  references: { checkov: "CKV_AZURE_24", trivy: "AVD-AZU-0025" },
  compliance: [{ framework: "cis-azure-2.1", control: "4.1.6" }],
  remediation: {
    text: "Keep audit logs at least 90 days (or 0 for no limit).",
    fix: "retention_in_days = 90",
  },
  examples: {
    terraform: {
      bad: [
        tfSqlServer(
          'minimum_tls_version = "1.2"',
          `resource "azurerm_mssql_server_extended_auditing_policy" "db" {
  server_id              = azurerm_mssql_server.db.id
  log_monitoring_enabled = true
  retention_in_days      = 30
}`,
        ),
      ],
      good: [
        tfSqlServer(
          'minimum_tls_version = "1.2"',
          `resource "azurerm_mssql_server_extended_auditing_policy" "db" {
  server_id              = azurerm_mssql_server.db.id
  log_monitoring_enabled = true
  retention_in_days      = 0
}`,
        ),
      ],
    },
    arm: {
      bad: [
        armSqlServer(`"minimalTlsVersion": "1.2"`, [
          `{
  "type": "auditingSettings",
  "apiVersion": "2021-11-01",
  "name": "default",
  "dependsOn": ["storefront-sql"],
  "properties": { "state": "Enabled", "isAzureMonitorTargetEnabled": true, "retentionDays": 30 }
}`,
        ]),
      ],
      good: [
        armSqlServer(`"minimalTlsVersion": "1.2"`, [
          `{
  "type": "auditingSettings",
  "apiVersion": "2021-11-01",
  "name": "default",
  "dependsOn": ["storefront-sql"],
  "properties": { "state": "Enabled", "isAzureMonitorTargetEnabled": true, "retentionDays": 180 }
}`,
        ]),
      ],
    },
  },
  evaluate(s) {
    if (!isKnown(s.auditing, true) || !isKnown(s.auditRetentionDays)) return undefined;
    const days = s.auditRetentionDays.value;
    if (days <= 0 || days >= 90) return undefined;
    return fail(s.auditRetentionDays, `${s.address} keeps audit logs only ${days} days`, { key: `${s.address} audit-retention` });
  },
});
