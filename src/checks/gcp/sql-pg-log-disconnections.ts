import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOn, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "postgres", flag: "log_disconnections", want: "on", ok: isOn, defaultOk: false };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-042",
  title: "PostgreSQL instance does not log disconnections",
  severity: "low",
  description:
    "The `log_disconnections` flag is not on (PostgreSQL leaves it off), so the end of each session and its duration are not logged; together with connection logging this is what reconstructs who was connected when.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_53", trivy: "AVD-GCP-0022" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.2.3" }],
  remediation: {
    text: "Set the log_disconnections flag to on.",
    fix: 'database_flags {\n  name  = "log_disconnections"\n  value = "on"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("POSTGRES_15", {}), sqlExample("POSTGRES_15", { log_disconnections: "off" })],
      good: [sqlExample("POSTGRES_15", { log_disconnections: "on" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
