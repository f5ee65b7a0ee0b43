import type { WebApp } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armTemplate } from "./arm.js";
import { armWebApp, tfWebApp } from "./app-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<WebApp>({
  id: "MAM-AZ-046",
  title: "App Service app has remote debugging on",
  severity: "medium",
  description:
    "`site_config.remote_debugging_enabled = true` (ARM: `siteConfig.remoteDebuggingEnabled`) opens the debugger " +
    "ports of the app's workers. A debugger attached to production can read memory, secrets included, and change " +
    "what the code does; the setting is meant to be switched on for minutes, not deployed.",
  appliesTo: "azure.appservice.App",
  references: { checkov: "CKV_AZURE_72" },
  remediation: {
    text: "Remove `remote_debugging_enabled` (it defaults to off) and debug in a staging slot or locally.",
    fix: "remote_debugging_enabled = false",
  },
  examples: {
    terraform: {
      bad: [tfWebApp("https_only = true", 'minimum_tls_version      = "1.2"\nremote_debugging_enabled = true')],
      good: [tfWebApp("https_only = true", 'minimum_tls_version = "1.2"')],
    },
    arm: {
      bad: [
        armTemplate([
          `{
  "type": "Microsoft.Web/sites",
  "apiVersion": "2022-09-01",
  "name": "storefront-shop",
  "location": "westeurope",
  "properties": { "httpsOnly": true },
  "resources": [
    {
      "type": "config",
      "apiVersion": "2022-09-01",
      "name": "web",
      "dependsOn": ["storefront-shop"],
      "properties": { "remoteDebuggingEnabled": true, "remoteDebuggingVersion": "VS2022" }
    }
  ]
}`,
        ]),
      ],
      good: [armWebApp(`"httpsOnly": true`, `"minTlsVersion": "1.2", "remoteDebuggingEnabled": false`)],
    },
  },
  evaluate(a) {
    if (!isKnown(a.remoteDebugging, true)) return undefined;
    return fail(a.remoteDebugging, `${a.address} has remote debugging on`, { key: `${a.address} remote-debugging` });
  },
});
