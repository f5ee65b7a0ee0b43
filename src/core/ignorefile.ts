// The `.mamoriignore` file: a YAML list of accepted findings, each with a reason and, where the
// acceptance is temporary, an expiry date after which the finding fails the gate again.
import picomatch from "picomatch";
import { isAlias, isMap, isScalar, isSeq, type Node } from "yaml";
import { parseSettingsYaml, readSettingsFile, type SettingsDocument } from "../config/yaml.js";
import { InputError } from "./errors.js";
import type { Finding } from "./model.js";

export interface IgnoreRule {
  /** An exact rule id or advisory id, or a glob such as `MAM-DF-*`. */
  rule: string;
  /** A glob on the finding's location.path. */
  path?: string;
  /** A glob on the finding's location.address or location.resource.id. */
  resource?: string;
  reason: string;
  /** YYYY-MM-DD: the last day on which the entry suppresses. */
  expires?: string;
  /** 1-based line of the entry in its file. */
  line: number;
}

export interface IgnoreOutcome {
  /** Entries past their date: they suppressed nothing. */
  expired: IgnoreRule[];
  /** Entries in force that matched no finding. */
  unused: IgnoreRule[];
}

const STRING_KEYS = ["rule", "path", "resource", "reason"] as const;
const KEYS: readonly string[] = [...STRING_KEYS, "expires"];
// Globs compile to regular expressions; a bound keeps a pathological pattern from slowing matching.
const MAX_PATTERN_LENGTH = 1024;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function resolved(src: SettingsDocument, node: unknown): unknown {
  return isAlias(node) ? node.resolve(src.doc) : node;
}

function parseEntry(src: SettingsDocument, item: unknown, n: number): IgnoreRule {
  const node = resolved(src, item);
  const line = src.lineOf(node as Node | null);
  const fail = (at: number, message: string): never => {
    throw new InputError(`${src.label}:${at}: entry ${n}: ${message}`);
  };
  if (!isMap(node)) return fail(line, "expected a mapping with at least rule and reason");

  const fields: Partial<Record<string, string>> = {};
  for (const pair of node.items) {
    const keyNode = pair.key;
    const keyLine = src.lineOf(isScalar(keyNode) ? keyNode : node);
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    if (!KEYS.includes(key)) fail(keyLine, `unknown key "${key}" (use ${KEYS.join(", ")})`);
    const value = resolved(src, pair.value);
    const valueLine = isScalar(value) ? src.lineOf(value) : keyLine;
    const raw = isScalar(value) ? value.value : undefined;
    if (key === "expires") {
      const date = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === "string" ? raw.trim() : "";
      if (!validDate(date)) fail(valueLine, `"expires" must be a date YYYY-MM-DD`);
      fields.expires = date;
      continue;
    }
    if (typeof raw !== "string" || raw.trim() === "") fail(valueLine, `"${key}" must be a non-empty string`);
    const text = String(raw).trim();
    if (key !== "reason" && text.length > MAX_PATTERN_LENGTH) {
      fail(valueLine, `"${key}" is longer than ${MAX_PATTERN_LENGTH} characters`);
    }
    fields[key] = text;
  }
  const { rule, path, resource, reason, expires } = fields;
  if (rule === undefined) return fail(line, `"rule" is required (a rule id such as MAM-DF-001, or a glob)`);
  if (reason === undefined) return fail(line, `"reason" is required: say why the finding is accepted`);
  return {
    rule,
    ...(path !== undefined ? { path } : {}),
    ...(resource !== undefined ? { resource } : {}),
    reason,
    ...(expires !== undefined ? { expires } : {}),
    line,
  };
}

export function parseIgnoreFile(text: string, fileLabel: string): IgnoreRule[] {
  const src = parseSettingsYaml(text, fileLabel);
  const top = src.doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return [];
  if (!isSeq(top)) {
    throw new InputError(`${fileLabel}:${src.lineOf(top)}: expected a list of entries ("- rule: ..." with a reason)`);
  }
  return top.items.map((item, i) => parseEntry(src, item, i + 1));
}

export function loadIgnoreFile(path: string): IgnoreRule[] {
  return parseIgnoreFile(readSettingsFile(path), path);
}

interface CompiledRule {
  rule: IgnoreRule;
  matches(f: Finding): boolean;
}

function stripDotSlash(s: string): string {
  let out = s;
  while (out.startsWith("./")) out = out.slice(2);
  return out;
}

function globMatcher(pattern: string, options: picomatch.PicomatchOptions): (value: string) => boolean {
  const isMatch = picomatch(pattern, options);
  // An exact value always matches itself, so an address with brackets (`aws_vpc.main[0]`) needs no escaping.
  return options.nocase
    ? (value) => value.toLowerCase() === pattern.toLowerCase() || isMatch(value)
    : (value) => value === pattern || isMatch(value);
}

function compile(rule: IgnoreRule): CompiledRule {
  const ruleMatch = globMatcher(rule.rule, { nocase: true });
  const pathPattern = rule.path === undefined ? undefined : stripDotSlash(rule.path);
  const pathMatch = pathPattern === undefined ? undefined : globMatcher(pathPattern, { dot: true });
  const resourceMatch = rule.resource === undefined ? undefined : globMatcher(rule.resource, { dot: true });
  return {
    rule,
    matches(f) {
      const ids = [f.ruleId, f.vulnerability?.id, ...(f.vulnerability?.aliases ?? [])];
      if (!ids.some((id) => id !== undefined && ruleMatch(id))) return false;
      if (pathMatch) {
        const p = f.location.path;
        if (p === undefined || !(pathMatch(p) || pathMatch(stripDotSlash(p)))) return false;
      }
      if (resourceMatch) {
        const names = [f.location.address, f.location.resource?.id];
        if (!names.some((r) => r !== undefined && resourceMatch(r))) return false;
      }
      return true;
    },
  };
}

/** The UTC calendar date of `now`, as YYYY-MM-DD. */
function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Suppresses the unsuppressed findings that an entry in force matches (the first matching entry
 * in file order names the source). An entry expires after its `expires` day, in UTC.
 */
export function applyIgnoreRules(
  findings: Finding[],
  rules: IgnoreRule[],
  fileLabel: string,
  now: Date = new Date(),
): IgnoreOutcome {
  const today = utcDay(now);
  const expired = rules.filter((r) => r.expires !== undefined && r.expires < today);
  const active = rules.filter((r) => !expired.includes(r)).map(compile);
  const used = new Set<IgnoreRule>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const hit = active.find((c) => c.matches(f));
    if (!hit) continue;
    const { rule } = hit;
    f.suppressed = {
      reason: rule.reason,
      source: `${fileLabel}:${rule.line}`,
      ...(rule.expires !== undefined ? { expires: rule.expires } : {}),
    };
    used.add(rule);
  }
  return { expired, unused: active.map((c) => c.rule).filter((r) => !used.has(r)) };
}
