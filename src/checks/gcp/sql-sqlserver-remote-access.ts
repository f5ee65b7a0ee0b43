import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOff, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "sqlserver", flag: "remote access", want: "off", ok: isOff, defaultOk: false };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-076",
  title: "SQL Server instance allows remote access",
  severity: "low",
  description:
    "The `remote access` flag is not off (SQL Server turns it on by default), so stored procedures can be run from, and on, other servers linked to this one. Someone who controls a linked server, or injects SQL here, can use the option to reach further or to spread load across servers.",
  appliesTo: "gcp.sql.Instance",
  compliance: [{ framework: "cis-gcp-3.0", control: "6.3.5" }],
  remediation: {
    text: "Set the remote access flag to off.",
    fix: 'database_flags {\n  name  = "remote access"\n  value = "off"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("SQLSERVER_2019_STANDARD", {}), sqlExample("SQLSERVER_2019_STANDARD", { "remote access": "on" })],
      good: [sqlExample("SQLSERVER_2019_STANDARD", { "remote access": "off" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
