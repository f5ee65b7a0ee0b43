// Example building blocks shared by the Azure SQL checks.
import { armTemplate } from "./arm.js";

const lines = (extra: string): string =>
  extra
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");

/** An azurerm_mssql_server with extra attribute lines, followed by `after` (companion resources). */
export function tfSqlServer(extra: string, after = ""): string {
  return `resource "azurerm_mssql_server" "db" {
  name                         = "storefront-sql"
  resource_group_name          = "storefront"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
${lines(extra)}
}${after ? `\n\n${after}` : ""}`;
}

/** An ARM SQL server with extra properties and child resources. */
export function armSqlServer(properties: string, children: readonly string[] = [], more: readonly string[] = []): string {
  const kids = children.length ? `,\n  "resources": [\n${children.map((c) => c.split("\n").map((l) => `    ${l}`).join("\n")).join(",\n")}\n  ]` : "";
  return armTemplate(
    [
      `{
  "type": "Microsoft.Sql/servers",
  "apiVersion": "2021-11-01",
  "name": "storefront-sql",
  "location": "westeurope",
  "properties": {
    "administratorLogin": "sqladmin",
    "administratorLoginPassword": "[parameters('sqlPassword')]"${properties ? `,\n    ${properties}` : ""}
  }${kids}
}`,
      ...more,
    ],
    { parameters: `{ "sqlPassword": { "type": "securestring" } }` },
  );
}
