import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOn, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "postgres", flag: "log_connections", want: "on", ok: isOn, defaultOk: false };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-041",
  title: "PostgreSQL instance does not log connections",
  severity: "low",
  description:
    "The `log_connections` flag is not on (PostgreSQL leaves it off), so connection attempts and successful authentications are not logged. Without them, password guessing and logins from unexpected clients go unseen.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_52", trivy: "AVD-GCP-0016" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.2.2" }],
  remediation: {
    text: "Set the log_connections flag to on.",
    fix: 'database_flags {\n  name  = "log_connections"\n  value = "on"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("POSTGRES_15", {}), sqlExample("POSTGRES_15", { log_connections: "off" })],
      good: [sqlExample("POSTGRES_15", { log_connections: "on" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
