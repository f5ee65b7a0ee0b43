// Example building blocks shared by the PostgreSQL / MySQL / MariaDB checks.
import { armTemplate } from "./arm.js";

const lines = (extra: string): string =>
  extra
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");

/** An azurerm PostgreSQL (or MySQL, with `engine`) single server with extra lines, then `after`. */
export function tfDbServer(extra: string, after = "", engine: "postgresql" | "mysql" = "postgresql"): string {
  return `resource "azurerm_${engine}_server" "orders" {
  name                         = "storefront-${engine === "postgresql" ? "pg" : "mysql"}"
  location                     = "westeurope"
  resource_group_name          = "storefront"
  sku_name                     = "GP_Gen5_2"
  version                      = "${engine === "postgresql" ? "11" : "8.0"}"
  administrator_login          = "dbadmin"
  administrator_login_password = var.db_password
${lines(extra)}
}${after ? `\n\n${after}` : ""}`;
}

/** A server parameter resource for the PostgreSQL single server of tfDbServer(). */
export function tfPgParameter(name: string, value: string): string {
  return `resource "azurerm_postgresql_configuration" "${name}" {
  name                = "${name}"
  resource_group_name = "storefront"
  server_name         = azurerm_postgresql_server.orders.name
  value               = "${value}"
}`;
}

/** An ARM server of `type` with extra properties and child resources. */
export function armDbServer(type: string, properties: string, children: readonly string[] = []): string {
  const kids = children.length ? `,\n  "resources": [\n${children.map((c) => c.split("\n").map((l) => `    ${l}`).join("\n")).join(",\n")}\n  ]` : "";
  return armTemplate(
    [
      `{
  "type": "${type}",
  "apiVersion": "2017-12-01",
  "name": "storefront-db",
  "location": "westeurope",
  "sku": { "name": "GP_Gen5_2", "tier": "GeneralPurpose" },
  "properties": {
    "createMode": "Default",
    "administratorLogin": "dbadmin",
    "administratorLoginPassword": "[parameters('dbPassword')]"${properties ? `,\n    ${properties}` : ""}
  }${kids}
}`,
    ],
    { parameters: `{ "dbPassword": { "type": "securestring" } }` },
  );
}

/** A child resource of an ARM server: a `configurations` or `firewallRules` entry. */
export function armChild(type: "configurations" | "firewallRules", name: string, properties: string): string {
  return `{
  "type": "${type}",
  "apiVersion": "2017-12-01",
  "name": "${name}",
  "dependsOn": ["storefront-db"],
  "properties": ${properties}
}`;
}
