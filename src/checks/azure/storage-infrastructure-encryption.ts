import type { StorageAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown } from "./util.js";

export default defineCheck<StorageAccount>({
  id: "MAM-AZ-006",
  title: "Storage account has no infrastructure encryption",
  severity: "low",
  description:
    "Infrastructure (double) encryption is off: `infrastructure_encryption_enabled` is false or left out (ARM: " +
    "`encryption.requireInfrastructureEncryption`). Data is then encrypted once, at the service level; a second layer " +
    "with a different key and algorithm protects it should one of them be compromised. It can only be chosen when " +
    "the account is created.",
  appliesTo: "azure.storage.Account",
  compliance: [{ framework: "cis-azure-2.1", control: "3.2" }],
  remediation: {
    text: "Create accounts that hold sensitive data with infrastructure encryption enabled (the setting cannot be changed later).",
    fix: "infrastructure_encryption_enabled = true",
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
      ],
      good: [
        `resource "azurerm_storage_account" "records" {
  name                              = "storefrontrecords"
  resource_group_name               = "storefront"
  location                          = "westeurope"
  account_tier                      = "Standard"
  account_replication_type          = "ZRS"
  infrastructure_encryption_enabled = true
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
  "properties": { "minimumTlsVersion": "TLS1_2", "encryption": { "requireInfrastructureEncryption": true, "keySource": "Microsoft.Storage" } }
}`,
        ]),
      ],
    },
  },
  evaluate(a) {
    if (!isKnown(a.infrastructureEncryption, false)) return undefined;
    return fail(a.infrastructureEncryption, `${a.address} does not use infrastructure (double) encryption`, { key: `${a.address} infrastructure-encryption` });
  },
});
