import type { StorageAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown } from "./util.js";

export default defineCheck<StorageAccount>({
  id: "MAM-AZ-003",
  title: "Storage account allows anonymous blob access",
  severity: "high",
  description:
    "`allow_nested_items_to_be_public = true` (provider 2.x: `allow_blob_public_access`; ARM: `allowBlobPublicAccess: " +
    "true`) lets any container in the account be switched to anonymous read. One container set to public by mistake " +
    "then exposes its blobs to anyone with the URL, with no key and no log of who read them. Accounts that leave " +
    "the setting out are not reported: its default differs between provider and API versions.",
  appliesTo: "azure.storage.Account",
  references: { checkov: "CKV_AZURE_190" },
  compliance: [{ framework: "cis-azure-2.1", control: "3.17" }],
  remediation: {
    text: "Disallow anonymous access at the account level; serve public content through a CDN or short-lived SAS tokens instead.",
    fix: "allow_nested_items_to_be_public = false",
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_storage_account" "assets" {
  name                            = "storefrontassets"
  resource_group_name             = "storefront"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true
}`,
      ],
      good: [
        `resource "azurerm_storage_account" "assets" {
  name                            = "storefrontassets"
  resource_group_name             = "storefront"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
}`,
      ],
    },
    arm: {
      bad: [
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontassets",
  "location": "westeurope",
  "sku": { "name": "Standard_LRS" },
  "kind": "StorageV2",
  "properties": { "allowBlobPublicAccess": true, "minimumTlsVersion": "TLS1_2" }
}`,
        ]),
      ],
      good: [
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontassets",
  "location": "westeurope",
  "sku": { "name": "Standard_LRS" },
  "kind": "StorageV2",
  "properties": { "allowBlobPublicAccess": false, "minimumTlsVersion": "TLS1_2" }
}`,
        ]),
      ],
    },
  },
  evaluate(a) {
    if (!isKnown(a.allowBlobPublicAccess, true)) return undefined;
    return fail(a.allowBlobPublicAccess, `${a.address} lets containers be made readable anonymously`, { key: `${a.address} blob-public-access` });
  },
});
