// Example building blocks shared by the Cosmos DB checks.
import { armTemplate } from "./arm.js";

const lines = (extra: string): string =>
  extra
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");

/** An azurerm_cosmosdb_account with extra lines. */
export function tfCosmos(extra: string): string {
  return `resource "azurerm_cosmosdb_account" "catalog" {
  name                = "storefront-catalog"
  location            = "westeurope"
  resource_group_name = "storefront"
  offer_type          = "Standard"
${lines(extra)}

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}`;
}

/** An ARM Cosmos DB account with extra properties. */
export function armCosmos(properties: string): string {
  return armTemplate([
    `{
  "type": "Microsoft.DocumentDB/databaseAccounts",
  "apiVersion": "2023-04-15",
  "name": "storefront-catalog",
  "location": "westeurope",
  "properties": {
    "databaseAccountOfferType": "Standard",
    "locations": [{ "locationName": "westeurope", "failoverPriority": 0 }]${properties ? `,\n    ${properties}` : ""}
  }
}`,
  ]);
}

export const TF_COSMOS_HARDENED = `public_network_access_enabled         = false
local_authentication_disabled         = true
access_key_metadata_writes_enabled    = false`;

export const ARM_COSMOS_HARDENED = `"publicNetworkAccess": "Disabled", "disableLocalAuth": true, "disableKeyBasedMetadataWriteAccess": true`;
