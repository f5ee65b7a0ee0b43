import type { WebApp } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armWebApp, tfWebApp } from "./app-examples.js";
import { isWord } from "./util.js";

export default defineCheck<WebApp>({
  id: "MAM-AZ-042",
  title: "App Service app allows plain FTP deployment",
  severity: "medium",
  description:
    "`ftps_state = \"AllAllowed\"` (ARM: `siteConfig.ftpsState`) lets the app's content be deployed over plain FTP. " +
    "The deployment credentials and the code cross the network in clear text, and whoever captures them can replace " +
    "the site.",
  appliesTo: "azure.appservice.App",
  references: { checkov: "CKV_AZURE_78" },
  compliance: [{ framework: "cis-azure-2.1", control: "9.9" }],
  remediation: {
    text: "Set `ftps_state` to `Disabled` (or `FtpsOnly` where FTP deployment is still needed) and deploy through CI instead.",
    fix: 'ftps_state = "Disabled"',
  },
  examples: {
    terraform: {
      bad: [tfWebApp("https_only = true", 'ftps_state = "AllAllowed"')],
      good: [tfWebApp("https_only = true", 'ftps_state = "Disabled"'), tfWebApp("https_only = true", 'ftps_state = "FtpsOnly"')],
    },
    arm: {
      bad: [armWebApp(`"httpsOnly": true`, `"ftpsState": "AllAllowed"`)],
      good: [armWebApp(`"httpsOnly": true`, `"ftpsState": "Disabled"`)],
    },
  },
  evaluate(a) {
    if (!isWord(a.ftpsState, "AllAllowed")) return undefined;
    return fail(a.ftpsState, `${a.address} accepts deployments over plain FTP`, { key: `${a.address} ftp` });
  },
});
