import type { SqlInstance } from "../../models/gcp.js";
import { defineCheck } from "../define.js";
import type { FlagRule } from "./sql.js";
import { flagViolation, isOff, sqlExample } from "./sql.js";

const RULE: FlagRule = { engine: "sqlserver", flag: "contained database authentication", want: "off", ok: isOff, defaultOk: true };

export default defineCheck<SqlInstance>({
  id: "MAM-GCP-049",
  title: "SQL Server instance allows contained database authentication",
  severity: "medium",
  description:
    "The `contained database authentication` flag is on. Users of contained databases authenticate at the database, not the server, so anyone allowed to create users in such a database can grant access to the instance without an administrator knowing.",
  appliesTo: "gcp.sql.Instance",
  references: { checkov: "CKV_GCP_59", trivy: "AVD-GCP-0023" },
  compliance: [{ framework: "cis-gcp-3.0", control: "6.3.7" }],
  remediation: {
    text: "Set the contained database authentication flag to off.",
    fix: 'database_flags {\n  name  = "contained database authentication"\n  value = "off"\n}',
  },
  examples: {
    terraform: {
      bad: [sqlExample("SQLSERVER_2019_STANDARD", { "contained database authentication": "on" })],
      good: [sqlExample("SQLSERVER_2019_STANDARD", { "contained database authentication": "off" })],
    },
  },
  evaluate: (db) => flagViolation(db, RULE),
});
