import type { WebApp } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armWebApp, tfWebApp } from "./app-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<WebApp>({
  id: "MAM-AZ-040",
  title: "App Service app accepts plain HTTP",
  severity: "high",
  description:
    "`https_only` is false or left out (ARM: `httpsOnly`), so the web or function app answers on plain HTTP as well. " +
    "Session cookies, tokens and form data sent over it can be read and changed on the way, and a user who types the " +
    "bare hostname is never moved to HTTPS.",
  appliesTo: "azure.appservice.App",
  references: { checkov: "CKV_AZURE_14", trivy: "AVD-AZU-0004" },
  compliance: [{ framework: "cis-azure-2.1", control: "9.2" }],
  remediation: {
    text: "Set `https_only = true` so App Service redirects every HTTP request to HTTPS.",
    fix: "https_only = true",
  },
  examples: {
    terraform: {
      bad: [
        tfWebApp("", 'minimum_tls_version = "1.2"'),
        `resource "azurerm_function_app" "jobs" {
  name                       = "storefront-jobs"
  resource_group_name        = "storefront"
  location                   = "westeurope"
  app_service_plan_id        = azurerm_app_service_plan.jobs.id
  storage_account_name       = "storefrontjobs"
  storage_account_access_key = var.jobs_key
  https_only                 = false
}`,
      ],
      good: [tfWebApp("https_only = true", 'minimum_tls_version = "1.2"')],
    },
    arm: {
      bad: [armWebApp(`"httpsOnly": false`, `"minTlsVersion": "1.2"`)],
      good: [armWebApp(`"httpsOnly": true`, `"minTlsVersion": "1.2"`)],
    },
  },
  evaluate(a) {
    if (!isKnown(a.httpsOnly, false)) return undefined;
    return fail(a.httpsOnly, `${a.address} answers on plain HTTP (https_only is off)`, { key: `${a.address} https-only` });
  },
});
