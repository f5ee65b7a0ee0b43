import type { StorageAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown, isWord } from "./util.js";

export default defineCheck<StorageAccount>({
  id: "MAM-AZ-004",
  title: "Storage account accepts connections from any network",
  severity: "medium",
  description:
    "Public network access is on and the network rules' default action is `Allow` (or there are no network rules, " +
    "inline or in an `azurerm_storage_account_network_rules` resource; ARM: no `networkAcls`). Every endpoint of the " +
    "account is then reachable from the whole internet, and a leaked key or SAS token works from anywhere.",
  appliesTo: "azure.storage.Account",
  references: { checkov: "CKV_AZURE_35", trivy: "AVD-AZU-0012" },
  compliance: [{ framework: "cis-azure-2.1", control: "3.8" }],
  remediation: {
    text: "Set the default action to Deny and allow the virtual networks and address ranges that need the account, or turn public network access off and use private endpoints.",
    fix: 'network_rules {\n  default_action             = "Deny"\n  bypass                     = ["AzureServices"]\n  virtual_network_subnet_ids = [azurerm_subnet.app.id]\n}',
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_storage_account" "logs" {
  name                     = "storefrontlogs"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}`,
        `resource "azurerm_storage_account" "logs" {
  name                     = "storefrontlogs"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action = "Allow"
  }
}`,
      ],
      good: [
        `resource "azurerm_storage_account" "logs" {
  name                     = "storefrontlogs"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_network_rules" "logs" {
  storage_account_id = azurerm_storage_account.logs.id
  default_action     = "Deny"
  bypass             = ["AzureServices"]
}`,
        `resource "azurerm_storage_account" "logs" {
  name                          = "storefrontlogs"
  resource_group_name           = "storefront"
  location                      = "westeurope"
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = false
}`,
        `resource "azurerm_storage_account" "logs" {
  name                     = "storefrontlogs"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_network_rules" "logs" {
  storage_account_id = var.account_id
  default_action     = "Deny"
}`,
      ],
    },
    arm: {
      bad: [
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontlogs",
  "location": "westeurope",
  "sku": { "name": "Standard_LRS" },
  "kind": "StorageV2",
  "properties": { "minimumTlsVersion": "TLS1_2", "networkAcls": { "defaultAction": "Allow" } }
}`,
        ]),
      ],
      good: [
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontlogs",
  "location": "westeurope",
  "sku": { "name": "Standard_LRS" },
  "kind": "StorageV2",
  "properties": { "minimumTlsVersion": "TLS1_2", "networkAcls": { "defaultAction": "Deny", "bypass": "AzureServices" } }
}`,
        ]),
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontlogs",
  "location": "westeurope",
  "sku": { "name": "Standard_LRS" },
  "kind": "StorageV2",
  "properties": { "minimumTlsVersion": "TLS1_2", "publicNetworkAccess": "Disabled" }
}`,
        ]),
      ],
    },
  },
  evaluate(a) {
    if (!isKnown(a.publicNetworkAccess, true) || !isWord(a.networkDefaultAction, "Allow")) return undefined;
    return fail(a.networkDefaultAction, `${a.address} accepts connections from any network (default network action Allow)`, { key: `${a.address} network-default-allow` });
  },
});
