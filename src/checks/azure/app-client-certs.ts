import type { WebApp } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armWebApp, tfWebApp } from "./app-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<WebApp>({
  id: "MAM-AZ-044",
  title: "App Service app does not ask for client certificates",
  severity: "low",
  description:
    "Incoming client certificates are off (`client_certificate_enabled`, `client_cert_enabled` on the older " +
    "resources; ARM: `clientCertEnabled`). For an app that serves other systems rather than browsers, mutual TLS " +
    "is a cheap second factor: a caller without a valid certificate never reaches the code.",
  appliesTo: "azure.appservice.App",
  references: { checkov: "CKV_AZURE_17", trivy: "AVD-AZU-0001" },
  remediation: {
    text: "Require client certificates for apps that other services call, and validate them in the app or at a gateway.",
    fix: 'client_certificate_enabled = true\nclient_certificate_mode    = "Required"',
  },
  examples: {
    terraform: {
      bad: [tfWebApp("https_only = true", 'minimum_tls_version = "1.2"')],
      good: [tfWebApp('https_only                 = true\nclient_certificate_enabled = true\nclient_certificate_mode    = "Required"', 'minimum_tls_version = "1.2"')],
    },
    arm: {
      bad: [armWebApp(`"httpsOnly": true, "clientCertEnabled": false`, `"minTlsVersion": "1.2"`)],
      good: [armWebApp(`"httpsOnly": true, "clientCertEnabled": true, "clientCertMode": "Required"`, `"minTlsVersion": "1.2"`)],
    },
  },
  evaluate(a) {
    if (!isKnown(a.clientCertEnabled, false)) return undefined;
    return fail(a.clientCertEnabled, `${a.address} does not ask callers for client certificates`, { key: `${a.address} client-certs` });
  },
});
