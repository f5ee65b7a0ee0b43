// Reading OSV records (https://ossf.github.io/osv-schema/) from the text of one file: JSON or YAML,
// one record or an array of them. Advisory feeds are input like any other: every field the matcher
// relies on is checked for shape here, so the rest of Mamori can trust an OsvRecord. Fields this
// layer does not know are kept as they are; OSV grows.
import { parse as parseYaml } from "yaml";
import { InputError } from "../core/errors.js";
import type { OsvRecord } from "./types.js";

/** A file or array element that is not an OSV record: the importer counts it as skipped. */
export class OsvFormatError extends InputError {
  readonly label: string;
  readonly reason: string;
  constructor(label: string, reason: string) {
    super(`${label}: ${reason}`);
    this.name = "OsvFormatError";
    this.label = label;
    this.reason = reason;
  }
}

/** OSV files in the wild use no YAML anchors; a few are tolerated, an alias bomb is not. */
const YAML_MAX_ALIASES = 50;
const MAX_ID_LENGTH = 256;
const OPTIONAL_FIELDS = [
  "schema_version", "published", "withdrawn", "aliases", "upstream", "related", "summary", "details",
  "severity", "affected", "references", "credits", "database_specific",
] as const;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "";
}

/** No white space or control characters: an id ends up in reports, URLs and terminal output. */
function isIdentifier(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return false;
  }
  return true;
}

function optionalString(o: Obj, key: string, where: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new Error(`${where}${key} is not a string`);
  return v;
}

function optionalArray(o: Obj, key: string, where: string): unknown[] | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new Error(`${where}${key} is not an array`);
  return v;
}

function stringArray(o: Obj, key: string, where: string): void {
  const list = optionalArray(o, key, where);
  if (list?.some((x) => typeof x !== "string")) throw new Error(`${where}${key} holds a non-string`);
}

function severityList(o: Obj, where: string): void {
  for (const [i, s] of (optionalArray(o, "severity", where) ?? []).entries()) {
    if (!isObject(s) || typeof s.type !== "string" || typeof s.score !== "string") {
      throw new Error(`${where}severity[${i}] needs a string type and score`);
    }
  }
}

function checkAffected(a: unknown, i: number): void {
  const where = `affected[${i}].`;
  if (!isObject(a)) throw new Error(`affected[${i}] is not an object`);
  if (a.package !== undefined && a.package !== null) {
    const p = a.package;
    if (!isObject(p) || !nonEmptyString(p.ecosystem) || !nonEmptyString(p.name)) {
      throw new Error(`${where}package needs an ecosystem and a name`);
    }
    optionalString(p, "purl", `${where}package.`);
  }
  severityList(a, where);
  stringArray(a, "versions", where);
  for (const [j, r] of (optionalArray(a, "ranges", where) ?? []).entries()) {
    if (!isObject(r) || typeof r.type !== "string" || !Array.isArray(r.events)) {
      throw new Error(`${where}ranges[${j}] needs a type and an events array`);
    }
    // The version strings themselves are the version schemes' concern; their shape is ours.
    for (const e of r.events as unknown[]) {
      if (!isObject(e) || Object.values(e).some((v) => typeof v !== "string")) {
        throw new Error(`${where}ranges[${j}] holds an event that is not an object of strings`);
      }
    }
  }
  for (const key of ["ecosystem_specific", "database_specific"]) {
    if (a[key] !== undefined && a[key] !== null && !isObject(a[key])) throw new Error(`${where}${key} is not an object`);
  }
}

/** Checks `value` is an OSV record and returns it typed; throws OsvFormatError saying why not. */
export function toOsvRecord(value: unknown, label: string): OsvRecord {
  if (!isObject(value)) throw new OsvFormatError(label, "not an OSV record (not a JSON/YAML object)");
  if (!nonEmptyString(value.id)) throw new OsvFormatError(label, "not an OSV record (no id)");
  if (value.id.length > MAX_ID_LENGTH || !isIdentifier(value.id)) {
    throw new OsvFormatError(label, "not an OSV record (the id is not an identifier)");
  }
  if (!nonEmptyString(value.modified)) throw new OsvFormatError(label, `${value.id}: not an OSV record (no modified)`);
  // A null optional field means "absent" (some feeds write "aliases": null); the rest of Mamori
  // tests presence with `!== undefined`, so drop them.
  for (const key of OPTIONAL_FIELDS) if (value[key] === null) delete value[key];
  try {
    for (const key of ["published", "withdrawn", "summary", "details", "schema_version"]) optionalString(value, key, "");
    for (const key of ["aliases", "upstream", "related"]) stringArray(value, key, "");
    severityList(value, "");
    (optionalArray(value, "affected", "") ?? []).forEach(checkAffected);
    if (value.database_specific !== undefined && value.database_specific !== null && !isObject(value.database_specific)) {
      throw new Error("database_specific is not an object");
    }
  } catch (e) {
    throw new OsvFormatError(label, `${value.id}: malformed OSV record: ${(e as Error).message}`);
  }
  return value as unknown as OsvRecord;
}

function parseText(text: string, label: string, format: "json" | "yaml"): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    if (format === "json") return JSON.parse(body);
    // logLevel "error": a warning (an unknown tag, say) must not reach stderr as a Node.js process warning.
    return parseYaml(body, { maxAliasCount: YAML_MAX_ALIASES, prettyErrors: false, logLevel: "error" });
  } catch (e) {
    const first = ((e as Error).message ?? String(e)).split("\n")[0] ?? "";
    throw new OsvFormatError(label, `not valid ${format === "json" ? "JSON" : "YAML"}: ${first}`);
  }
}

/**
 * The records in one file. A file holds one record or an array of them; an array element that is
 * not a record goes to `onInvalid` (labelled `file#index`) when given, else it throws.
 */
export function parseOsvText(
  text: string,
  sourceLabel: string,
  format: "json" | "yaml",
  onInvalid?: (e: OsvFormatError) => void,
): OsvRecord[] {
  const value = parseText(text, sourceLabel, format);
  if (!Array.isArray(value)) return [toOsvRecord(value, sourceLabel)];
  const records: OsvRecord[] = [];
  value.forEach((item, i) => {
    try {
      records.push(toOsvRecord(item, `${sourceLabel}#${i}`));
    } catch (e) {
      if (!(e instanceof OsvFormatError) || onInvalid === undefined) throw e;
      onInvalid(e);
    }
  });
  return records;
}

/** "json" or "yaml" for an OSV file name, undefined for anything else. */
export function osvFormatOf(name: string): "json" | "yaml" | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return undefined;
}
