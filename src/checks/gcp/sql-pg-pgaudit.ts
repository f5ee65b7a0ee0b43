import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOn, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "postgres", flag: "cloudsql.enable_pgaudit", want: "on", ok: isOn, defaultOk: false };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-046",
  title: "PostgreSQL instance does not enable pgAudit",
  severity: "low",
  description:
    "The `cloudsql.enable_pgaudit` flag is not on, so the pgAudit extension cannot be used and database activity (who read or changed which objects) is not sent to Cloud Audit Logs.",
  appliesTo: "gcp.sql.Instance",
  compliance: [{ framework: "cis-gcp-3.0", control: "6.2.8" }],
  remediation: {
    text: "Set cloudsql.enable_pgaudit to on, create the pgaudit extension, and choose what to log with pgaudit.log.",
    fix: 'database_flags {\n  name  = "cloudsql.enable_pgaudit"\n  value = "on"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("POSTGRES_15", {})],
      good: [sqlExample("POSTGRES_15", { "cloudsql.enable_pgaudit": "on", "pgaudit.log": "all" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
