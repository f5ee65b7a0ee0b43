import type { StorageAccount } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown, tlsBelow12 } from "./util.js";

export default defineCheck<StorageAccount>({
  id: "MAM-AZ-002",
  title: "Storage account allows TLS older than 1.2",
  severity: "medium",
  description:
    "The account's minimum TLS version is 1.0 or 1.1 (`min_tls_version`; ARM: `minimumTlsVersion`, which the API " +
    "reads as TLS 1.0 when a template leaves it out). Clients may then negotiate protocol versions with known " +
    "weaknesses, and compliance regimes such as PCI DSS no longer accept them.",
  appliesTo: "azure.storage.Account",
  references: { checkov: "CKV_AZURE_44", trivy: "AVD-AZU-0011" },
  compliance: [{ framework: "cis-azure-2.1", control: "3.15" }],
  remediation: {
    text: "Set the minimum TLS version to TLS 1.2 (`min_tls_version = \"TLS1_2\"`; ARM: `\"minimumTlsVersion\": \"TLS1_2\"`).",
    fix: 'min_tls_version = "TLS1_2"',
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
  min_tls_version          = "TLS1_0"
}`,
      ],
      good: [
        `resource "azurerm_storage_account" "logs" {
  name                     = "storefrontlogs"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_2"
}`,
        `resource "azurerm_storage_account" "logs" {
  name                     = "storefrontlogs"
  resource_group_name      = "storefront"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
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
  "properties": { "minimumTlsVersion": "TLS1_1" }
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
  "properties": { "supportsHttpsTrafficOnly": true }
}`,
        ]),
      ],
      good: [
        armTemplate(
          [
            `{
  "type": "Microsoft.Storage/storageAccounts",
  "apiVersion": "2023-01-01",
  "name": "storefrontlogs",
  "location": "westeurope",
  "sku": { "name": "Standard_LRS" },
  "kind": "StorageV2",
  "properties": { "minimumTlsVersion": "[if(equals(parameters('env'), 'prod'), 'TLS1_2', 'TLS1_2')]" }
}`,
          ],
          { parameters: `{ "env": { "type": "string", "defaultValue": "prod" } }` },
        ),
      ],
    },
  },
  evaluate(a) {
    if (!isKnown(a.minTlsVersion) || !tlsBelow12(a.minTlsVersion.value)) return undefined;
    return fail(a.minTlsVersion, `${a.address} accepts TLS versions older than 1.2 (minimum ${a.minTlsVersion.value})`, { key: `${a.address} min-tls` });
  },
});
