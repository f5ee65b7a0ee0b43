// `scan iac --fix`: the reported findings whose check gives mechanical edits (Violation.edits) are
// fixed in the text of their file. Each file is read once; its findings are found again in that
// text (same checks, same fingerprints), so only what was reported, unsuppressed, is changed.
// Edits are applied in rounds: each round re-parses the text and applies the edits that do not
// overlap, so two fixes adding to the same spot (a securityContext both need) meet in the next
// round. `diff` changes nothing; `write` replaces a file atomically, and only if it still holds
// the text that was read.
import { basename, relative, resolve, sep } from "node:path";
import { realpathSync, statSync } from "node:fs";
import picomatch from "picomatch";
import { adapterForFormat, adapterForText } from "../adapters/index.js";
import type { Adapter } from "../adapters/types.js";
import { CheckSet, toFindings, type RawResult } from "../checks/engine.js";
import type { Check, ExampleFormat, FixEdit } from "../checks/types.js";
import type { Finding } from "../core/model.js";
import { applySplices, planEdit, spanOf, type LineSplice } from "./fix-edits.js";
import { readForFix, writeIfUnchanged, type FixFile } from "./fix-file.js";
import { unifiedDiff } from "./fix-diff.js";

export type FixMode = "diff" | "write";

export interface FixOptions {
  mode: FixMode;
  cwd: string;
  /** The scan target as the user named it (a file or directory; not "-"). */
  target: string;
  /** The reported findings: the unsuppressed ones are candidates. */
  findings: readonly Finding[];
  /** The checks the scan ran: built-ins and policies (skipChecks is applied here). */
  checks: readonly Check[];
  /** Rule ids or globs of checks the scan did not run. */
  skipChecks?: readonly string[];
  inputFormat?: ExampleFormat;
  maxFileSize?: number;
}

export interface FileOutcome {
  path: string;
  /** Findings of this file that were fixed. */
  fixed: number;
  /** Reported findings of this file that no mechanical edit fixed. */
  unfixed: number;
  /** Why the file was left alone, if it was (changed since it was read, not parseable, ...). */
  skipped?: string;
  written: boolean;
}

export interface FixOutcome {
  diff: string;
  files: FileOutcome[];
  fixed: number;
  unfixed: number;
}

const MAX_ROUNDS = 8;

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

function keyOf(ruleId: string, line: number | undefined, message: string | undefined): string {
  return `${ruleId}\u0000${line ?? 0}\u0000${message ?? ""}`;
}

interface Evaluated {
  ids: Set<string>;
  /** Edits by finding id, for findings whose violation has them. */
  edits: Map<string, readonly FixEdit[]>;
}

function evaluate(text: string, lines: readonly string[], adapter: Adapter, checks: CheckSet, displayPath: string, rootPath: string): Evaluated {
  const parsed = adapter.parse(text, displayPath);
  // Resources of other files (a module's) are not this file's to edit.
  const raw = checks.run(parsed.models.filter((m) => m.file === undefined), rootPath);
  const findings = toFindings(raw, { scope: "iac", displayPath, rootPath, lines });
  const byKey = new Map<string, RawResult>();
  for (const r of raw) byKey.set(keyOf(r.check.id, r.violation.range.startLine, r.violation.message), r);
  const edits = new Map<string, readonly FixEdit[]>();
  for (const f of findings) {
    const e = byKey.get(keyOf(f.ruleId, f.location.startLine, f.message))?.violation.edits;
    if (e && e.length > 0) edits.set(f.id, e);
  }
  return { ids: new Set(findings.map((f) => f.id)), edits };
}

/** One round: the edits of wanted findings, all of a finding's or none, none overlapping another. */
function round(lines: string[], wanted: ReadonlySet<string>, ev: Evaluated): string[] | undefined {
  const taken: [number, number][] = [];
  const splices: LineSplice[] = [];
  for (const [id, edits] of ev.edits) {
    if (!wanted.has(id)) continue;
    const planned = edits.map((e) => planEdit(lines, e));
    if (planned.some((p) => "refused" in p)) continue;
    const mine = planned.map((p) => (p as { splice: LineSplice }).splice);
    const spans = mine.map(spanOf);
    const overlaps = (a: [number, number], b: [number, number]): boolean => a[0] <= b[1] && b[0] <= a[1];
    if (spans.some((s) => taken.some((t) => overlaps(s, t))) || spans.some((s, i) => spans.some((o, j) => i !== j && overlaps(s, o)))) continue;
    taken.push(...spans);
    splices.push(...mine);
  }
  return splices.length > 0 ? applySplices(lines, splices) : undefined;
}

interface Located {
  displayPath: string;
  abs: string;
  rootPath: string;
}

/** Where the scan found a file, and the path it fingerprinted it under (as scan/iac.ts does). */
function locate(o: FixOptions, displayPath: string): Located {
  const targetAbs = resolve(o.cwd, o.target);
  const abs = resolve(o.cwd, displayPath);
  let single = false;
  try {
    single = statSync(targetAbs).isFile();
  } catch {
    single = false;
  }
  const rootPath = single ? basename(realpathSync(targetAbs)) : toPosix(relative(targetAbs, abs));
  return { displayPath, abs, rootPath };
}

function adapterFor(o: FixOptions, rootPath: string, text: string): Adapter | undefined {
  return (o.inputFormat ? adapterForFormat(o.inputFormat) : undefined) ?? adapterForText(rootPath, text);
}

export interface TextFix {
  lines: string[];
  /** The wanted findings that are gone after the edits. */
  fixed: string[];
}

/**
 * Fixes the wanted findings (by id; all of them when `wanted` is undefined) in one file's lines.
 * Throws when the adapter cannot parse the text, before or after an edit.
 */
export function fixLines(
  lines: readonly string[],
  o: { adapter: Adapter; checks: CheckSet; displayPath: string; rootPath: string; wanted?: ReadonlySet<string> },
): TextFix {
  let current = [...lines];
  let ev = evaluate(current.join("\n"), current, o.adapter, o.checks, o.displayPath, o.rootPath);
  // Only what this text shows can be fixed in it: a finding that needs the rest of the project to
  // be seen (a variable's default in another file) is not reproduced here, and is not counted.
  const wanted = new Set([...(o.wanted ?? ev.ids)].filter((id) => ev.ids.has(id)));
  if (![...wanted].some((id) => ev.edits.has(id))) return { lines: current, fixed: [] };
  for (let i = 0; i < MAX_ROUNDS; i++) {
    const next = round(current, wanted, ev);
    if (!next) break;
    current = next;
    ev = evaluate(current.join("\n"), current, o.adapter, o.checks, o.displayPath, o.rootPath);
  }
  return { lines: current, fixed: [...wanted].filter((id) => !ev.ids.has(id)) };
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

async function fixFile(o: FixOptions, at: Located, wanted: ReadonlySet<string>, checks: CheckSet, diffs: string[]): Promise<FileOutcome> {
  const outcome = (fixed: number, skipped?: string, written = false): FileOutcome => ({
    path: at.displayPath,
    fixed,
    unfixed: wanted.size - fixed,
    written,
    ...(skipped !== undefined ? { skipped } : {}),
  });
  let file: FixFile;
  try {
    file = await readForFix(at.abs, o.maxFileSize);
  } catch (e) {
    return outcome(0, (e as Error).message);
  }
  const adapter = adapterFor(o, at.rootPath, file.text);
  if (!adapter) return outcome(0, "no adapter reads it");
  let result: TextFix;
  try {
    result = fixLines(file.lines, { adapter, checks, displayPath: at.displayPath, rootPath: at.rootPath, wanted });
  } catch (e) {
    return outcome(0, `not fixed: the text would not parse: ${(e as Error).message}`);
  }
  if (result.fixed.length === 0 || sameLines(result.lines, file.lines)) return outcome(0);
  diffs.push(unifiedDiff(file.lines, result.lines, at.displayPath));
  if (o.mode !== "write") return outcome(result.fixed.length);
  const problem = await writeIfUnchanged(file, result.lines);
  return problem ? outcome(0, problem) : outcome(result.fixed.length, undefined, true);
}

/** Fixes what can be fixed; in `diff` mode nothing is written. */
export async function fixFindings(o: FixOptions): Promise<FixOutcome> {
  const skipped = o.skipChecks && o.skipChecks.length > 0 ? picomatch([...o.skipChecks]) : undefined;
  const set = new CheckSet(skipped ? o.checks.filter((c) => !skipped(c.id)) : o.checks);
  const byPath = new Map<string, Set<string>>();
  for (const f of o.findings) {
    if (f.suppressed || f.location.path === undefined || f.location.startLine === undefined || f.kind !== "misconfiguration") continue;
    const ids = byPath.get(f.location.path) ?? new Set<string>();
    ids.add(f.id);
    byPath.set(f.location.path, ids);
  }
  const diffs: string[] = [];
  const files: FileOutcome[] = [];
  for (const [path, wanted] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    files.push(await fixFile(o, locate(o, path), wanted, set, diffs));
  }
  return {
    diff: diffs.join(""),
    files,
    fixed: files.reduce((n, f) => n + f.fixed, 0),
    unfixed: files.reduce((n, f) => n + f.unfixed, 0),
  };
}

/** What --fix did, in a few lines for stderr. */
export function describeFixes(o: FixOutcome, mode: FixMode): string[] {
  const lines: string[] = [];
  for (const f of o.files) if (f.skipped !== undefined) lines.push(`fix: ${f.path}: ${f.skipped}`);
  const files = o.files.filter((f) => f.fixed > 0 && (mode === "diff" || f.written)).length;
  const verb = mode === "write" ? "fixed" : "can fix";
  lines.push(`fix: ${verb} ${o.fixed} finding(s) in ${files} file(s); ${o.unfixed} have no mechanical fix${mode === "diff" && o.fixed > 0 ? " (nothing was changed: --fix=write applies the diff)" : ""}`);
  return lines;
}
