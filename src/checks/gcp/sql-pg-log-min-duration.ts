import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "postgres", flag: "log_min_duration_statement", want: "-1", ok: (v) => v === "-1", defaultOk: true };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-045",
  title: "PostgreSQL instance logs statements by duration",
  severity: "low",
  description:
    "The `log_min_duration_statement` flag is set to something other than -1, so the full text of every statement slower than the threshold (of all statements, for 0) is written to the logs, along with any personal data or secrets in it.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_57", trivy: "AVD-GCP-0021" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.2.7" }],
  remediation: {
    text: "Set log_min_duration_statement to -1 (or remove it), and use Query Insights for slow-query analysis.",
    fix: 'database_flags {\n  name  = "log_min_duration_statement"\n  value = "-1"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("POSTGRES_15", { log_min_duration_statement: "0" })],
      good: [sqlExample("POSTGRES_15", { log_min_duration_statement: "-1" }), sqlExample("POSTGRES_15", {})],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
