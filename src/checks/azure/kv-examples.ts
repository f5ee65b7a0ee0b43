// Example building blocks shared by the Key Vault checks.
import { armTemplate } from "./arm.js";

/** An azurerm key vault with extra attribute lines. */
export function tfVault(extra: string): string {
  return `resource "azurerm_key_vault" "app" {
  name                = "storefront-kv"
  location            = "westeurope"
  resource_group_name = "storefront"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
${extra
  .split("\n")
  .map((l) => (l ? `  ${l}` : l))
  .join("\n")}
}`;
}

/** An ARM key vault with the given properties (besides tenant and SKU). */
export function armVault(properties: string): string {
  return armTemplate([
    `{
  "type": "Microsoft.KeyVault/vaults",
  "apiVersion": "2023-02-01",
  "name": "storefront-kv",
  "location": "westeurope",
  "properties": {
    "tenantId": "00000000-0000-0000-0000-000000000000",
    "sku": { "family": "A", "name": "standard" }${properties ? `,\n    ${properties}` : ""}
  }
}`,
  ]);
}
