import type { StorageContainer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown } from "./util.js";

export default defineCheck<StorageContainer>({
  id: "MAM-AZ-008",
  title: "Blob container allows anonymous read",
  severity: "high",
  description:
    "The container's access level is `blob` or `container` (ARM: `publicAccess: Blob` or `Container`): anyone with " +
    "the URL reads its blobs without a key, and with `container` can list them too. Unless the account forbids " +
    "anonymous access, the data is public.",
  appliesTo: "azure.storage.Container",
  references: { checkov: "CKV_AZURE_34", trivy: "AVD-AZU-0007" },
  remediation: {
    text: "Make the container private and hand out read access through SAS tokens or a CDN; disallow anonymous access on the account as well.",
    fix: 'container_access_type = "private"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_storage_account" "assets" {
  name                     = "storefrontassets"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_container" "invoices" {
  name                  = "invoices"
  storage_account_name  = azurerm_storage_account.assets.name
  container_access_type = "container"
}`,
      ],
      good: [
        `resource "azurerm_storage_container" "invoices" {
  name                 = "invoices"
  storage_account_name = "storefrontassets"
}`,
      ],
    },
    arm: {
      bad: [
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts/blobServices/containers",
  "apiVersion": "2023-01-01",
  "name": "storefrontassets/default/invoices",
  "properties": { "publicAccess": "Blob" }
}`,
        ]),
      ],
      good: [
        armTemplate([
          `{
  "type": "Microsoft.Storage/storageAccounts/blobServices/containers",
  "apiVersion": "2023-01-01",
  "name": "storefrontassets/default/invoices",
  "properties": { "publicAccess": "None" }
}`,
        ]),
      ],
    },
  },
  evaluate(c) {
    if (!isKnown(c.publicAccess) || c.publicAccess.value.toLowerCase() === "private") return undefined;
    const where = c.account ? ` in ${c.account}` : "";
    return fail(c.publicAccess, `${c.address}${where} allows anonymous read (access level ${c.publicAccess.value})`, { key: `${c.address} container-public` });
  },
});
