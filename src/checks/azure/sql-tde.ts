import type { SqlDatabase } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { isKnown } from "./util.js";

export default defineCheck<SqlDatabase>({
  id: "MAM-AZ-037",
  title: "Azure SQL database has transparent data encryption off",
  severity: "high",
  description:
    "`transparent_data_encryption_enabled = false` (ARM: a `transparentDataEncryption` child with `state: Disabled`). " +
    "The database files, backups and logs are then stored unencrypted, readable by anyone who gets hold of a copy.",
  appliesTo: "azure.sql.Database",
  remediation: {
    text: "Leave transparent data encryption on (the default), with a customer-managed key where policy asks for one.",
    fix: "transparent_data_encryption_enabled = true",
  },
  examples: {
    terraform: {
      bad: [
        `resource "azurerm_mssql_database" "orders" {
  name                                = "orders"
  server_id                           = azurerm_mssql_server.db.id
  sku_name                            = "S1"
  transparent_data_encryption_enabled = false
}`,
      ],
      good: [
        `resource "azurerm_mssql_database" "orders" {
  name      = "orders"
  server_id = azurerm_mssql_server.db.id
  sku_name  = "S1"
}`,
      ],
    },
    arm: {
      bad: [
        armTemplate([
          `{
  "type": "Microsoft.Sql/servers/databases",
  "apiVersion": "2021-11-01",
  "name": "storefront-sql/orders",
  "location": "westeurope",
  "sku": { "name": "S1" },
  "resources": [
    {
      "type": "transparentDataEncryption",
      "apiVersion": "2021-11-01",
      "name": "current",
      "dependsOn": ["orders"],
      "properties": { "state": "Disabled" }
    }
  ]
}`,
        ]),
      ],
      good: [
        armTemplate([
          `{
  "type": "Microsoft.Sql/servers/databases",
  "apiVersion": "2021-11-01",
  "name": "storefront-sql/orders",
  "location": "westeurope",
  "sku": { "name": "S1" }
}`,
          `{
  "type": "Microsoft.Sql/servers/databases/transparentDataEncryption",
  "apiVersion": "2021-11-01",
  "name": "storefront-sql/orders/current",
  "properties": { "state": "Enabled" }
}`,
        ]),
      ],
    },
  },
  evaluate(d) {
    if (!isKnown(d.transparentDataEncryption, false)) return undefined;
    return fail(d.transparentDataEncryption, `${d.address} is stored without transparent data encryption`, { key: `${d.address} tde` });
  },
});
