// Example building blocks shared by the container registry checks.
import { armTemplate } from "./arm.js";

/** An azurerm_container_registry with extra lines. */
export function tfRegistry(extra: string): string {
  return `resource "azurerm_container_registry" "main" {
  name                = "storefrontacr"
  resource_group_name = "storefront"
  location            = "westeurope"
  sku                 = "Premium"
${extra
  .split("\n")
  .map((l) => (l ? `  ${l}` : l))
  .join("\n")}
}`;
}

/** An ARM container registry with the given properties. */
export function armRegistry(properties: string): string {
  return armTemplate([
    `{
  "type": "Microsoft.ContainerRegistry/registries",
  "apiVersion": "2023-07-01",
  "name": "storefrontacr",
  "location": "westeurope",
  "sku": { "name": "Premium" },
  "properties": { ${properties} }
}`,
  ]);
}
