// Inline suppression comments: `# mamori:ignore MAM-DF-001,MAM-DF-002 reason` (or after `//`) on a
// line, above a line or above a block; `# mamori:ignore-file[=ID,...] reason` at the top of a file.
// Peer tools' comments (suppress-peer.ts) become the same directives. Scanned files may be hostile,
// so the scan is a hand-written linear pass over each line: no regular expression ever runs over
// more than one short id token.
import type { SourceRange } from "../checks/types.js";
import type { Finding } from "./model.js";

export interface InlineDirective {
  /** 1-based line of the comment. */
  line: number;
  /** Upper-cased rule ids, or "*" for every rule. */
  ruleIds: string[] | "*";
  reason: string;
}

/** A comment that names mamori:ignore but cannot be understood: worth a warning, never a guess. */
export interface MalformedDirective {
  line: number;
  message: string;
}

/**
 * What a directive covers, whatever wrote it:
 * - `line`: findings on its own line (a trailing comment), else on the next code line below it and
 *   in any block that starts there (a comment above a resource);
 * - `next-line`: the same without the block;
 * - `enclosing`: the innermost block around the comment (Checkov's comment inside a resource), or
 *   the whole file when it is in none;
 * - `file`: the whole file.
 */
export type DirectiveScope = "line" | "next-line" | "enclosing" | "file";

export interface Directive {
  line: number;
  scope: DirectiveScope;
  reason: string;
  /** Who wrote it: `inline` for Mamori's own, else the peer tool (`checkov`, `trivy`, ...), named in the reason. */
  tool: string;
  /** An ISO date after which the directive no longer applies (Trivy's `:exp:`). */
  expires?: string;
  covers(f: Finding): boolean;
}

const KEYWORD = "mamori:ignore";
const FILE_KEYWORD = "mamori:ignore-file";
const MAX_ID_LENGTH = 64;
const MAX_IDS = 64;
// Enough for any honest reason; keeps a 1 MB comment out of every report format.
export const MAX_REASON_LENGTH = 500;
/** Mamori's ids and custom policies' (ACME-S3-001): upper-case words joined by dashes. */
const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
export const NO_REASON = "no reason given";

export function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v";
}

/** A comment-only line: what a directive placed above a line or block sits in. */
export function isCommentLine(line: string): boolean {
  let i = 0;
  while (isSpace(line[i])) i++;
  return line[i] === "#" || (line[i] === "/" && line[i + 1] === "/");
}

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpace(line[i])) return false;
  return true;
}

/**
 * Whether a comment marker (`#`, `//`, or a run of them, then optional spaces) introduces the keyword at `at`. The
 * marker must start the line or follow white space, so `http://mamori:ignore` is no comment.
 */
export function markerBefore(line: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(line[i])) i--;
  const marker = line[i];
  if (marker !== "#" && marker !== "/") return false;
  let start = i;
  while (line[start - 1] === marker) start--;
  if (marker === "/" && i - start < 1) return false;
  return start === 0 || isSpace(line[start - 1]);
}

/** Trims and bounds a reason. */
export function boundedReason(text: string): string {
  const reason = text.slice(0, MAX_REASON_LENGTH * 2).trim();
  return reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH)}…` : reason;
}

type ParsedComment = { ruleIds: string[] | "*"; reason: string } | { error: string };

/** Parses `ID[, ID]... reason words` from `from` on (after optional white space). */
function parseIds(line: string, from: number, keyword: string): ParsedComment {
  let i = from;
  const ids: string[] = [];
  for (;;) {
    while (isSpace(line[i])) i++;
    const start = i;
    while (i < line.length && !isSpace(line[i]) && line[i] !== ",") {
      i++;
      if (i - start > MAX_ID_LENGTH) return { error: `rule id too long after ${keyword}` };
    }
    const token = line.slice(start, i);
    if (token === "") return { error: `expected a rule id after ${keyword} (MAM-... or *)` };
    ids.push(token);
    if (ids.length > MAX_IDS) return { error: `more than ${MAX_IDS} rule ids after ${keyword}` };
    let j = i;
    while (isSpace(line[j])) j++;
    if (line[j] !== ",") break;
    i = j + 1;
  }
  const upper = ids.map((id) => id.toUpperCase());
  for (const [n, id] of upper.entries()) {
    if (id === "*" || id === "ALL") continue;
    if (!RULE_ID.test(id) || id.startsWith("AVD-")) {
      return { error: `unknown rule id "${ids[n]}" in ${keyword} (use Mamori or custom policy ids such as MAM-DF-001, or * for every rule; peer tools' comments count with --honor-peer-skips)` };
    }
  }
  const reason = boundedReason(line.slice(i, i + MAX_REASON_LENGTH * 2));
  const every = upper.some((id) => id === "*" || id === "ALL");
  return { ruleIds: every ? "*" : [...new Set(upper)], reason };
}

/** Parses what follows `mamori:ignore`: white space, then `ID[, ID]... reason words`. */
function parseBody(line: string, from: number): ParsedComment {
  if (from < line.length && !isSpace(line[from])) return { error: `expected a rule id after ${KEYWORD}` };
  return parseIds(line, from, KEYWORD);
}

/** Parses what follows `mamori:ignore-file`: `=ID,... reason`, or a reason alone for every rule. */
function parseFileBody(line: string, from: number): ParsedComment {
  if (line[from] === "=") return parseIds(line, from + 1, FILE_KEYWORD);
  if (from < line.length && !isSpace(line[from])) return { error: `expected = and rule ids, or white space, after ${FILE_KEYWORD}` };
  return { ruleIds: "*", reason: boundedReason(line.slice(from, from + MAX_REASON_LENGTH * 2)) };
}

/** Finds the first keyword on a line that a comment marker introduces. */
function scanLine(line: string, file: boolean): ParsedComment | undefined {
  const lower = line.toLowerCase();
  for (let at = lower.indexOf(KEYWORD); at !== -1; at = lower.indexOf(KEYWORD, at + KEYWORD.length)) {
    if (!markerBefore(line, at)) continue;
    const isFile = lower.startsWith(FILE_KEYWORD, at);
    if (isFile !== file) continue;
    return file ? parseFileBody(line, at + FILE_KEYWORD.length) : parseBody(line, at + KEYWORD.length);
  }
  return undefined;
}

/** All line directives in a file, together with the ones that could not be understood. */
export function scanInlineDirectives(lines: readonly string[]): {
  directives: InlineDirective[];
  malformed: MalformedDirective[];
} {
  const directives: InlineDirective[] = [];
  const malformed: MalformedDirective[] = [];
  lines.forEach((text, i) => {
    const parsed = scanLine(text, false);
    if (!parsed) return;
    if ("error" in parsed) malformed.push({ line: i + 1, message: parsed.error });
    else directives.push({ line: i + 1, ruleIds: parsed.ruleIds, reason: parsed.reason });
  });
  return { directives, malformed };
}

export function parseInlineDirectives(lines: readonly string[]): InlineDirective[] {
  return scanInlineDirectives(lines).directives;
}

/** The lines a file-level directive may sit in: the leading comments, blank lines and `---`. */
export function headerLength(lines: readonly string[]): number {
  let i = 0;
  while (i < lines.length) {
    const text = lines[i] ?? "";
    if (!isBlank(text) && !isCommentLine(text) && text.trim() !== "---") break;
    i++;
  }
  return i;
}

/** `mamori:ignore-file` directives in the file's header, and the malformed ones. */
export function scanFileDirectives(lines: readonly string[]): { directives: InlineDirective[]; malformed: MalformedDirective[] } {
  const directives: InlineDirective[] = [];
  const malformed: MalformedDirective[] = [];
  const end = headerLength(lines);
  for (let i = 0; i < end; i++) {
    const parsed = scanLine(lines[i] ?? "", true);
    if (!parsed) continue;
    if ("error" in parsed) malformed.push({ line: i + 1, message: parsed.error });
    else directives.push({ line: i + 1, ruleIds: parsed.ruleIds, reason: parsed.reason });
  }
  return { directives, malformed };
}

function covering(d: InlineDirective): (f: Finding) => boolean {
  if (d.ruleIds === "*") return () => true;
  const ids = new Set(d.ruleIds);
  return (f) => ids.has(f.ruleId.toUpperCase());
}

/** Mamori's own directives in a file, line and file-level, as Directives. */
export function mamoriDirectives(lines: readonly string[]): Directive[] {
  const toDirective = (d: InlineDirective, scope: DirectiveScope): Directive => ({ line: d.line, scope, reason: d.reason, tool: "inline", covers: covering(d) });
  return [
    ...parseInlineDirectives(lines).map((d) => toDirective(d, "line")),
    ...scanFileDirectives(lines).directives.map((d) => toDirective(d, "file")),
  ];
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

/** The innermost block around a line, if any. */
function enclosingBlock(blocks: readonly SourceRange[], line: number): SourceRange | undefined {
  let best: SourceRange | undefined;
  for (const b of blocks) {
    if (b.startLine > line || b.endLine < line) continue;
    if (!best || b.endLine - b.startLine < best.endLine - best.startLine) best = b;
  }
  return best;
}

/**
 * Marks the findings of one file that the directives cover (see DirectiveScope), narrow scopes
 * first, so a trailing comment wins over a comment above the enclosing block and both over a
 * file-level one. Findings already suppressed keep their suppression; expired directives apply to
 * nothing. Returns the directives that covered something.
 */
export function applyDirectives(
  findings: readonly Finding[],
  directives: readonly Directive[],
  lines: readonly string[],
  blocks: readonly SourceRange[],
  fileLabel: string,
  today: string = new Date().toISOString().slice(0, 10),
): Set<Directive> {
  const used = new Set<Directive>();
  const live = directives.filter((d) => d.expires === undefined || d.expires >= today).sort((a, b) => a.line - b.line);
  if (live.length === 0) return used;

  const placed = findings.filter((f) => f.location.startLine !== undefined);
  const sorted = [...placed].sort((a, b) => (a.location.startLine ?? 0) - (b.location.startLine ?? 0));
  const blocksByStart = new Map<number, SourceRange[]>();
  for (const b of blocks) {
    const list = blocksByStart.get(b.startLine) ?? [];
    list.push(b);
    blocksByStart.set(b.startLine, list);
  }

  const suppressRange = (d: Directive, start: number, end: number): void => {
    for (let i = firstIndexAtOrAfter(sorted, start); i < sorted.length; i++) {
      const f = sorted[i];
      if (!f || (f.location.startLine ?? 0) > end) break;
      if (f.suppressed || !d.covers(f)) continue;
      // Every comment is in the source (SARIF `inSource`); a peer's reason names the peer.
      const reason = d.reason || NO_REASON;
      f.suppressed = {
        reason: d.tool === "inline" ? reason : `${d.tool}: ${reason}`,
        source: `inline:${fileLabel}:${d.line}`,
        ...(d.expires !== undefined ? { expires: d.expires } : {}),
      };
      used.add(d);
    }
  };

  const lineScoped = live.filter((d) => d.scope === "line" || d.scope === "next-line");
  for (const d of lineScoped) suppressRange(d, d.line, d.line);
  // Directives come in line order, so a run of comment lines shares one target: remembering it
  // keeps a file of nothing but comments linear.
  let target: number | undefined = 0;
  for (const d of lineScoped) {
    if (!isCommentLine(lines[d.line - 1] ?? "")) continue;
    if (target !== undefined && d.line >= target) target = nextCodeLine(lines, d.line);
    if (target === undefined) break;
    suppressRange(d, target, target);
    if (d.scope === "line") for (const b of blocksByStart.get(target) ?? []) suppressRange(d, b.startLine, b.endLine);
  }
  for (const d of live) {
    if (d.scope !== "enclosing") continue;
    const b = enclosingBlock(blocks, d.line);
    suppressRange(d, b?.startLine ?? 1, b?.endLine ?? Number.MAX_SAFE_INTEGER);
  }
  for (const d of live) if (d.scope === "file") suppressRange(d, 1, Number.MAX_SAFE_INTEGER);
  return used;
}

/**
 * Marks the findings of one file that Mamori's own comments cover: a finding starting on the
 * directive's own line (a trailing comment), or on the first code line below a comment-only
 * directive, or anywhere inside a block that starts on that code line; and every finding a
 * `mamori:ignore-file` at the top of the file names. Returns the line directives that covered
 * nothing, so the CLI can warn.
 */
export function applyInlineSuppressions(
  findings: Finding[],
  lines: readonly string[],
  blocks: readonly SourceRange[],
  fileLabel: string,
): InlineDirective[] {
  const inline = parseInlineDirectives(lines);
  const fileLevel = scanFileDirectives(lines).directives;
  if (inline.length === 0 && fileLevel.length === 0) return [];
  const byDirective = new Map<Directive, InlineDirective>();
  const all: Directive[] = [];
  for (const [list, scope] of [[inline, "line"], [fileLevel, "file"]] as const) {
    for (const d of list) {
      const directive: Directive = { line: d.line, scope, reason: d.reason, tool: "inline", covers: covering(d) };
      byDirective.set(directive, d);
      all.push(directive);
    }
  }
  const used = new Set([...applyDirectives(findings, all, lines, blocks, fileLabel)].map((u) => byDirective.get(u)));
  return inline.filter((d) => !used.has(d));
}
