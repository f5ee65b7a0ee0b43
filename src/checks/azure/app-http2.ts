import type { WebApp } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armWebApp, tfWebApp } from "./app-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<WebApp>({
  id: "MAM-AZ-045",
  title: "App Service app does not use HTTP/2",
  severity: "low",
  description:
    "`site_config.http2_enabled` is false or left out (ARM: `siteConfig.http20Enabled`), so clients are served over " +
    "HTTP/1.1 only. HTTP/2 comes with a stricter TLS profile (TLS 1.2, no renegotiation, modern cipher suites) and " +
    "removes head-of-line blocking.",
  appliesTo: "azure.appservice.App",
  references: { checkov: "CKV_AZURE_18", trivy: "AVD-AZU-0005" },
  compliance: [{ framework: "cis-azure-2.1", control: "9.8" }],
  remediation: {
    text: "Enable HTTP/2 in the site configuration.",
    fix: "http2_enabled = true",
  },
  examples: {
    terraform: {
      bad: [tfWebApp("https_only = true", 'minimum_tls_version = "1.2"')],
      good: [tfWebApp("https_only = true", 'minimum_tls_version = "1.2"\nhttp2_enabled       = true')],
    },
    arm: {
      bad: [armWebApp(`"httpsOnly": true`, `"minTlsVersion": "1.2"`)],
      good: [armWebApp(`"httpsOnly": true`, `"minTlsVersion": "1.2", "http20Enabled": true`)],
    },
  },
  evaluate(a) {
    if (!isKnown(a.http2, false)) return undefined;
    return fail(a.http2, `${a.address} does not serve HTTP/2`, { key: `${a.address} http2` });
  },
});
