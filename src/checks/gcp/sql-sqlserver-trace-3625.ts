import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOn, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "sqlserver", flag: "3625", want: "on", ok: isOn, defaultOk: false };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-077",
  title: "SQL Server instance shows full error messages to every user",
  severity: "low",
  description:
    "Trace flag 3625 is not on, so error messages returned to users who are not sysadmins carry full detail, such as parameter values and object names. Those details help someone probing the database through an application map it. With the flag on, such users see masked messages.",
  appliesTo: "gcp.sql.Instance",
  compliance: [{ framework: "cis-gcp-3.0", control: "6.3.6" }],
  remediation: {
    text: "Set the 3625 flag to on.",
    fix: 'database_flags {\n  name  = "3625"\n  value = "on"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("SQLSERVER_2019_STANDARD", {}), sqlExample("SQLSERVER_2019_STANDARD", { "3625": "off" })],
      good: [sqlExample("SQLSERVER_2019_STANDARD", { "3625": "on" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
