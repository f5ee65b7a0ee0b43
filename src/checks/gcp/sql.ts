// Cloud SQL: which engine an instance runs, and how its database flags read.
import type { SqlInstance } from "../../models/gcp.js";
import type { Val } from "../../models/value.js";
import { fail } from "../define.js";
import type { Violation } from "../types.js";
import { isKnown, parseSwitch } from "./util.js";

export type Engine = "postgres" | "mysql" | "sqlserver";

/** The engine, from a known `database_version` (`POSTGRES_15`, `MYSQL_8_0`, `SQLSERVER_2019_STANDARD`). */
export function engineOf(db: SqlInstance): Engine | undefined {
  if (!isKnown(db.databaseVersion)) return undefined;
  const v = db.databaseVersion.value.toUpperCase();
  if (v.startsWith("POSTGRES")) return "postgres";
  if (v.startsWith("MYSQL")) return "mysql";
  if (v.startsWith("SQLSERVER")) return "sqlserver";
  return undefined;
}

/** A flag as written; unknown when some flags could not be read and this one is not among those that could. */
export function flagOf(db: SqlInstance, name: string): Val<string> | undefined {
  const v = db.flags.get(name);
  if (v) return v;
  return db.flagsUnreadable ? { value: undefined, known: false, range: db.flagsUnreadable } : undefined;
}

export interface FlagRule {
  engine: Engine;
  flag: string;
  /** The value the flag should have, as shown in messages. */
  want: string;
  /** Whether a value is acceptable. */
  ok: (value: string) => boolean;
  /** Whether leaving the flag out (the engine's default) is acceptable. */
  defaultOk: boolean;
}

/** `on`/`off` flags, as Cloud SQL reads them. */
export const isOn = (v: string): boolean => parseSwitch(v) === true;
export const isOff = (v: string): boolean => parseSwitch(v) === false;

/** The violation of one flag rule on one instance, if any. */
export function flagViolation(db: SqlInstance, rule: FlagRule): Violation | undefined {
  if (engineOf(db) !== rule.engine) return undefined;
  const v = flagOf(db, rule.flag);
  if (v === undefined) {
    if (rule.defaultOk) return undefined;
    return fail(db.settingsRange, `${db.address} does not set ${rule.flag} (should be ${rule.want})`, { key: `${db.address} ${rule.flag}` });
  }
  if (!isKnown(v) || rule.ok(v.value.trim())) return undefined;
  return fail(v, `${db.address} sets ${rule.flag} to ${v.value} (should be ${rule.want})`, { key: `${db.address} ${rule.flag}` });
}

/** A Terraform example instance with the given engine and flags (name = value). */
export function sqlExample(version: string, flags: Record<string, string>): string {
  const blocks = Object.entries(flags).map(([name, value]) => `\n    database_flags {\n      name  = "${name}"\n      value = "${value}"\n    }`);
  return `resource "google_sql_database_instance" "db" {
  name             = "orders"
  database_version = "${version}"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"${blocks.join("\n")}
  }
}`;
}
