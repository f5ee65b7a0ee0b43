import type { SqlServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armSqlServer, tfSqlServer } from "./sql-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<SqlServer>({
  id: "MAM-AZ-034",
  title: "Azure SQL server has no auditing",
  severity: "medium",
  description:
    "No server auditing policy in the file applies to the server (`azurerm_mssql_server_extended_auditing_policy` or " +
    "an inline `extended_auditing_policy`; ARM: an `auditingSettings` child with `state: Enabled`), or the one there is " +
    "disabled. Without audit logs, logins, permission changes and data access leave no trace to investigate. Files " +
    "with a policy that cannot be tied to a server are not reported.",
  appliesTo: "azure.sql.Server",
  references: { checkov: "CKV_AZURE_23", trivy: "AVD-AZU-0027" },
  compliance: [{ framework: "cis-azure-2.1", control: "4.1.1" }],
  remediation: {
    text: "Enable server auditing to a Log Analytics workspace, storage account or event hub.",
    fix: 'resource "azurerm_mssql_server_extended_auditing_policy" "db" {\n  server_id              = azurerm_mssql_server.db.id\n  log_monitoring_enabled = true\n  retention_in_days      = 90\n}',
  },
  examples: {
    terraform: {
      bad: [
        tfSqlServer('minimum_tls_version = "1.2"'),
        tfSqlServer(
          'minimum_tls_version = "1.2"',
          `resource "azurerm_mssql_server_extended_auditing_policy" "db" {
  server_id = azurerm_mssql_server.db.id
  enabled   = false
}`,
        ),
      ],
      good: [
        tfSqlServer(
          'minimum_tls_version = "1.2"',
          `resource "azurerm_mssql_server_extended_auditing_policy" "db" {
  server_id              = azurerm_mssql_server.db.id
  log_monitoring_enabled = true
  retention_in_days      = 90
}`,
        ),
        tfSqlServer(
          'minimum_tls_version = "1.2"',
          `resource "azurerm_mssql_server_extended_auditing_policy" "db" {
  server_id = var.server_id
}`,
        ),
      ],
    },
    arm: {
      bad: [armSqlServer(`"minimalTlsVersion": "1.2"`)],
      good: [
        armSqlServer(`"minimalTlsVersion": "1.2"`, [
          `{
  "type": "auditingSettings",
  "apiVersion": "2021-11-01",
  "name": "default",
  "dependsOn": ["storefront-sql"],
  "properties": { "state": "Enabled", "isAzureMonitorTargetEnabled": true, "retentionDays": 90 }
}`,
        ]),
      ],
    },
  },
  evaluate(s) {
    if (!isKnown(s.auditing, false)) return undefined;
    return fail(s.auditing, `${s.address} has no auditing`, { key: `${s.address} auditing` });
  },
});
