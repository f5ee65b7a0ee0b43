import { describe, expect, it } from "vitest";
import { armAdapter } from "../../src/adapters/arm.js";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import type { ResourceModel } from "../../src/checks/types.js";
import type { DiagnosticSetting, KeyVault } from "../../src/models/azure.js";

const arm = (body: string, schema = "2019-04-01/deploymentTemplate"): string =>
  `{ "$schema": "https://schema.management.azure.com/schemas/${schema}.json#", "resources": [${body}] }`;
const vault = (name: string, children = "") =>
  `{ "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-02-01", "name": "${name}", "properties": {} ${children ? `, "resources": [${children}]` : ""} }`;
const logs = `"properties": { "logs": [ { "category": "AuditEvent", "enabled": true }, { "categoryGroup": "allLogs", "enabled": false } ] }`;

function of<T extends ResourceModel>(models: readonly ResourceModel[], type: string): T[] {
  return models.filter((m) => m.modelType === type) as T[];
}

const armModels = (text: string) => armAdapter.parse(text, "main.json").models;
const tfModels = (text: string) => terraformAdapter.parse(text, "main.tf").models;

describe("ARM diagnostic settings", () => {
  it.each([
    ["scope by resourceId()", `{ "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "d", "scope": "[resourceId('Microsoft.KeyVault/vaults', 'kv')]", ${logs} }`],
    ["scope as a path", `{ "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "d", "scope": "[format('Microsoft.KeyVault/vaults/{0}', 'kv')]", ${logs} }`],
    ["the older providers form", `{ "type": "Microsoft.KeyVault/vaults/providers/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "kv/Microsoft.Insights/d", ${logs} }`],
  ])("ties a setting to its vault: %s", (_, setting) => {
    const models = armModels(arm(`${vault("kv")}, ${vault("other")}, ${setting}`));
    const [kv, other] = of<KeyVault>(models, "azure.keyvault.Vault");
    expect(kv?.diagnostics?.settings.map((s) => s.logs.map((l) => l.value))).toEqual([["AuditEvent"]]);
    expect(other?.diagnostics).toEqual({ settings: [] });
    expect(of<DiagnosticSetting>(models, "azure.monitor.DiagnosticSetting")[0]).toMatchObject({ subscription: false, target: "Microsoft.KeyVault/vaults/kv" });
  });

  it("ties a setting nested in the vault to it", () => {
    const nested = `{ "type": "providers/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "Microsoft.Insights/d", ${logs} }`;
    const [kv] = of<KeyVault>(armModels(arm(vault("kv", nested))), "azure.keyvault.Vault");
    expect(kv?.diagnostics?.settings).toHaveLength(1);
  });

  it("reads a setting with no scope in a subscription deployment as the activity log's", () => {
    const setting = `{ "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "activity", "properties": { "logs": [
      { "category": "Administrative", "enabled": true }, { "category": "Policy", "enabled": "[parameters('x')]" } ] } }`;
    const [s] = of<DiagnosticSetting>(armModels(arm(setting, "2018-05-01/subscriptionDeploymentTemplate")), "azure.monitor.DiagnosticSetting");
    expect(s?.subscription).toBe(true);
    expect(s?.logs.map((l) => l.known)).toEqual([true, false]);
    // In a resource group template the same setting is attached to nothing known: vaults are then unsure.
    const models = armModels(arm(`${vault("kv")}, ${setting}`));
    expect(of<DiagnosticSetting>(models, "azure.monitor.DiagnosticSetting")[0]?.subscription).toBe(false);
    expect(of<KeyVault>(models, "azure.keyvault.Vault")[0]?.diagnostics?.unplaced).toBeDefined();
  });

  it("ties settings made by a copy loop to the vaults of another copy loop", () => {
    const vaults = `{ "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-02-01", "name": "[concat('kv', copyIndex())]", "copy": { "name": "v", "count": 3 }, "properties": {} }`;
    const settings = `{ "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "d",
      "scope": "[resourceId('Microsoft.KeyVault/vaults', concat('kv', copyIndex()))]", "copy": { "name": "s", "count": 2 }, ${logs} }`;
    const kvs = of<KeyVault>(armModels(arm(`${vaults}, ${settings}`)), "azure.keyvault.Vault");
    expect(kvs.map((k) => k.diagnostics?.settings.length)).toEqual([1, 1, 0]);
  });
});

describe("Terraform diagnostic settings", () => {
  const kv = `resource "azurerm_key_vault" "kv" {\n  name = "kv"\n}\nresource "azurerm_key_vault" "other" {\n  name = "other"\n}\n`;
  it("ties a setting to the vault it references, reading enabled_log and legacy log blocks", () => {
    const text = `${kv}
resource "azurerm_monitor_diagnostic_setting" "d" {
  name               = "d"
  target_resource_id = azurerm_key_vault.kv.id
  enabled_log {
    category_group = "audit"
  }
  log {
    category = "AuditEvent"
    enabled  = false
  }
  log {
    category = "AzurePolicyEvaluationDetails"
  }
}`;
    const models = tfModels(text);
    const [a, b] = of<KeyVault>(models, "azure.keyvault.Vault");
    expect(a?.diagnostics?.settings.map((s) => s.logs.map((l) => l.value))).toEqual([["audit", "AzurePolicyEvaluationDetails"]]);
    expect(b?.diagnostics).toEqual({ settings: [] });
    expect(of<DiagnosticSetting>(models, "azure.monitor.DiagnosticSetting")[0]).toMatchObject({ subscription: false, target: "azurerm_key_vault.kv" });
  });

  it.each([
    ["data.azurerm_subscription.current.id", true, false],
    ['"/subscriptions/00000000-0000-0000-0000-000000000000"', true, false],
    ["var.target", false, true],
  ])("target_resource_id = %s: subscription %s, vaults unsure %s", (target, subscription, unsure) => {
    const text = `${kv}data "azurerm_subscription" "current" {}
resource "azurerm_monitor_diagnostic_setting" "d" {
  name               = "d"
  target_resource_id = ${target}
}`;
    const models = tfModels(text);
    expect(of<DiagnosticSetting>(models, "azure.monitor.DiagnosticSetting")[0]?.subscription).toBe(subscription);
    expect(of<KeyVault>(models, "azure.keyvault.Vault")[0]?.diagnostics?.unplaced !== undefined).toBe(unsure);
  });
});
