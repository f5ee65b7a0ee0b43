import type { KeyVaultKey } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";

export default defineCheck<KeyVaultKey>({
  id: "MAM-AZ-024",
  title: "Key vault key has no expiration date",
  severity: "medium",
  description:
    "The key sets no `expiration_date` (ARM: `attributes.exp`). Keys without an end date tend to be used for years; " +
    "the longer one key protects data, the more data a single compromise exposes. An expiry (with a rotation policy) " +
    "forces rotation.",
  appliesTo: "azure.keyvault.Key",
  references: { checkov: "CKV_AZURE_40", trivy: "AVD-AZU-0014" },
  remediation: {
    text: "Set an expiration date, and a rotation policy that creates a new version before it passes.",
    fix: 'expiration_date = "2026-12-31T00:00:00Z"',
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_key_vault_key" "data" {
  name         = "data-key"
  key_vault_id = azurerm_key_vault.app.id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
}`,
      ],
      good: [
        `resource "azurerm_key_vault_key" "data" {
  name            = "data-key"
  key_vault_id    = azurerm_key_vault.app.id
  key_type        = "RSA"
  key_size        = 3072
  key_opts        = ["wrapKey", "unwrapKey"]
  expiration_date = "2026-12-31T00:00:00Z"
}`,
      ],
    },
    arm: {
      bad: [
        armTemplate([
          `{
  "type": "Microsoft.KeyVault/vaults/keys",
  "apiVersion": "2023-02-01",
  "name": "storefront-kv/data-key",
  "properties": { "kty": "RSA", "keySize": 3072, "keyOps": ["wrapKey", "unwrapKey"] }
}`,
        ]),
      ],
      good: [
        armTemplate([
          `{
  "type": "Microsoft.KeyVault/vaults/keys",
  "apiVersion": "2023-02-01",
  "name": "storefront-kv/data-key",
  "properties": { "kty": "RSA", "keySize": 3072, "attributes": { "exp": "[parameters('keyExpiry')]" } }
}`,
        ], { parameters: `{ "keyExpiry": { "type": "int" } }` }),
      ],
    },
  },
  evaluate(k) {
    if (k.expires) return undefined;
    return fail(k.range, `${k.address} never expires (no expiration date)`, { key: `${k.address} key-expiry` });
  },
});
