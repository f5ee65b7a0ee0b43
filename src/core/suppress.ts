// Inline suppression comments: `# mamori:ignore MAM-DF-001,MAM-DF-002 reason` or the same after `//`.
// Scanned files may be hostile, so the scan is a hand-written linear pass over each line: no
// regular expression ever runs over more than one short id token.
import type { SourceRange } from "../checks/types.js";
import type { Finding } from "./model.js";

export interface InlineDirective {
  /** 1-based line of the comment. */
  line: number;
  /** Upper-cased Mamori rule ids, or "*" for every rule. */
  ruleIds: string[] | "*";
  reason: string;
}

/** A comment that names mamori:ignore but cannot be understood: worth a warning, never a guess. */
export interface MalformedDirective {
  line: number;
  message: string;
}

const KEYWORD = "mamori:ignore";
const MAX_ID_LENGTH = 64;
const MAX_IDS = 64;
// Enough for any honest reason; keeps a 1 MB comment out of every report format.
const MAX_REASON_LENGTH = 500;
const MAMORI_ID = /^MAM(-[A-Z0-9]+)+$/;
export const NO_REASON = "no reason given";

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v";
}

/** A comment-only line: what a directive placed above a line or block sits in. */
function isCommentLine(line: string): boolean {
  let i = 0;
  while (isSpace(line[i])) i++;
  return line[i] === "#" || (line[i] === "/" && line[i + 1] === "/");
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpace(line[i])) return false;
  return true;
}

/**
 * Whether a comment marker (`#`, `//`, or a run of them, then optional spaces) introduces the keyword at `at`. The
 * marker must start the line or follow white space, so `http://mamori:ignore` is no comment.
 */
function markerBefore(line: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(line[i])) i--;
  const marker = line[i];
  if (marker !== "#" && marker !== "/") return false;
  let start = i;
  while (line[start - 1] === marker) start--;
  if (marker === "/" && i - start < 1) return false;
  return start === 0 || isSpace(line[start - 1]);
}

type ParsedComment = { ruleIds: string[] | "*"; reason: string } | { error: string };

/** Parses what follows the keyword: `ID[, ID]... reason words`. */
function parseBody(line: string, from: number): ParsedComment {
  let i = from;
  if (i < line.length && !isSpace(line[i])) return { error: `expected a rule id after ${KEYWORD}` };
  const ids: string[] = [];
  for (;;) {
    while (isSpace(line[i])) i++;
    const start = i;
    while (i < line.length && !isSpace(line[i]) && line[i] !== ",") {
      i++;
      if (i - start > MAX_ID_LENGTH) return { error: `rule id too long after ${KEYWORD}` };
    }
    const token = line.slice(start, i);
    if (token === "") return { error: `expected a rule id after ${KEYWORD} (MAM-... or *)` };
    ids.push(token);
    if (ids.length > MAX_IDS) return { error: `more than ${MAX_IDS} rule ids after ${KEYWORD}` };
    let j = i;
    while (isSpace(line[j])) j++;
    if (line[j] !== ",") break;
    i = j + 1;
  }
  const upper = ids.map((id) => id.toUpperCase());
  for (const id of upper) {
    if (id !== "*" && id !== "ALL" && !MAMORI_ID.test(id)) {
      return { error: `unknown rule id "${ids[upper.indexOf(id)]}" in ${KEYWORD} (use MAM-... ids, or * for every rule)` };
    }
  }
  let reason = line.slice(i, i + MAX_REASON_LENGTH + 1).trim();
  if (reason.length > MAX_REASON_LENGTH) reason = `${reason.slice(0, MAX_REASON_LENGTH)}…`;
  const every = upper.some((id) => id === "*" || id === "ALL");
  return { ruleIds: every ? "*" : [...new Set(upper)], reason };
}

/** Finds the directive on one line, if any: the first keyword that a comment marker introduces. */
function scanLine(line: string): ParsedComment | undefined {
  const lower = line.toLowerCase();
  for (let at = lower.indexOf(KEYWORD); at !== -1; at = lower.indexOf(KEYWORD, at + KEYWORD.length)) {
    if (markerBefore(line, at)) return parseBody(line, at + KEYWORD.length);
  }
  return undefined;
}

/** All directives in a file, together with the ones that could not be understood. */
export function scanInlineDirectives(lines: readonly string[]): {
  directives: InlineDirective[];
  malformed: MalformedDirective[];
} {
  const directives: InlineDirective[] = [];
  const malformed: MalformedDirective[] = [];
  lines.forEach((text, i) => {
    const parsed = scanLine(text);
    if (!parsed) return;
    if ("error" in parsed) malformed.push({ line: i + 1, message: parsed.error });
    else directives.push({ line: i + 1, ruleIds: parsed.ruleIds, reason: parsed.reason });
  });
  return { directives, malformed };
}

export function parseInlineDirectives(lines: readonly string[]): InlineDirective[] {
  return scanInlineDirectives(lines).directives;
}

function covers(d: InlineDirective, ruleId: string): boolean {
  return d.ruleIds === "*" || d.ruleIds.includes(ruleId.toUpperCase());
}

/** The first line after `line` that is neither blank nor a comment, if any. */
function nextCodeLine(lines: readonly string[], line: number): number | undefined {
  for (let i = line; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (!isBlank(text) && !isCommentLine(text)) return i + 1;
  }
  return undefined;
}

function firstIndexAtOrAfter(sorted: readonly Finding[], line: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.location.startLine ?? 0) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Marks the findings of one file that an inline directive covers: a finding starting on the
 * directive's own line (a trailing comment), or on the first code line below a comment-only
 * directive, or anywhere inside a block that starts on that code line. Findings already suppressed
 * keep their suppression. Returns the directives that covered nothing, so the CLI can warn.
 */
export function applyInlineSuppressions(
  findings: Finding[],
  lines: readonly string[],
  blocks: readonly SourceRange[],
  fileLabel: string,
): InlineDirective[] {
  const directives = parseInlineDirectives(lines);
  if (directives.length === 0) return [];

  const placed = findings.filter((f) => f.location.startLine !== undefined);
  const sorted = [...placed].sort((a, b) => (a.location.startLine ?? 0) - (b.location.startLine ?? 0));
  const blocksByStart = new Map<number, SourceRange[]>();
  for (const b of blocks) {
    const list = blocksByStart.get(b.startLine) ?? [];
    list.push(b);
    blocksByStart.set(b.startLine, list);
  }

  const used = new Set<InlineDirective>();
  const suppressRange = (d: InlineDirective, start: number, end: number): void => {
    for (let i = firstIndexAtOrAfter(sorted, start); i < sorted.length; i++) {
      const f = sorted[i];
      if (!f || (f.location.startLine ?? 0) > end) break;
      if (f.suppressed || !covers(d, f.ruleId)) continue;
      f.suppressed = { reason: d.reason || NO_REASON, source: `inline:${fileLabel}:${d.line}` };
      used.add(d);
    }
  };

  // Narrow scopes first, so a trailing comment wins over a comment above the enclosing block.
  for (const d of directives) suppressRange(d, d.line, d.line);
  // Directives come in line order, so a run of comment lines shares one target: remembering it
  // keeps a file of nothing but comments linear.
  let target: number | undefined = 0;
  for (const d of directives) {
    if (!isCommentLine(lines[d.line - 1] ?? "")) continue;
    if (target !== undefined && d.line >= target) target = nextCodeLine(lines, d.line);
    if (target === undefined) break;
    suppressRange(d, target, target);
    for (const b of blocksByStart.get(target) ?? []) suppressRange(d, b.startLine, b.endLine);
  }
  return directives.filter((d) => !used.has(d));
}
