// Reads a gitleaks configuration (TOML) into Mamori's secret rules, so teams keep the rules and
// allowlists they already maintain. gitleaks regexes are Go RE2 syntax and re2js is RE2, so they
// compile unchanged; a rule that still does not compile (or is malformed) is left out with a
// warning naming it, never a crash. Loaded rules keep gitleaks' semantics: a keyword anywhere in
// a file enables the rule on the whole file. Extension: a rule may set `severity`.
import { parse } from "smol-toml";
import { InputError } from "../core/errors.js";
import { isSeverity, type Severity } from "../core/model.js";
import { compileRegex, compileRule } from "./compile.js";
import { BUILTIN_SECRET_RULES } from "./rules/index.js";
import type { SecretAllowlist, SecretRule } from "./types.js";

export interface GitleaksConfig {
  rules: SecretRule[];
  /** Rules left out and settings not applied, one line each, naming the rule. */
  warnings: string[];
}

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function strings(v: unknown, what: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new Error(`${what} must be an array of strings`);
  return v as string[];
}

function optionalString(v: unknown, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new Error(`${what} must be a string`);
  return v;
}

function optionalNumber(v: unknown, what: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "number" && typeof v !== "bigint") throw new Error(`${what} must be a number`);
  return Number(v);
}

interface ParsedAllowlist {
  allowlist: SecretAllowlist;
  /** Global allowlists only: the rule ids they apply to (all when absent). */
  targetRules?: string[];
}

function readAllowlist(t: unknown, what: string, warnings: string[]): ParsedAllowlist {
  if (!isTable(t)) throw new Error(`${what} must be a table`);
  const condition = optionalString(t.condition, `${what}.condition`)?.toLowerCase();
  if (condition !== undefined && condition !== "or" && condition !== "and") throw new Error(`${what}.condition must be OR or AND`);
  const target = optionalString(t.regexTarget, `${what}.regexTarget`);
  if (target !== undefined && target !== "secret" && target !== "match" && target !== "line") throw new Error(`${what}.regexTarget must be secret, match or line`);
  if (strings(t.commits, `${what}.commits`).length > 0) warnings.push(`${what}: commits do not apply to files and images: ignored`);
  const description = optionalString(t.description, `${what}.description`);
  const allowlist: SecretAllowlist = {
    ...(description !== undefined ? { description } : {}),
    ...(condition !== undefined ? { condition } : {}),
    ...(target !== undefined ? { regexTarget: target } : {}),
    regexes: strings(t.regexes, `${what}.regexes`),
    stopwords: strings(t.stopwords, `${what}.stopwords`),
    paths: strings(t.paths, `${what}.paths`),
  };
  const targetRules = strings(t.targetRules, `${what}.targetRules`);
  return targetRules.length > 0 ? { allowlist, targetRules } : { allowlist };
}

/** The built-in rules a gitleaks rule id stands for: by Mamori id, slug or gitleaks reference. */
function builtinsFor(id: string, builtin: readonly SecretRule[]): SecretRule[] {
  return builtin.filter((b) => {
    const refs = b.references?.gitleaks;
    return b.id === id || b.slug === id || refs === id || (Array.isArray(refs) && refs.includes(id));
  });
}

function severityOf(t: Table, id: string, known: SecretRule | undefined, what: string): Severity {
  if (t.severity !== undefined) {
    if (!isSeverity(t.severity)) throw new Error(`${what}.severity must be one of critical, high, medium, low, info`);
    return t.severity;
  }
  if (known !== undefined) return known.severity;
  return /generic/i.test(id) ? "medium" : "high";
}

function titleOf(t: Table, id: string, known: SecretRule | undefined): string {
  if (known !== undefined) return known.title;
  const d = typeof t.description === "string" ? t.description.trim() : "";
  if (d === "") return id;
  return d.length > 120 ? `${d.slice(0, 119)}…` : d;
}

function readRule(t: unknown, index: number, builtin: readonly SecretRule[], warnings: string[]): SecretRule {
  if (!isTable(t)) throw new Error(`rules[${index}] must be a table`);
  const id = optionalString(t.id, `rules[${index}].id`);
  if (id === undefined || id === "") throw new Error(`rules[${index}] has no id`);
  const what = `rule ${id}`;
  const known = builtinsFor(id, builtin)[0];
  const regex = optionalString(t.regex, `${what}: regex`);
  const path = optionalString(t.path, `${what}: path`);
  const secretGroup = optionalNumber(t.secretGroup, `${what}: secretGroup`);
  const entropy = optionalNumber(t.entropy, `${what}: entropy`);
  const description = optionalString(t.description, `${what}: description`);
  const tags = strings(t.tags, `${what}: tags`);
  const lists = [...(t.allowlist !== undefined ? [t.allowlist] : []), ...(Array.isArray(t.allowlists) ? t.allowlists : t.allowlists === undefined ? [] : [t.allowlists])];
  const allowlists = lists.map((a, i) => readAllowlist(a, `${what}: allowlists[${i}]`, warnings).allowlist);
  return {
    id,
    slug: id,
    title: titleOf(t, id, known),
    severity: severityOf(t, id, known, what),
    keywords: strings(t.keywords, `${what}: keywords`).map((k) => k.toLowerCase()),
    ...(regex !== undefined ? { regex } : {}),
    // gitleaks' secretGroup 0 means "not set".
    ...(secretGroup !== undefined && secretGroup > 0 ? { secretGroup } : {}),
    ...(entropy !== undefined && entropy > 0 ? { entropy } : {}),
    allowlists,
    ...(path !== undefined ? { path } : {}),
    scope: "file",
    // As in gitleaks, a catch-all rule gives way where a specific rule found the same secret.
    ...(/generic/i.test(id) ? { generic: true } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(description !== undefined ? { description } : {}),
    references: { gitleaks: id },
  };
}

function readExtend(doc: Table, label: string, warnings: string[]): { useDefault: boolean; disabled: string[] } {
  const extend = doc.extend;
  if (extend === undefined) return { useDefault: false, disabled: [] };
  if (!isTable(extend)) throw new InputError(`${label}: [extend] must be a table`);
  if (extend.path !== undefined) warnings.push(`${label}: [extend] path is not supported: the rules of ${String(extend.path)} are not loaded`);
  if (extend.url !== undefined) warnings.push(`${label}: [extend] url is not supported: nothing is fetched`);
  try {
    return { useDefault: extend.useDefault === true, disabled: strings(extend.disabledRules, "disabledRules") };
  } catch (e) {
    throw new InputError(`${label}: [extend] ${(e as Error).message}`);
  }
}

/**
 * Reads a gitleaks configuration. With `[extend] useDefault = true` the result starts from
 * Mamori's built-in rules (less `disabledRules`, and less those a configured rule replaces by
 * id). Throws InputError for text that is not TOML; everything else becomes a warning.
 */
export function loadGitleaksConfig(text: string, label: string, builtin: readonly SecretRule[] = BUILTIN_SECRET_RULES): GitleaksConfig {
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (e) {
    throw new InputError(`${label}: not a valid TOML file: ${(e as Error).message.split("\n")[0] ?? ""}`);
  }
  const warnings: string[] = [];
  const { useDefault, disabled } = readExtend(doc, label, warnings);

  const globals: ParsedAllowlist[] = [];
  const globalTables = [...(doc.allowlist !== undefined ? [doc.allowlist] : []), ...(Array.isArray(doc.allowlists) ? doc.allowlists : [])];
  globalTables.forEach((t, i) => {
    try {
      const g = readAllowlist(t, `allowlists[${i}]`, warnings);
      for (const r of [...(g.allowlist.regexes ?? []), ...(g.allowlist.paths ?? [])]) compileRegex(r, "a regex");
      globals.push(g);
    } catch (e) {
      warnings.push(`${label}: global allowlist ${i + 1} left out: ${(e as Error).message}`);
    }
  });

  const own: SecretRule[] = [];
  const rawRules = doc.rules === undefined ? [] : Array.isArray(doc.rules) ? doc.rules : [doc.rules];
  rawRules.forEach((t, i) => {
    try {
      const rule = readRule(t, i, builtin, warnings);
      compileRule(rule, i);
      if (own.some((r) => r.id === rule.id)) throw new Error(`rule ${rule.id} is defined twice: the first definition is kept`);
      own.push(rule);
    } catch (e) {
      warnings.push(`${label}: ${(e as Error).message.replace(/^secret rule /, "rule ")}: rule left out`);
    }
  });

  const replaced = new Set([...own.map((r) => r.id), ...disabled].flatMap((id) => builtinsFor(id, builtin)));
  const base = useDefault ? builtin.filter((b) => !replaced.has(b)) : [];
  const withGlobals = (r: SecretRule): SecretRule => {
    const extra = globals.filter((g) => g.targetRules === undefined || g.targetRules.includes(r.id) || g.targetRules.includes(r.slug)).map((g) => g.allowlist);
    return extra.length === 0 ? r : { ...r, allowlists: [...(r.allowlists ?? []), ...extra] };
  };
  return { rules: [...base, ...own].map(withGlobals), warnings };
}
