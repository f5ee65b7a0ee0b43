// One model whatever the format: the same setting written in Terraform and in an ARM template
// gives the same model value, so each Azure check is written once.
import { describe, expect, it } from "vitest";
import { armAdapter } from "../../src/adapters/arm.js";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import type { ResourceModel } from "../../src/checks/types.js";

const arm = (resource: string): string =>
  `{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [${resource}] }`;

function only(models: ResourceModel[], type: string): Record<string, unknown> {
  const found = models.filter((m) => m.modelType === type);
  expect(found).toHaveLength(1);
  return found[0] as unknown as Record<string, unknown>;
}

const cases: { name: string; type: string; tf: string; arm: string; fields: Record<string, unknown> }[] = [
  {
    name: "storage account",
    type: "azure.storage.Account",
    tf: `resource "azurerm_storage_account" "a" {
  name                            = "a"
  https_traffic_only_enabled      = false
  min_tls_version                 = "TLS1_1"
  allow_nested_items_to_be_public = true
  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }
}`,
    arm: `{ "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "a",
  "properties": { "supportsHttpsTrafficOnly": false, "minimumTlsVersion": "TLS1_1", "allowBlobPublicAccess": true,
    "networkAcls": { "defaultAction": "Deny", "bypass": "AzureServices" } } }`,
    fields: { httpsOnly: false, minTlsVersion: "TLS1_1", allowBlobPublicAccess: true, networkDefaultAction: "Deny", publicNetworkAccess: true, infrastructureEncryption: false, blobSoftDelete: false },
  },
  {
    name: "key vault",
    type: "azure.keyvault.Vault",
    tf: `resource "azurerm_key_vault" "v" {
  name                      = "v"
  enable_rbac_authorization = true
}`,
    arm: `{ "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-02-01", "name": "v", "properties": { "enableRbacAuthorization": true } }`,
    fields: { purgeProtection: false, softDeleteRetentionDays: 90, networkDefaultAction: "Allow", publicNetworkAccess: true, rbacAuthorization: true },
  },
  {
    name: "web app",
    type: "azure.appservice.App",
    tf: `resource "azurerm_windows_web_app" "w" {
  name       = "w"
  https_only = true
  site_config {
    ftps_state               = "AllAllowed"
    remote_debugging_enabled = true
  }
}`,
    arm: `{ "type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "w", "kind": "app",
  "properties": { "httpsOnly": true, "siteConfig": { "ftpsState": "AllAllowed", "remoteDebuggingEnabled": true } } }`,
    fields: { kind: "web", httpsOnly: true, ftpsState: "AllAllowed", remoteDebugging: true, http2: false, clientCertEnabled: false, managedIdentity: false },
  },
  {
    name: "AKS cluster",
    type: "azure.aks.Cluster",
    tf: `resource "azurerm_kubernetes_cluster" "k" {
  name                    = "k"
  private_cluster_enabled = true
  local_account_disabled  = true
  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }
}`,
    arm: `{ "type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2023-08-01", "name": "k",
  "properties": { "disableLocalAccounts": true, "networkProfile": { "networkPlugin": "azure", "networkPolicy": "azure" },
    "apiServerAccessProfile": { "enablePrivateCluster": true } } }`,
    fields: { rbacEnabled: true, entraIntegration: false, networkPolicy: "azure", privateCluster: true, localAccountsDisabled: true, monitoring: false },
  },
  {
    name: "Cosmos DB account",
    type: "azure.cosmosdb.Account",
    tf: `resource "azurerm_cosmosdb_account" "c" {
  name                               = "c"
  local_authentication_disabled      = true
  access_key_metadata_writes_enabled = false
}`,
    arm: `{ "type": "Microsoft.DocumentDB/databaseAccounts", "apiVersion": "2023-04-15", "name": "c",
  "properties": { "disableLocalAuth": true, "disableKeyBasedMetadataWriteAccess": true } }`,
    fields: { publicNetworkAccess: true, virtualNetworkFilter: false, localAuthDisabled: true, keyMetadataWriteDisabled: true },
  },
  {
    name: "container registry",
    type: "azure.containerregistry.Registry",
    tf: `resource "azurerm_container_registry" "r" {
  name          = "r"
  admin_enabled = true
}`,
    arm: `{ "type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "r", "properties": { "adminUserEnabled": true } }`,
    fields: { adminUserEnabled: true, anonymousPull: false, publicNetworkAccess: true },
  },
];

describe("Terraform and ARM map onto the same model values", () => {
  it.each(cases)("$name", ({ type, tf, arm: resource, fields }) => {
    const fromTf = only(terraformAdapter.parse(tf, "main.tf").models, type);
    const fromArm = only(armAdapter.parse(arm(resource), "main.json").models, type);
    for (const [field, value] of Object.entries(fields)) {
      const pick = (m: Record<string, unknown>): unknown => {
        const v = m[field];
        return typeof v === "object" && v !== null && "value" in v ? (v as { value: unknown }).value : v;
      };
      expect([field, pick(fromTf)]).toEqual([field, value]);
      expect([field, pick(fromArm)]).toEqual([field, value]);
    }
  });
});
