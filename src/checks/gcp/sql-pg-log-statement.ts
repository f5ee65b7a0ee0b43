import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, sqlExample } from "./sql.js";

const RULE: FlagRule = {
  engine: "postgres",
  flag: "log_statement",
  want: "ddl (or mod, all)",
  ok: (v) => ["ddl", "mod", "all"].includes(v.toLowerCase()),
  defaultOk: false,
};

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-075",
  title: "PostgreSQL instance does not log schema changes",
  severity: "low",
  description:
    "The `log_statement` flag is absent or `none` (the PostgreSQL default), so no statement is logged for its own sake: a dropped table, a new role or an altered grant leaves no trace in the database log. Logging at least DDL statements records such changes without the volume of logging every query.",
  appliesTo: "gcp.sql.Instance",
  compliance: [{ framework: "cis-gcp-3.0", control: "6.2.4" }],
  remediation: {
    text: "Set the log_statement flag to ddl (or mod when data changes must be traced too).",
    fix: 'database_flags {\n  name  = "log_statement"\n  value = "ddl"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("POSTGRES_15", {}), sqlExample("POSTGRES_15", { log_statement: "none" })],
      good: [sqlExample("POSTGRES_15", { log_statement: "ddl" }), sqlExample("POSTGRES_15", { log_statement: "mod" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
