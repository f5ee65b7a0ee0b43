// Example building blocks shared by the diagnostic settings checks.
import { armTemplate } from "./arm.js";
import { armVault, tfVault } from "./kv-examples.js";

/** A Terraform key vault, with a diagnostic setting attached to it holding `logs` (log blocks), or none. */
export function tfVaultDiagnostics(logs?: string): string {
  const vault = tfVault("purge_protection_enabled = true");
  if (logs === undefined) return vault;
  return `${vault}

resource "azurerm_monitor_diagnostic_setting" "vault" {
  name                       = "vault-audit"
  target_resource_id         = azurerm_key_vault.app.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.central.id
${logs}
}`;
}

const vaultJson = `{
  "type": "Microsoft.KeyVault/vaults",
  "apiVersion": "2023-02-01",
  "name": "storefront-kv",
  "location": "westeurope",
  "properties": {
    "tenantId": "00000000-0000-0000-0000-000000000000",
    "sku": { "family": "A", "name": "standard" },
    "enablePurgeProtection": true
  }
}`;

/** An ARM key vault with a diagnostic setting attached by `scope` holding `logs` (a JSON array), or none. */
export function armVaultDiagnostics(logs?: string): string {
  if (logs === undefined) return armVault(`"enablePurgeProtection": true`);
  return armTemplate([
    vaultJson,
    `{
  "type": "Microsoft.Insights/diagnosticSettings",
  "apiVersion": "2021-05-01-preview",
  "name": "vault-audit",
  "scope": "[resourceId('Microsoft.KeyVault/vaults', 'storefront-kv')]",
  "dependsOn": ["[resourceId('Microsoft.KeyVault/vaults', 'storefront-kv')]"],
  "properties": {
    "workspaceId": "[resourceId('Microsoft.OperationalInsights/workspaces', 'central')]",
    "logs": ${logs}
  }
}`,
  ]);
}

/** The same, in the older form: a `providers/diagnosticSettings` child nested in the vault. */
export function armVaultNestedDiagnostics(logs: string): string {
  return armTemplate([
    `{
  "type": "Microsoft.KeyVault/vaults",
  "apiVersion": "2023-02-01",
  "name": "storefront-kv",
  "location": "westeurope",
  "properties": {
    "tenantId": "00000000-0000-0000-0000-000000000000",
    "sku": { "family": "A", "name": "standard" },
    "enablePurgeProtection": true
  },
  "resources": [
    {
      "type": "providers/diagnosticSettings",
      "apiVersion": "2021-05-01-preview",
      "name": "Microsoft.Insights/vault-audit",
      "dependsOn": ["[resourceId('Microsoft.KeyVault/vaults', 'storefront-kv')]"],
      "properties": {
        "storageAccountId": "[resourceId('Microsoft.Storage/storageAccounts', 'storefrontlogs')]",
        "logs": ${logs}
      }
    }
  ]
}`,
  ]);
}

/** A subscription activity log diagnostic setting turning on `categories`, in Terraform. */
export function tfActivityLog(categories: readonly string[], target = "data.azurerm_subscription.current.id"): string {
  const logs = categories.map((c) => `\n  enabled_log {\n    category = "${c}"\n  }`).join("\n");
  return `data "azurerm_subscription" "current" {}

resource "azurerm_monitor_diagnostic_setting" "activity" {
  name                       = "activity-log"
  target_resource_id         = ${target}
  log_analytics_workspace_id = azurerm_log_analytics_workspace.central.id
${logs}
}`;
}

/** The same in a subscription deployment template. */
export function armActivityLog(categories: readonly string[]): string {
  const logs = categories.map((c) => `      { "category": "${c}", "enabled": true }`).join(",\n");
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Insights/diagnosticSettings",
      "apiVersion": "2021-05-01-preview",
      "name": "activity-log",
      "properties": {
        "workspaceId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/central",
        "logs": [
${logs}
        ]
      }
    }
  ]
}`;
}
