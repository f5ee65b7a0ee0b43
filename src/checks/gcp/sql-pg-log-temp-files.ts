import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "postgres", flag: "log_temp_files", want: "0", ok: (v) => v === "0", defaultOk: false };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-044",
  title: "PostgreSQL instance does not log all temporary files",
  severity: "low",
  description:
    "The `log_temp_files` flag is not 0 (PostgreSQL's default, -1, logs none; a positive value logs only larger files). Temporary files show queries that spill to disk, which can reveal runaway or malicious queries.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_56", trivy: "AVD-GCP-0014" },
  remediation: {
    text: "Set the log_temp_files flag to 0.",
    fix: 'database_flags {\n  name  = "log_temp_files"\n  value = "0"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("POSTGRES_15", {}), sqlExample("POSTGRES_15", { log_temp_files: "1024" })],
      good: [sqlExample("POSTGRES_15", { log_temp_files: "0" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
