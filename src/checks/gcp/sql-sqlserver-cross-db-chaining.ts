import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOff, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "sqlserver", flag: "cross db ownership chaining", want: "off", ok: isOff, defaultOk: true };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-048",
  title: "SQL Server instance allows cross-database ownership chaining",
  severity: "medium",
  description:
    "The `cross db ownership chaining` flag is on, so ownership chains may span databases: a user with access to an object in one database can reach objects in another database owned by the same login without being granted them.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_58", trivy: "AVD-GCP-0019" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.3.2" }],
  remediation: {
    text: "Set the cross db ownership chaining flag to off (or remove it); sign procedures with certificates where cross-database access is needed.",
    fix: 'database_flags {\n  name  = "cross db ownership chaining"\n  value = "off"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("SQLSERVER_2019_STANDARD", { "cross db ownership chaining": "on" })],
      good: [sqlExample("SQLSERVER_2019_STANDARD", { "cross db ownership chaining": "off" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
