import type { KeyVault } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armVaultDiagnostics, armVaultNestedDiagnostics, tfVaultDiagnostics } from "./diag-examples.js";
import { isKnown } from "./util.js";

/** Categories and category groups that carry a vault's audit events. */
const AUDIT = new Set(["auditevent", "audit", "alllogs"]);

export default defineCheck<KeyVault>({
  id: "MAM-AZ-092",
  title: "Key vault does not send its audit logs anywhere",
  severity: "medium",
  description:
    "No diagnostic setting in the file is attached to the vault with the `AuditEvent` category (or the `audit` or " +
    "`allLogs` group) turned on. Without it nobody can tell afterwards who read which secret or used which key, and " +
    "Azure keeps no such record by default.",
  appliesTo: "azure.keyvault.Vault",
  compliance: [{ framework: "cis-azure-2.1", control: "5.1.4" }],
  remediation: {
    text: "Attach a diagnostic setting to the vault that turns on the `audit` category group (or `AuditEvent`) and sends it to a Log Analytics workspace or storage account.",
    fix: 'resource "azurerm_monitor_diagnostic_setting" "vault" {\n  name                       = "vault-audit"\n  target_resource_id         = azurerm_key_vault.app.id\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.central.id\n\n  enabled_log {\n    category_group = "audit"\n  }\n}',
  },
  examples: {
    terraform: {
      bad: [tfVaultDiagnostics(), tfVaultDiagnostics('\n  enabled_log {\n    category = "AzurePolicyEvaluationDetails"\n  }'), tfVaultDiagnostics('\n  log {\n    category = "AuditEvent"\n    enabled  = false\n  }')],
      good: [
        tfVaultDiagnostics('\n  enabled_log {\n    category = "AuditEvent"\n  }'),
        tfVaultDiagnostics('\n  enabled_log {\n    category_group = "allLogs"\n  }'),
        tfVaultDiagnostics('\n  dynamic "enabled_log" {\n    for_each = var.categories\n    content {\n      category = enabled_log.value\n    }\n  }'),
      ],
    },
    arm: {
      bad: [armVaultDiagnostics(), armVaultDiagnostics('[{ "category": "AuditEvent", "enabled": false }]'), armVaultNestedDiagnostics('[{ "category": "AzurePolicyEvaluationDetails", "enabled": true }]')],
      good: [armVaultDiagnostics('[{ "categoryGroup": "audit", "enabled": true }]'), armVaultNestedDiagnostics('[{ "category": "AuditEvent", "enabled": true }]')],
    },
  },
  evaluate(v) {
    const d = v.diagnostics;
    if (!d) return undefined;
    let unsure = d.unplaced !== undefined;
    for (const s of d.settings) {
      if (s.logs.some((l) => isKnown(l) && AUDIT.has(l.value.toLowerCase()))) return undefined;
      if (s.logs.some((l) => !l.known)) unsure = true;
    }
    if (unsure) return undefined;
    const first = d.settings[0];
    const message = first ? `the diagnostic settings of ${v.address} do not send its AuditEvent logs` : `${v.address} has no diagnostic setting sending its AuditEvent logs`;
    return fail(first?.range ?? v.range, message, { key: `${v.address} audit-logs` });
  },
});
