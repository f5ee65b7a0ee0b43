import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOn, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "mysql", flag: "skip_show_database", want: "on", ok: isOn, defaultOk: false };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-073",
  title: "MySQL instance lets every user list all databases",
  severity: "low",
  description:
    "The `skip_show_database` flag is not on (MySQL leaves it off), so any account may run SHOW DATABASES and learn the name of every database on the instance, including those it has no grant on. The names help an intruder choose what to go after next.",
  appliesTo: "gcp.sql.Instance",
  compliance: [{ framework: "cis-gcp-3.0", control: "6.1.2" }],
  remediation: {
    text: "Set the skip_show_database flag to on.",
    fix: 'database_flags {\n  name  = "skip_show_database"\n  value = "on"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("MYSQL_8_0", {}), sqlExample("MYSQL_8_0", { skip_show_database: "off" })],
      good: [sqlExample("MYSQL_8_0", { skip_show_database: "on" }), sqlExample("POSTGRES_15", {})],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
