// Declared licenses into SPDX expressions. Package metadata writes licenses every way: SPDX
// expressions, SPDX ids in the wrong case, deprecated ids ("GPL-2.0+"), names ("Apache License,
// Version 2.0"), Debian and Fedora short names ("GPL-2+", "GPLv2+", "Expat"), joined with "and",
// "or", "/" or "|". Each term is mapped by the tables in aliases.ts; what is not known becomes a
// LicenseRef, so the license is still named and a policy can still deny it.
import { ALIASES, DEPRECATED_WITH_EXCEPTION, GNU_FAMILIES, VERSIONED_FAMILIES } from "./aliases.js";
import { exceptionId, isCurrentId, isDeprecatedId, isLeaf, licenseId, parseSpdx, type SpdxNode } from "./spdx-data.js";

/** Longer declarations are license text, not a license name or expression. */
export const MAX_LICENSE_CHARS = 1_000;
/** An unknown term with more words than this is prose ("Permission is hereby granted..."), not a name. */
const MAX_NAME_WORDS = 6;
const NO_LICENSE = new Set(["", "noassertion", "none", "unknown", "n/a", "na", "null", "undefined", "other", "see license", "see license file"]);

const cache = new Map<string, string | undefined>();
const MAX_CACHE = 10_000;

/**
 * The SPDX expression for a declared license, or undefined when there is none ("NOASSERTION",
 * "UNKNOWN", prose). Unknown names become `LicenseRef-<name>`.
 */
export function normalizeLicense(raw: string): string | undefined {
  if (cache.has(raw)) return cache.get(raw);
  const result = normalizeUncached(raw);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(raw, result);
  return result;
}

function normalizeUncached(raw: string): string | undefined {
  if (raw.length > MAX_LICENSE_CHARS) return undefined;
  const text = raw.replace(/^\uFEFF/, "").replace(/\s+/g, " ").trim().replace(/^["']|["']$/g, "").trim();
  const lower = text.toLowerCase();
  if (NO_LICENSE.has(lower) || lower.startsWith("see license in ") || lower.startsWith("see license file")) return undefined;
  const whole = resolveTerm(text);
  if (whole) return canonical(whole);
  const expression = resolveExpression(text);
  if (expression === null || (expression === undefined && isProse(text))) return undefined;
  return expression ?? licenseRef(text);
}

/** License text or a sentence about the license, where a name was expected. */
function isProse(term: string): boolean {
  return term.split(" ").length > MAX_NAME_WORDS || /[,;:.]\s|\.$/.test(term);
}

/** Several licenses that all apply (the files of one package): one expression, each once. */
export function allOf(expressions: readonly string[]): string | undefined {
  const unique = [...new Set(expressions)];
  if (unique.length <= 1) return unique[0];
  return canonical(unique.map((e) => (/\s(AND|OR)\s/.test(e) ? `(${e})` : e)).join(" AND "));
}

/** The canonical form of an SPDX expression: current ids, "-only"/"-or-later", minimal parentheses. */
function canonical(expression: string): string | undefined {
  const node = parseSpdx(expression);
  return node ? render(node) : undefined;
}

export function render(node: SpdxNode, parent?: "and" | "or"): string {
  if (isLeaf(node)) {
    const id = modernId(node.license, node.plus === true);
    return node.exception ? `${id} WITH ${node.exception}` : id;
  }
  // A chain of one operator is one list: each operand once ("GPL-3+ and GPL-3+" is GPL-3.0-or-later).
  const operands = [...new Set(flatten(node, node.conjunction).map((n) => render(n, node.conjunction)))];
  if (operands.length === 1) return operands[0] as string;
  const text = operands.join(` ${node.conjunction.toUpperCase()} `);
  // AND binds tighter than OR, so only an OR inside an AND needs parentheses; an AND inside an OR
  // gets them too, for the reader.
  return parent !== undefined && parent !== node.conjunction ? `(${text})` : text;
}

function flatten(node: SpdxNode, conjunction: "and" | "or"): SpdxNode[] {
  if (isLeaf(node) || node.conjunction !== conjunction) return [node];
  return [...flatten(node.left, conjunction), ...flatten(node.right, conjunction)];
}

/** "GPL-2.0" → "GPL-2.0-only", "GPL-2.0" with `+` → "GPL-2.0-or-later"; other ids as they are. */
function modernId(id: string, plus: boolean): string {
  const replaced = DEPRECATED_WITH_EXCEPTION[id];
  if (replaced) return replaced;
  const base = id.replace(/-(only|or-later)$/, "");
  if (plus) return isCurrentId(`${base}-or-later`) ? `${base}-or-later` : `${id}+`;
  if (isDeprecatedId(id) && isCurrentId(`${id}-only`)) return `${id}-only`;
  return id;
}

/** The lookup key of a license name: lower case, without filler words and commas. */
export function aliasKey(term: string): string {
  return term
    .toLowerCase()
    .replace(/licence/g, "license")
    .replace(/,/g, " ")
    .replace(/^the\s+/, "")
    .replace(/\b(license|version|ver\.?)\b/g, " ")
    .replace(/\bv(?=\d)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** One license term (no AND/OR) into an SPDX expression, or undefined when it is not known. */
function resolveTerm(term: string): string | undefined {
  const t = term.trim();
  if (t === "") return undefined;
  if (/^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(t)) return t;
  if (parseSpdx(t) && !/\s/.test(t)) return t;
  const id = licenseId(t);
  if (id) return id;
  // "GNU General Public License v2 or later (GPLv2+)", "ISC License (ISCL)"
  const paren = /^(.*?)\s*\(([^()]+)\)$/.exec(t);
  if (paren?.[2]) {
    const inner = resolveTerm(paren[2]);
    if (inner) return inner;
    if (paren[1]) return resolveTerm(paren[1]);
  }
  const key = aliasKey(t);
  return ALIASES[key] ?? licenseId(key) ?? gnuLicense(key) ?? versionedLicense(key) ?? plusForm(t);
}

/** "gpl-2+", "gpl 2 or later", "lgpl-2.1", "gnu affero general public 3" → GNU SPDX ids. */
function gnuLicense(key: string): string | undefined {
  const m = /^(.*?)[\s-]*v?(\d)(?:\.(\d))?(?:\.0)?\s*(\+|-or-later|or later|or newer|or any later|-only|only)?$/.exec(key);
  const family = m?.[1] === undefined ? undefined : GNU_FAMILIES[m[1].replace(/[\s-]+$/, "")];
  if (!m || !family) return undefined;
  const later = m[4] !== undefined && !m[4].includes("only");
  const id = `${family}-${m[2]}.${m[3] ?? "0"}-${later ? "or-later" : "only"}`;
  return isCurrentId(id) ? id : undefined;
}

/** "apache 2", "mpl 2.0", "eclipse public 1.0" → "Apache-2.0", "MPL-2.0", "EPL-1.0". */
function versionedLicense(key: string): string | undefined {
  const m = /^(.*?)[\s-]*v?(\d+)(?:\.(\d+))?$/.exec(key);
  if (!m?.[1]) return undefined;
  const name = m[1];
  const family = VERSIONED_FAMILIES.find((f) => f.names.includes(name));
  if (!family) return undefined;
  const id = `${family.id}-${m[2]}.${m[3] ?? "0"}`;
  return isCurrentId(id) ? id : undefined;
}

/** Debian's "X+" for a license that is not GNU's: SPDX's `+` operator. */
function plusForm(term: string): string | undefined {
  if (!term.endsWith("+")) return undefined;
  const base = resolveTerm(term.slice(0, -1));
  if (!base || !parseSpdx(base) || /\s/.test(base)) return undefined;
  return base.endsWith("-only") ? `${base.slice(0, -5)}-or-later` : `${base}+`;
}

type Token = { op: "AND" | "OR" | "WITH" | "(" | ")" } | { term: string };

const OPERATORS: Readonly<Record<string, "AND" | "OR" | "WITH">> = {
  and: "AND",
  "&": "AND",
  "&&": "AND",
  or: "OR",
  "|": "OR",
  "||": "OR",
  with: "WITH",
};

/**
 * A declaration with operators: each term resolved alone, unknown terms as LicenseRefs.
 * Undefined when it does not form an expression; null when a term is prose.
 */
function resolveExpression(text: string): string | undefined | null {
  const tokens = tokenize(text);
  if (!tokens.some((t) => "op" in t && t.op !== "(" && t.op !== ")")) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if ("op" in token) {
      if (token.op !== "WITH") parts.push(token.op);
      continue;
    }
    const previous = tokens[i - 1];
    if (previous && "op" in previous && previous.op === "WITH") {
      // An exception SPDX does not list is dropped: the license without it grants no more than with it.
      const exception = resolveException(token.term, parts[parts.length - 1]);
      if (exception) parts.push("WITH", exception);
      continue;
    }
    const known = resolveTerm(token.term);
    if (!known && isProse(token.term)) return null;
    const resolved = known ?? licenseRef(token.term);
    if (!resolved) return undefined;
    parts.push(/\s(AND|OR)\s/.test(resolved) ? `(${resolved})` : resolved);
  }
  return canonical(parts.join(" "));
}

/** "Autoconf exception" after GPL-2.0-or-later is SPDX's Autoconf-exception-2.0. */
function resolveException(term: string, license: string | undefined): string | undefined {
  const dashed = term.trim().replace(/\s+/g, "-");
  const version = license === undefined ? undefined : /-(\d+\.\d+)(?:-only|-or-later)?$/.exec(license)?.[1];
  return exceptionId(dashed) ?? (version === undefined ? undefined : exceptionId(`${dashed}-${version}`));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let words: string[] = [];
  const flush = (): void => {
    if (words.length > 0) tokens.push(...splitSlashes(words.join(" ")));
    words = [];
  };
  for (const word of text.replace(/([()])/g, " $1 ").split(" ")) {
    if (word === "") continue;
    const op = word === "(" || word === ")" ? word : OPERATORS[word.toLowerCase()];
    if (op) {
      flush();
      tokens.push({ op });
    } else {
      words.push(word);
    }
  }
  flush();
  return tokens;
}

/** "MIT/Apache-2.0" (Cargo's old separator) means OR, when each side is a known license. */
function splitSlashes(term: string): Token[] {
  if (!term.includes("/") || resolveTerm(term)) return [{ term }];
  const sides = term.split("/").map((s) => s.trim());
  if (sides.some((s) => !resolveTerm(s))) return [{ term }];
  return sides.flatMap((s, i): Token[] => (i === 0 ? [{ term: s }] : [{ op: "OR" }, { term: s }]));
}

/** `LicenseRef-<name>` with the characters SPDX allows in an idstring. */
export function licenseRef(name: string): string | undefined {
  const id = name
    .replace(/\+/g, "-plus")
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 64)
    .replace(/[-.]+$/, "");
  return id === "" ? undefined : `LicenseRef-${id}`;
}
