import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOn, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "postgres", flag: "log_lock_waits", want: "on", ok: isOn, defaultOk: false };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-043",
  title: "PostgreSQL instance does not log lock waits",
  severity: "low",
  description:
    "The `log_lock_waits` flag is not on (PostgreSQL leaves it off), so sessions that wait longer than the deadlock timeout for a lock are not logged. Long lock waits are an early sign of contention, and of denial of service through held locks.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_54", trivy: "AVD-GCP-0020" },
  remediation: {
    text: "Set the log_lock_waits flag to on.",
    fix: 'database_flags {\n  name  = "log_lock_waits"\n  value = "on"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("POSTGRES_15", {}), sqlExample("POSTGRES_15", { log_lock_waits: "off" })],
      good: [sqlExample("POSTGRES_15", { log_lock_waits: "on" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
