// Rules are compiled once (STYLE.md §3): every regex through re2js, whose matching time is
// linear in the input whatever the pattern (a user's `(a+)+$` cannot stall a scan), and every
// keyword into one shared automaton. A rule that cannot compile is reported here, by id.
import { RE2JS } from "re2js";
import { InputError } from "../core/errors.js";
import { KeywordIndex } from "./keywords.js";
import type { AllowlistTarget, SecretAllowlist, SecretRule } from "./types.js";

export interface CompiledAllowlist {
  and: boolean;
  target: AllowlistTarget;
  regexes: RE2JS[];
  stopwords: string[];
  paths: RE2JS[];
}

export interface CompiledRule {
  rule: SecretRule;
  /** Position in the rule list: earlier rules win when two find the same secret. */
  order: number;
  re?: RE2JS;
  path?: RE2JS;
  allowlists: CompiledAllowlist[];
  /** Allowlists with paths alone: they decide per file, before any matching. */
  pathAllowlists: CompiledAllowlist[];
  scope: "line" | "block" | "file";
  maxLength: number;
  keywordOffset: number;
}

export const DEFAULT_MAX_MATCH = 4096;
/** Built-in rules put their keyword at or near the start of a match (a PEM header: ~50 bytes in). */
export const DEFAULT_KEYWORD_OFFSET = 64;

// Compiled patterns are immutable and shared: the placeholder allowlist alone recurs in every rule.
const compiledPatterns = new Map<string, RE2JS>();

export function compileRegex(pattern: string, what: string): RE2JS {
  const known = compiledPatterns.get(pattern);
  if (known !== undefined) return known;
  try {
    const re = RE2JS.compile(pattern);
    compiledPatterns.set(pattern, re);
    return re;
  } catch (e) {
    throw new InputError(`${what}: invalid regular expression: ${(e as Error).message}`);
  }
}

function compileAllowlist(a: SecretAllowlist, what: string): CompiledAllowlist {
  return {
    and: a.condition === "and",
    target: a.regexTarget ?? "secret",
    regexes: (a.regexes ?? []).map((r, i) => compileRegex(r, `${what} allowlist regex ${i + 1}`)),
    stopwords: (a.stopwords ?? []).map((w) => w.toLowerCase()).filter((w) => w !== ""),
    paths: (a.paths ?? []).map((r, i) => compileRegex(r, `${what} allowlist path ${i + 1}`)),
  };
}

function isPathOnly(a: CompiledAllowlist): boolean {
  return a.paths.length > 0 && a.regexes.length === 0 && a.stopwords.length === 0;
}

/**
 * A rule whose regex and allowlists compile on first use: for rules known to compile (the built-in
 * set, which the tests compile whole), so a process that scans a few small files does not pay
 * ~150 ms to compile patterns whose keywords never occur.
 */
function compileRuleLazily(rule: SecretRule, order: number): CompiledRule {
  const eager = compileRule({ ...rule, ...(rule.regex !== undefined ? { regex: undefined } : {}), allowlists: (rule.allowlists ?? []).filter((a) => isPathOnlyList(a)) }, order, rule);
  let re: RE2JS | undefined;
  let allowlists: CompiledAllowlist[] | undefined;
  return Object.defineProperties(eager, {
    re: { get: () => (rule.regex === undefined ? undefined : (re ??= compileRule({ ...rule, allowlists: [] }, order).re)), enumerable: true },
    allowlists: { get: () => (allowlists ??= (rule.allowlists ?? []).filter((a) => !isPathOnlyList(a)).map((a) => compileAllowlist(a, `secret rule ${rule.id}`))), enumerable: true },
  });
}

function isPathOnlyList(a: SecretAllowlist): boolean {
  return (a.paths?.length ?? 0) > 0 && (a.regexes?.length ?? 0) === 0 && (a.stopwords?.length ?? 0) === 0;
}

/** Throws InputError naming the rule when a regex does not compile or the rule is inconsistent. */
export function compileRule(input: SecretRule, order: number, original: SecretRule = input): CompiledRule {
  const rule = input;
  const what = `secret rule ${rule.id}`;
  if (original.regex === undefined && rule.path === undefined) throw new InputError(`${what}: needs a regex or a path`);
  const re = rule.regex === undefined ? undefined : compileRegex(rule.regex, what);
  if (re !== undefined && rule.secretGroup !== undefined && rule.secretGroup > re.groupCount()) {
    throw new InputError(`${what}: secretGroup ${rule.secretGroup} but the regex has ${re.groupCount()} groups`);
  }
  const allowlists = (rule.allowlists ?? []).map((a) => compileAllowlist(a, what));
  return {
    rule: original,
    order,
    ...(re !== undefined ? { re } : {}),
    ...(rule.path !== undefined ? { path: compileRegex(rule.path, `${what} path`) } : {}),
    allowlists: allowlists.filter((a) => !isPathOnly(a)),
    pathAllowlists: allowlists.filter(isPathOnly),
    scope: rule.scope ?? "line",
    maxLength: rule.maxLength ?? DEFAULT_MAX_MATCH,
    keywordOffset: rule.keywordOffset ?? DEFAULT_KEYWORD_OFFSET,
  };
}

/** The compiled form of a rule list: rules plus the shared keyword automaton. */
export class CompiledRules {
  readonly rules: CompiledRule[];
  readonly keywords: KeywordIndex;
  /** Rules by keyword number. */
  readonly rulesByKeyword: number[][];
  /** Rules with a regex and no keyword: they run on every file. */
  readonly unfiltered: number[];
  /** Rules without a regex: a finding for every file whose path they match. */
  readonly pathOnly: number[];
  /** Rules with a regex whose use depends on the file path (a path regex or path allowlists). */
  readonly pathDependent: number[];

  /** `lazy`: rules whose patterns compile on first use (see compileRuleLazily). */
  constructor(rules: readonly SecretRule[], lazy: (r: SecretRule) => boolean = () => false) {
    const ids = new Set<string>();
    for (const r of rules) {
      if (ids.has(r.id)) throw new InputError(`secret rule ${r.id}: defined twice`);
      ids.add(r.id);
    }
    this.rules = rules.map((r, i) => (lazy(r) ? compileRuleLazily(r, i) : compileRule(r, i)));
    const keywordNumber = new Map<string, number>();
    this.rulesByKeyword = [];
    this.unfiltered = [];
    this.pathOnly = [];
    this.pathDependent = [];
    this.rules.forEach((c, i) => {
      if (c.rule.regex === undefined) {
        this.pathOnly.push(i);
        return;
      }
      if (c.path !== undefined || c.pathAllowlists.length > 0) this.pathDependent.push(i);
      const words = [...new Set(c.rule.keywords.map((k) => k.toLowerCase()).filter((k) => k !== ""))];
      if (words.length === 0) this.unfiltered.push(i);
      for (const w of words) {
        let k = keywordNumber.get(w);
        if (k === undefined) {
          k = keywordNumber.size;
          keywordNumber.set(w, k);
          this.rulesByKeyword.push([]);
        }
        (this.rulesByKeyword[k] as number[]).push(i);
      }
    });
    this.keywords = new KeywordIndex([...keywordNumber.keys()]);
  }
}
