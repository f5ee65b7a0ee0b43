// Example building blocks shared by the App Service checks.
import { armTemplate } from "./arm.js";

const lines = (extra: string, by: string): string =>
  extra
    .split("\n")
    .map((l) => (l ? `${by}${l}` : l))
    .join("\n");

/** An azurerm_linux_web_app with extra top-level lines and `site_config` lines. */
export function tfWebApp(extra: string, site = ""): string {
  return `resource "azurerm_linux_web_app" "shop" {
  name                = "storefront-shop"
  resource_group_name = "storefront"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.shop.id
${lines(extra, "  ")}

  site_config {
${lines(site, "    ")}
  }
}`;
}

/** An ARM web app with extra site properties and `siteConfig` entries. */
export function armWebApp(properties: string, siteConfig = "", top = ""): string {
  return armTemplate([
    `{
  "type": "Microsoft.Web/sites",
  "apiVersion": "2022-09-01",
  "name": "storefront-shop",
  "location": "westeurope",
  "kind": "app,linux",${top ? `\n  ${top},` : ""}
  "properties": {
    "serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'storefront-plan')]"${properties ? `,\n    ${properties}` : ""},
    "siteConfig": { ${siteConfig} }
  }
}`,
  ]);
}
