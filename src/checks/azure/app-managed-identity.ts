import type { WebApp } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armWebApp, tfWebApp } from "./app-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<WebApp>({
  id: "MAM-AZ-043",
  title: "App Service app has no managed identity",
  severity: "low",
  description:
    "The app has no `identity` (system- or user-assigned; ARM: `identity.type`). To reach other Azure services it " +
    "must then carry credentials, connection strings with keys or client secrets in app settings, which leak with " +
    "backups, logs and anyone who can read the configuration.",
  appliesTo: "azure.appservice.App",
  references: { checkov: ["CKV_AZURE_16", "CKV_AZURE_71"], trivy: "AVD-AZU-0002" },
  compliance: [{ framework: "cis-azure-2.1", control: "9.4" }],
  remediation: {
    text: "Give the app a managed identity and grant that identity the roles it needs instead of storing keys.",
    fix: 'identity {\n  type = "SystemAssigned"\n}',
  },
  examples: {
    terraform: {
      bad: [tfWebApp("https_only = true", 'minimum_tls_version = "1.2"')],
      good: [tfWebApp('https_only = true\n\nidentity {\n  type = "SystemAssigned"\n}', 'minimum_tls_version = "1.2"')],
    },
    arm: {
      bad: [armWebApp(`"httpsOnly": true`, `"minTlsVersion": "1.2"`), armWebApp(`"httpsOnly": true`, `"minTlsVersion": "1.2"`, `"identity": { "type": "None" }`)],
      good: [armWebApp(`"httpsOnly": true`, `"minTlsVersion": "1.2"`, `"identity": { "type": "SystemAssigned" }`)],
    },
  },
  evaluate(a) {
    if (!isKnown(a.managedIdentity, false)) return undefined;
    return fail(a.managedIdentity, `${a.address} has no managed identity`, { key: `${a.address} managed-identity` });
  },
});
