import type { StorageAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown } from "./util.js";

export default defineCheck<StorageAccount>({
  id: "MAM-AZ-007",
  title: "Storage account has no blob soft delete",
  severity: "low",
  description:
    "Blob soft delete is not configured: no `delete_retention_policy` in `blob_properties` (ARM: no `blobServices` " +
    "child with `deleteRetentionPolicy.enabled: true`). A blob deleted or overwritten by mistake, by a faulty job or " +
    "by an attacker holding a key, is then gone at once instead of being recoverable for the retention period.",
  appliesTo: "azure.storage.Account",
  compliance: [{ framework: "cis-azure-2.1", control: "3.11" }],
  remediation: {
    text: "Turn on soft delete for blobs (and containers) with a retention period that fits how fast you would notice a loss.",
    fix: "blob_properties {\n  delete_retention_policy {\n    days = 14\n  }\n  container_delete_retention_policy {\n    days = 14\n  }\n}",
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_storage_account" "records" {
  name                     = "storefrontrecords"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}`,
        `resource "azurerm_storage_account" "records" {
  name                     = "storefrontrecords"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"

  blob_properties {
    versioning_enabled = true
  }
}`,
      ],
      good: [
        `resource "azurerm_storage_account" "records" {
  name                     = "storefrontrecords"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"

  blob_properties {
    delete_retention_policy {
      days = 14
    }
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
  "name": "storefrontrecords",
  "location": "westeurope",
  "sku": { "name": "Standard_ZRS" },
  "kind": "StorageV2",
  "properties": { "minimumTlsVersion": "TLS1_2" }
}`,
        ]),
      ],
      good: [
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontrecords",
  "location": "westeurope",
  "sku": { "name": "Standard_ZRS" },
  "kind": "StorageV2",
  "properties": { "minimumTlsVersion": "TLS1_2" }
}`,
          `{
  "type": "Microsoft.Storage/storageAccounts/blobServices",
  "apiVersion": "2023-01-01",
  "name": "storefrontrecords/default",
  "dependsOn": ["[resourceId('Microsoft.Storage/storageAccounts', 'storefrontrecords')]"],
  "properties": { "deleteRetentionPolicy": { "enabled": true, "days": 14 } }
}`,
        ]),
        armTemplate(
          [
            `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "[parameters('name')]",
  "location": "westeurope",
  "sku": { "name": "Standard_ZRS" },
  "kind": "StorageV2",
  "properties": { "minimumTlsVersion": "TLS1_2" },
  "resources": [
    {
      "type": "blobServices",
      "apiVersion": "2023-01-01",
      "name": "default",
      "dependsOn": ["[parameters('name')]"],
      "properties": { "deleteRetentionPolicy": { "enabled": true, "days": 14 } }
    }
  ]
}`,
          ],
          { parameters: `{ "name": { "type": "string" } }` },
        ),
      ],
    },
  },
  evaluate(a) {
    if (!isKnown(a.blobSoftDelete, false)) return undefined;
    return fail(a.blobSoftDelete, `${a.address} has no soft delete for blobs`, { key: `${a.address} blob-soft-delete` });
  },
});
