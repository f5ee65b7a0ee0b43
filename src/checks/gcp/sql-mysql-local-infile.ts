import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOff, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "mysql", flag: "local_infile", want: "off", ok: isOff, defaultOk: true };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-039",
  title: "MySQL instance allows LOAD DATA LOCAL",
  severity: "high",
  description:
    "The `local_infile` flag is on. A client (or SQL injected through an application) can then use LOAD DATA LOCAL INFILE to make the server read files, and a malicious server can make connecting clients send their local files.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_50", trivy: "AVD-GCP-0026" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.1.3" }],
  remediation: {
    text: "Set the local_infile flag to off.",
    fix: 'database_flags {\n  name  = "local_infile"\n  value = "off"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("MYSQL_8_0", { local_infile: "on" })],
      good: [sqlExample("MYSQL_8_0", { local_infile: "off" }), sqlExample("MYSQL_8_0", {})],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
