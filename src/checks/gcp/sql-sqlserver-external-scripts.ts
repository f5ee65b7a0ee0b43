import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOff, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "sqlserver", flag: "external scripts enabled", want: "off", ok: isOff, defaultOk: true };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-047",
  title: "SQL Server instance allows external scripts",
  severity: "medium",
  description:
    "The `external scripts enabled` flag is on, which lets T-SQL run R or Python scripts through external language runtimes. Those scripts run outside the database engine's own controls and widen what a SQL injection can do.",
  appliesTo: "gcp.sql.Instance",
  compliance: [{ framework: "cis-gcp-3.0", control: "6.3.1" }],
  remediation: {
    text: "Set the external scripts enabled flag to off.",
    fix: 'database_flags {\n  name  = "external scripts enabled"\n  value = "off"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("SQLSERVER_2019_STANDARD", { "external scripts enabled": "on" })],
      good: [sqlExample("SQLSERVER_2019_STANDARD", { "external scripts enabled": "off" }), sqlExample("SQLSERVER_2019_STANDARD", {})],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
