import type { KeyVaultSecret } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";

export default defineCheck<KeyVaultSecret>({
  id: "MAM-AZ-025",
  title: "Key vault secret has no content type",
  severity: "low",
  description:
    "The secret sets no `content_type` (ARM: `contentType`). The content type says what the value is (a password, a " +
    "connection string, a PEM certificate); without it, whoever rotates or audits the vault has to read the secret to " +
    "know how to handle it.",
  appliesTo: "azure.keyvault.Secret",
  references: { checkov: "CKV_AZURE_114", trivy: "AVD-AZU-0015" },
  remediation: {
    text: "Give every secret a content type that names what it holds.",
    fix: 'content_type = "password"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = var.db_password
  key_vault_id    = azurerm_key_vault.app.id
  expiration_date = "2026-12-31T00:00:00Z"
}`,
      ],
      good: [
        `resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = var.db_password
  key_vault_id    = azurerm_key_vault.app.id
  content_type    = "password"
  expiration_date = "2026-12-31T00:00:00Z"
}`,
      ],
    },
    arm: {
      bad: [
        armTemplate([
          `{
  "type": "Microsoft.KeyVault/vaults/secrets",
  "apiVersion": "2023-02-01",
  "name": "storefront-kv/db-password",
  "properties": { "value": "[parameters('dbPassword')]", "attributes": { "exp": 1798675200 } }
}`,
        ], { parameters: `{ "dbPassword": { "type": "securestring" } }` }),
      ],
      good: [
        armTemplate([
          `{
  "type": "Microsoft.KeyVault/vaults/secrets",
  "apiVersion": "2023-02-01",
  "name": "storefront-kv/db-password",
  "properties": { "value": "[parameters('dbPassword')]", "contentType": "password", "attributes": { "exp": 1798675200 } }
}`,
        ], { parameters: `{ "dbPassword": { "type": "securestring" } }` }),
      ],
    },
  },
  evaluate(s) {
    if (s.contentType) return undefined;
    return fail(s.range, `${s.address} has no content type`, { key: `${s.address} content-type` });
  },
});
