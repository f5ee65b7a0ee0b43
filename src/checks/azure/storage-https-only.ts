import type { StorageAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown } from "./util.js";

export default defineCheck<StorageAccount>({
  id: "MAM-AZ-001",
  title: "Storage account accepts plain HTTP",
  severity: "high",
  description:
    "Secure transfer is off (`https_traffic_only_enabled = false`; ARM: `supportsHttpsTrafficOnly: false`, which is also " +
    "the default of API versions before 2019-04-01). Requests over plain HTTP and SMB without encryption are then " +
    "accepted, so shared keys, SAS tokens and the data itself can be read or changed by anyone on the network path.",
  appliesTo: "azure.storage.Account",
  references: { checkov: "CKV_AZURE_3", trivy: "AVD-AZU-0008" },
  compliance: [{ framework: "cis-azure-2.1", control: "3.1" }],
  remediation: {
    text: "Require secure transfer: remove the setting (it defaults to on) or set it to true; in ARM set `supportsHttpsTrafficOnly: true`.",
    fix: "https_traffic_only_enabled = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_storage_account" "logs" {
  name                       = "storefrontlogs"
  resource_group_name        = "storefront"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false
}`,
        `resource "azurerm_storage_account" "logs" {
  name                      = "storefrontlogs"
  resource_group_name       = "storefront"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false
}`,
      ],
      good: [
        `resource "azurerm_storage_account" "logs" {
  name                     = "storefrontlogs"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}`,
        `resource "azurerm_storage_account" "logs" {
  name                       = "storefrontlogs"
  resource_group_name        = "storefront"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = var.https_only
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
  "properties": { "supportsHttpsTrafficOnly": false, "minimumTlsVersion": "TLS1_2" }
}`,
        ]),
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2018-07-01",
  "name": "storefrontlogs",
  "location": "westeurope",
  "sku": { "name": "Standard_LRS" },
  "kind": "StorageV2",
  "properties": {}
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
  "properties": { "minimumTlsVersion": "TLS1_2" }
}`,
        ]),
        armTemplate(
          [
            `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontlogs",
  "location": "westeurope",
  "sku": { "name": "Standard_LRS" },
  "kind": "StorageV2",
  "properties": { "supportsHttpsTrafficOnly": "[parameters('httpsOnly')]" }
}`,
          ],
          { parameters: `{ "httpsOnly": { "type": "bool" } }` },
        ),
      ],
    },
  },
  evaluate(a) {
    if (!isKnown(a.httpsOnly, false)) return undefined;
    return fail(a.httpsOnly, `${a.address} accepts requests over plain HTTP (secure transfer is off)`, { key: `${a.address} https-only` });
  },
});
