import type { SqlServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armSqlServer, tfSqlServer } from "./sql-examples.js";
import { isKnown, tlsBelow12 } from "./util.js";

export default defineCheck<SqlServer>({
  id: "MAM-AZ-033",
  title: "Azure SQL server allows TLS older than 1.2",
  severity: "medium",
  description:
    "`minimum_tls_version` (ARM: `minimalTlsVersion`) is 1.0, 1.1 or `Disabled`, so clients may connect with protocol " +
    "versions that have known weaknesses. Servers that leave the setting out are not reported: its default has " +
    "changed between provider and API versions.",
  appliesTo: "azure.sql.Server",
  references: { checkov: "CKV_AZURE_52", trivy: "AVD-AZU-0026" },
  remediation: {
    text: "Set the minimum TLS version to 1.2.",
    fix: 'minimum_tls_version = "1.2"',
  },
  examples: {
    terraform: {
      bad: [tfSqlServer('minimum_tls_version = "1.0"'), tfSqlServer('minimum_tls_version = "Disabled"')],
      good: [tfSqlServer('minimum_tls_version = "1.2"'), tfSqlServer("public_network_access_enabled = false")],
    },
    arm: {
      bad: [armSqlServer(`"minimalTlsVersion": "1.1"`)],
      good: [armSqlServer(`"minimalTlsVersion": "1.2"`)],
    },
  },
  evaluate(s) {
    if (!isKnown(s.minTlsVersion) || !tlsBelow12(s.minTlsVersion.value)) return undefined;
    return fail(s.minTlsVersion, `${s.address} accepts TLS versions older than 1.2 (minimum ${s.minTlsVersion.value})`, { key: `${s.address} min-tls` });
  },
});
