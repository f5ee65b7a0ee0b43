import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, sqlExample } from "./sql.js";

const RULE: FlagRule = {
  engine: "postgres",
  flag: "log_error_verbosity",
  want: "default or verbose",
  ok: (v) => ["default", "verbose"].includes(v.toLowerCase()),
  defaultOk: true,
};

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-074",
  title: "PostgreSQL instance logs errors tersely",
  severity: "low",
  description:
    "The `log_error_verbosity` flag is set to `terse`, which drops the detail, hint, query and context lines from each logged error. What is left is often too little to tell what failed, or to reconstruct an attack from the log afterwards. The PostgreSQL default (`default`) is fine.",
  appliesTo: "gcp.sql.Instance",
  compliance: [{ framework: "cis-gcp-3.0", control: "6.2.1" }],
  remediation: {
    text: "Set the log_error_verbosity flag to default (or verbose), or remove it.",
    fix: 'database_flags {\n  name  = "log_error_verbosity"\n  value = "default"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("POSTGRES_15", { log_error_verbosity: "terse" })],
      good: [sqlExample("POSTGRES_15", {}), sqlExample("POSTGRES_15", { log_error_verbosity: "verbose" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
