import type { StorageAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown, isWord } from "./util.js";

export default defineCheck<StorageAccount>({
  id: "MAM-AZ-005",
  title: "Storage account firewall blocks trusted Azure services",
  severity: "low",
  description:
    "The network rules deny by default but their bypass list leaves out `AzureServices`. Azure services that reach " +
    "storage from networks a rule cannot name (Azure Backup, Azure Monitor diagnostic logs, Event Grid, Site " +
    "Recovery) are then locked out, which tends to end with the firewall being opened wide to make them work.",
  appliesTo: "azure.storage.Account",
  references: { checkov: "CKV_AZURE_36", trivy: "AVD-AZU-0010" },
  compliance: [{ framework: "cis-azure-2.1", control: "3.9" }],
  remediation: {
    text: "Add `AzureServices` to the bypass list of the account's network rules.",
    fix: 'bypass = ["AzureServices"]',
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_storage_account" "backups" {
  name                     = "storefrontbackups"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  network_rules {
    default_action = "Deny"
    bypass         = ["None"]
    ip_rules       = ["203.0.113.10"]
  }
}`,
      ],
      good: [
        `resource "azurerm_storage_account" "backups" {
  name                     = "storefrontbackups"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices", "Logging"]
    ip_rules       = ["203.0.113.10"]
  }
}`,
        `resource "azurerm_storage_account" "backups" {
  name                     = "storefrontbackups"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  network_rules {
    default_action = "Deny"
  }
}`,
      ],
    },
    arm: {
      bad: [
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontbackups",
  "location": "westeurope",
  "sku": { "name": "Standard_GRS" },
  "kind": "StorageV2",
  "properties": { "networkAcls": { "defaultAction": "Deny", "bypass": "None" } }
}`,
        ]),
      ],
      good: [
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontbackups",
  "location": "westeurope",
  "sku": { "name": "Standard_GRS" },
  "kind": "StorageV2",
  "properties": { "networkAcls": { "defaultAction": "Deny", "bypass": "Logging, Metrics, AzureServices" } }
}`,
        ]),
      ],
    },
  },
  evaluate(a) {
    if (!isWord(a.networkDefaultAction, "Deny") || a.networkBypass.length === 0) return undefined;
    if (!a.networkBypass.every((b) => isKnown(b))) return undefined;
    if (a.networkBypass.some((b) => isWord(b, "AzureServices"))) return undefined;
    return fail(a.networkBypass[0] ?? a.range, `${a.address} denies trusted Azure services (bypass does not include AzureServices)`, { key: `${a.address} trusted-services` });
  },
});
