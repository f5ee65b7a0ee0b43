import type { KeyVaultSecret } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";

export default defineCheck<KeyVaultSecret>({
  id: "MAM-AZ-023",
  title: "Key vault secret has no expiration date",
  severity: "medium",
  description:
    "The secret sets no `expiration_date` (ARM: `attributes.exp`). A secret that never expires is never forced " +
    "through rotation, so a copy that leaked, into a log, a laptop or a former employee's notes, keeps working " +
    "indefinitely.",
  appliesTo: "azure.keyvault.Secret",
  references: { checkov: "CKV_AZURE_41", trivy: "AVD-AZU-0017" },
  remediation: {
    text: "Set an expiration date and rotate the secret before it passes (Key Vault can notify through Event Grid).",
    fix: 'expiration_date = "2026-12-31T00:00:00Z"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  value        = var.db_password
  key_vault_id = azurerm_key_vault.app.id
  content_type = "password"
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
        `resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = var.db_password
  key_vault_id    = azurerm_key_vault.app.id
  content_type    = "password"
  expiration_date = timeadd(timestamp(), "2160h")
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
  "properties": { "value": "[parameters('dbPassword')]", "contentType": "password" }
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
    if (s.expires) return undefined;
    return fail(s.range, `${s.address} never expires (no expiration date)`, { key: `${s.address} secret-expiry` });
  },
});
