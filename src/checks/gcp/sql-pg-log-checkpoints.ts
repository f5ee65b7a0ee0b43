import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOn, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "postgres", flag: "log_checkpoints", want: "on", ok: isOn, defaultOk: true };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-040",
  title: "PostgreSQL instance turns checkpoint logging off",
  severity: "low",
  description:
    "The `log_checkpoints` flag is set to off, so checkpoints and restart points are not logged. Those entries show write pressure and the I/O patterns that precede outages, and help tell a load problem from an attack.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_51", trivy: "AVD-GCP-0025" },
  remediation: {
    text: "Set the log_checkpoints flag to on (or leave it out on versions where it is on by default).",
    fix: 'database_flags {\n  name  = "log_checkpoints"\n  value = "on"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("POSTGRES_15", { log_checkpoints: "off" })],
      good: [sqlExample("POSTGRES_15", { log_checkpoints: "on" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
