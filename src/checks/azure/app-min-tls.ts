import type { WebApp } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armWebApp, tfWebApp } from "./app-examples.js";
import { isKnown, tlsBelow12 } from "./util.js";

export default defineCheck<WebApp>({
  id: "MAM-AZ-041",
  title: "App Service app allows TLS older than 1.2",
  severity: "medium",
  description:
    "The app's minimum TLS version is 1.0 or 1.1 (`site_config.minimum_tls_version`, `min_tls_version` on the older " +
    "resources; ARM: `siteConfig.minTlsVersion`). Clients may then connect with protocol versions that have known " +
    "weaknesses and that PCI DSS no longer allows.",
  appliesTo: "azure.appservice.App",
  references: { checkov: "CKV_AZURE_15", trivy: "AVD-AZU-0006" },
  compliance: [{ framework: "cis-azure-2.1", control: "9.3" }],
  remediation: {
    text: "Set the minimum TLS version to 1.2 (the default) or 1.3.",
    fix: 'minimum_tls_version = "1.2"',
  },
  examples: {
    terraform: {
      bad: [
        tfWebApp("https_only = true", 'minimum_tls_version = "1.0"'),
        `resource "azurerm_app_service" "shop" {
  name                = "storefront-shop"
  resource_group_name = "storefront"
  location            = "westeurope"
  app_service_plan_id = azurerm_app_service_plan.shop.id
  https_only          = true

  site_config {
    min_tls_version = "1.1"
  }
}`,
      ],
      good: [tfWebApp("https_only = true", 'minimum_tls_version = "1.2"'), tfWebApp("https_only = true", "http2_enabled = true")],
    },
    arm: {
      bad: [armWebApp(`"httpsOnly": true`, `"minTlsVersion": "1.0"`)],
      good: [armWebApp(`"httpsOnly": true`, `"minTlsVersion": "1.2"`)],
    },
  },
  evaluate(a) {
    if (!isKnown(a.minTlsVersion) || !tlsBelow12(a.minTlsVersion.value)) return undefined;
    return fail(a.minTlsVersion, `${a.address} accepts TLS versions older than 1.2 (minimum ${a.minTlsVersion.value})`, { key: `${a.address} min-tls` });
  },
});
