// Scans one file's bytes with a compiled rule set. Matching runs on the bytes themselves (re2js
// reads UTF-8 and reports byte offsets, as Go's regexp does for gitleaks), so no decoded copy
// of a file is ever made: only matched secrets and their lines are decoded.
import type { RE2JS } from "re2js";
import type { Finding } from "../core/model.js";
import type { CompiledAllowlist, CompiledRule, CompiledRules } from "./compile.js";
import { shannonEntropy } from "./entropy.js";
import { buildFindings, type Candidate } from "./finding.js";
import type { SecretScanOptions, SecretScanResult } from "./types.js";
import { VALIDATORS } from "./validators.js";
import { addHit, narrowed, windowsFor, type Window } from "./windows.js";

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
export const DEFAULT_MAX_FINDINGS_PER_FILE = 100;
const BINARY_SNIFF = 8192;
/** Candidates kept per rule and file: bounds the work on a file full of secrets. */
const MAX_CANDIDATES_PER_RULE = 1000;

export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF).includes(0);
}

/** How far an allowlist's "line" reaches on either side of a match: minified files put megabytes on one line. */
const LINE_REACH = 4096;

function lineAround(bytes: Uint8Array, start: number, end: number): string {
  let s = start;
  while (s > 0 && s > start - LINE_REACH && bytes[s - 1] !== 10) s--;
  let e = end;
  while (e < bytes.length && e < end + LINE_REACH && bytes[e] !== 10) e++;
  return Buffer.from(bytes.buffer, bytes.byteOffset + s, e - s).toString("utf8");
}

interface Subject {
  secret: string;
  match: string;
  line: () => string;
  path: string;
}

function allowedBy(a: CompiledAllowlist, x: Subject): boolean {
  const checks: boolean[] = [];
  if (a.paths.length > 0) checks.push(a.paths.some((p) => p.test(x.path)));
  if (a.regexes.length > 0) {
    const target = a.target === "secret" ? x.secret : a.target === "match" ? x.match : x.line();
    checks.push(a.regexes.some((r) => r.test(target)));
  }
  if (a.stopwords.length > 0) {
    const lower = x.secret.toLowerCase();
    checks.push(a.stopwords.some((w) => lower.includes(w)));
  }
  if (checks.length === 0) return false;
  return a.and ? checks.every(Boolean) : checks.some(Boolean);
}

/** Does this rule apply to the file at all (its path regex, its path-only allowlists)? */
function appliesTo(c: CompiledRule, path: string): boolean {
  if (c.path !== undefined && !c.path.test(path)) return false;
  return !c.pathAllowlists.some((a) => a.paths.some((p) => p.test(path)));
}

/** Adds the rule's candidates in the window to `out`, at most `budget`; returns how many. */
function matchWindow(c: CompiledRule, bytes: Uint8Array, window: Window, path: string, out: Candidate[], budget: number): number {
  const re = c.re;
  if (re === undefined || budget <= 0) return 0;
  let kept = 0;
  for (const w of narrowed(bytes, window, c.maxLength + c.keywordOffset, c.scope === "line", (input) => re.test(input))) {
    kept += matchPiece(c, re, bytes, w, path, out, budget - kept);
    if (kept >= budget) break;
  }
  return kept;
}

function matchPiece(c: CompiledRule, re: RE2JS, bytes: Uint8Array, w: Window, path: string, out: Candidate[], budget: number): number {
  const input = bytes.subarray(w.start, w.end);
  const m = re.matcher(input);
  const groups = m.groupCount();
  let kept = 0;
  while (m.find()) {
    const ms = m.start();
    const me = m.end();
    if (me === ms || (w.cutStart && ms === 0) || (w.cutEnd && me === input.length)) continue;
    let g = c.rule.secretGroup ?? 0;
    if (c.rule.secretGroup === undefined) {
      for (let i = 1; i <= groups; i++) {
        if (m.start(i) >= 0 && m.end(i) > m.start(i)) {
          g = i;
          break;
        }
      }
    }
    const secret = m.group(g);
    if (secret === null || secret === "") continue;
    if (c.rule.entropy !== undefined && shannonEntropy(secret) <= c.rule.entropy) continue;
    if (c.rule.validate !== undefined && !VALIDATORS[c.rule.validate](secret)) continue;
    const start = w.start + m.start(g);
    const end = w.start + m.end(g);
    const subject: Subject = {
      secret,
      match: m.group(0) ?? "",
      line: () => lineAround(bytes, w.start + ms, w.start + me),
      path,
    };
    if (c.allowlists.some((a) => allowedBy(a, subject))) continue;
    out.push({ rule: c, secret, start, end });
    if (++kept >= budget) break;
  }
  return kept;
}

/** Does any of `spans` (sorted by start, with running maximum ends) overlap [start, end)? */
function overlapsAny(starts: readonly number[], maxEnds: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && (maxEnds[lo - 1] as number) > start;
}

/** Same place found twice: the earlier rule wins; a generic rule yields to any specific one. */
function dedupe(cands: Candidate[]): Candidate[] {
  const specific = cands.filter((c) => c.rule.rule.generic !== true).sort((a, b) => a.start - b.start);
  const starts = specific.map((c) => c.start);
  const maxEnds: number[] = [];
  for (const c of specific) maxEnds.push(Math.max(c.end, maxEnds[maxEnds.length - 1] ?? -1));
  const kept = cands.filter((c) => c.rule.rule.generic !== true || !overlapsAny(starts, maxEnds, c.start, c.end));
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.order - b.rule.order);
  return kept.filter((c, i) => {
    const prev = kept[i - 1];
    return prev === undefined || prev.start !== c.start || prev.end !== c.end;
  });
}

function pathOnlyCandidates(compiled: CompiledRules, path: string): Candidate[] {
  const out: Candidate[] = [];
  for (const r of compiled.pathOnly) {
    const c = compiled.rules[r] as CompiledRule;
    if (appliesTo(c, path)) out.push({ rule: c, secret: "", start: -1, end: -1 });
  }
  return out;
}

/** Findings that the path alone gives (a key store file), for a file whose content is not read. */
export function scanPath(compiled: CompiledRules, path: string, opts: SecretScanOptions = {}): Finding[] {
  return buildFindings(pathOnlyCandidates(compiled, path), new Uint8Array(0), path, opts.scope ?? "secret");
}

export function scanBytes(compiled: CompiledRules, bytes: Uint8Array, path: string, opts: SecretScanOptions = {}): SecretScanResult {
  const warnings: string[] = [];
  const findingsOf = (cands: Candidate[]): Finding[] => {
    const max = opts.maxFindingsPerFile ?? DEFAULT_MAX_FINDINGS_PER_FILE;
    if (cands.length > max) warnings.push(`${path}: ${cands.length - max} more secret findings not reported (at most ${max} per file)`);
    return buildFindings(cands.slice(0, max), bytes, path, opts.scope ?? "secret");
  };

  const pathOnly = pathOnlyCandidates(compiled, path);
  const maxSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (bytes.length > maxSize) {
    warnings.push(`${path}: not scanned for secrets: ${bytes.length} bytes is over the ${maxSize}-byte limit`);
    return { findings: findingsOf(pathOnly), warnings };
  }
  if (opts.scanBinary !== true && looksBinary(bytes)) return { findings: findingsOf(pathOnly), warnings };

  // Per file, only the few rules that look at paths need a decision.
  let skip: Set<number> | undefined;
  for (const r of compiled.pathDependent) {
    if (!appliesTo(compiled.rules[r] as CompiledRule, path)) (skip ??= new Set()).add(r);
  }
  const clusters = new Map<number, number[]>();
  const lengths = compiled.keywords.lengths;
  compiled.keywords.scan(bytes, (k, end) => {
    const start = end - (lengths[k] as number);
    for (const r of compiled.rulesByKeyword[k] as number[]) {
      if (skip?.has(r) === true) continue;
      let cl = clusters.get(r);
      if (cl === undefined) clusters.set(r, (cl = []));
      addHit(cl, start, end);
    }
  });

  const cands: Candidate[] = [];
  const run = (r: number, windows: readonly Window[]): void => {
    const c = compiled.rules[r] as CompiledRule;
    let budget = MAX_CANDIDATES_PER_RULE;
    for (const w of windows) budget -= matchWindow(c, bytes, w, path, cands, budget);
  };
  for (const r of compiled.unfiltered) {
    const c = compiled.rules[r] as CompiledRule;
    if (skip?.has(r) !== true) run(r, windowsFor(bytes, [0, bytes.length], "file", c.maxLength, c.keywordOffset));
  }
  for (const [r, cl] of clusters) {
    const c = compiled.rules[r] as CompiledRule;
    run(r, windowsFor(bytes, cl, c.scope, c.maxLength, c.keywordOffset));
  }
  return { findings: findingsOf([...pathOnly, ...dedupe(cands)]), warnings };
}
