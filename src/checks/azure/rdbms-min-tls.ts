import type { DbServer } from "../../models/azure.js";
import { defineCheck, fail } from "../define.js";
import { armDbServer, tfDbServer } from "./rdbms-examples.js";
import { isKnown, tlsBelow12 } from "./util.js";

export default defineCheck<DbServer>({
  id: "MAM-AZ-073",
  title: "PostgreSQL, MySQL or MariaDB server allows TLS older than 1.2",
  severity: "medium",
  description:
    "`ssl_minimal_tls_version_enforced` (ARM: `minimalTlsVersion`) is `TLS1_0`, `TLS1_1` or " +
    "`TLSEnforcementDisabled`: clients may connect with protocol versions that have known weaknesses.",
  appliesTo: "azure.rdbms.Server",
  references: { checkov: "CKV_AZURE_54", trivy: "AVD-AZU-0026" },
  remediation: {
    text: "Set the minimal TLS version to TLS 1.2.",
    fix: 'ssl_minimal_tls_version_enforced = "TLS1_2"',
  },
  examples: {
    terraform: {
      bad: [tfDbServer('ssl_enforcement_enabled          = true\nssl_minimal_tls_version_enforced = "TLS1_0"', "", "mysql")],
      good: [tfDbServer('ssl_enforcement_enabled          = true\nssl_minimal_tls_version_enforced = "TLS1_2"', "", "mysql")],
    },
    arm: {
      bad: [armDbServer("Microsoft.DBforMySQL/servers", `"sslEnforcement": "Enabled", "minimalTlsVersion": "TLS1_1"`)],
      good: [armDbServer("Microsoft.DBforMySQL/servers", `"sslEnforcement": "Enabled", "minimalTlsVersion": "TLS1_2"`)],
    },
  },
  evaluate(s) {
    if (!isKnown(s.minTlsVersion) || !tlsBelow12(s.minTlsVersion.value)) return undefined;
    return fail(s.minTlsVersion, `${s.address} accepts TLS versions older than 1.2 (${s.minTlsVersion.value})`, { key: `${s.address} min-tls` });
  },
});
