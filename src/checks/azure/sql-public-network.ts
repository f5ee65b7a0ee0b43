import type { SqlServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armSqlServer, tfSqlServer } from "./sql-examples.js";
import { isKnown } from "./util.js";

export default defineCheck<SqlServer>({
  id: "MAM-AZ-032",
  title: "Azure SQL server allows public network access",
  severity: "medium",
  description:
    "Public network access is on (`public_network_access_enabled` defaults to true; ARM: `publicNetworkAccess`). The " +
    "server's endpoint then answers on the internet, and a single broad firewall rule, now or later, exposes every " +
    "database on it.",
  appliesTo: "azure.sql.Server",
  references: { checkov: "CKV_AZURE_113", trivy: "AVD-AZU-0022" },
  remediation: {
    text: "Turn public network access off and connect through private endpoints.",
    fix: "public_network_access_enabled = false",
  },
  examples: {
    terraform: {
      bad: [tfSqlServer('minimum_tls_version = "1.2"'), tfSqlServer('minimum_tls_version           = "1.2"\npublic_network_access_enabled = true')],
      good: [tfSqlServer('minimum_tls_version           = "1.2"\npublic_network_access_enabled = false')],
    },
    arm: {
      bad: [armSqlServer(`"minimalTlsVersion": "1.2", "publicNetworkAccess": "Enabled"`)],
      good: [armSqlServer(`"minimalTlsVersion": "1.2", "publicNetworkAccess": "Disabled"`)],
    },
  },
  evaluate(s) {
    if (!isKnown(s.publicNetworkAccess, true)) return undefined;
    return fail(s.publicNetworkAccess, `${s.address} is reachable from public networks`, { key: `${s.address} public-network` });
  },
});
