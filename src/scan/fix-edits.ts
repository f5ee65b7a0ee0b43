// The edits a check may give (FixEdit, checks/types.ts), planned against a file's lines. Each edit
// first checks that the text is exactly as it expects; anything else (a second occurrence, a flow
// mapping, a value written another way) refuses the edit rather than guess.
import type { FixEdit } from "../checks/types.js";

/** Replace `deleteCount` lines from 0-based `start` with `insert`. */
export interface LineSplice {
  start: number;
  deleteCount: number;
  insert: string[];
}

export type Planned = { splice: LineSplice } | { refused: string };

const WORD_EDGE = " \t,{}[]()#;&|\"'";

function indentOf(line: string): number {
  let i = 0;
  while (line[i] === " ") i++;
  return i;
}

function isBlankOrComment(line: string): boolean {
  const t = line.trim();
  return t === "" || t.startsWith("#");
}

/** `key: from` / `key = from` (from optionally quoted) once on the line → the line with `to`. */
function setValue(lines: readonly string[], e: Extract<FixEdit, { kind: "set-value" }>): Planned {
  const text = lines[e.line - 1];
  if (text === undefined) return { refused: `line ${e.line} is not in the file` };
  const hits: { valueStart: number; valueEnd: number }[] = [];
  for (const key of e.keys) hits.push(...valueHits(text, key, e.from));
  if (hits.length !== 1) return { refused: `${hits.length === 0 ? "no" : "more than one"} "${e.keys.join("/")}" set to ${e.from} on line ${e.line}` };
  const h = hits[0] as { valueStart: number; valueEnd: number };
  return { splice: { start: e.line - 1, deleteCount: 1, insert: [`${text.slice(0, h.valueStart)}${e.to}${text.slice(h.valueEnd)}`] } };
}

/** Where `key: from` / `key = from` (the value optionally quoted) occurs on a line. */
function valueHits(text: string, key: string, from: string): { valueStart: number; valueEnd: number }[] {
  const hits: { valueStart: number; valueEnd: number }[] = [];
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
    if (at > 0 && !WORD_EDGE.includes(text[at - 1] as string)) continue;
    let i = at + key.length;
    if (text[i] === '"' || text[i] === "'") i++;
    while (text[i] === " " || text[i] === "\t") i++;
    if (text[i] !== ":" && text[i] !== "=") continue;
    i++;
    while (text[i] === " " || text[i] === "\t") i++;
    const quote: string = text[i] === '"' || text[i] === "'" ? (text[i] as string) : "";
    const start: number = i + quote.length;
    if (text.slice(start, start + from.length) !== from) continue;
    const end = start + from.length;
    if (quote !== "" && text[end] !== quote) continue;
    const after = text[end + quote.length];
    if (after !== undefined && !WORD_EDGE.includes(after)) continue;
    hits.push({ valueStart: start, valueEnd: end });
  }
  return hits;
}

/** `resource "aws_ebs_volume" "data" {`: an identifier, quoted labels, and the opening brace last. */
function isHclBlockHeader(line: string): boolean {
  const t = line.trim();
  if (!t.endsWith("{")) return false;
  let i = 0;
  while (i < t.length && /[A-Za-z0-9_-]/.test(t[i] as string)) i++;
  if (i === 0) return false;
  for (;;) {
    while (t[i] === " " || t[i] === "\t") i++;
    if (t[i] !== '"') break;
    const close = t.indexOf('"', i + 1);
    if (close === -1) return false;
    i = close + 1;
  }
  return i === t.length - 1;
}

function hclAddAttribute(lines: readonly string[], e: Extract<FixEdit, { kind: "hcl-add-attribute" }>): Planned {
  const open = lines[e.block.startLine - 1];
  const close = lines[e.block.endLine - 1];
  if (open === undefined || close === undefined || e.block.endLine <= e.block.startLine) return { refused: "the block is not in the file" };
  if (!isHclBlockHeader(open) || close.trim() !== "}") return { refused: "not an HCL block that opens and closes on lines of its own" };
  let indent: string | undefined;
  for (let i = e.block.startLine; i < e.block.endLine - 1; i++) {
    const line = lines[i] as string;
    const t = line.trim();
    if (t.startsWith(e.key) && /^\s*=/.test(t.slice(e.key.length))) return { refused: `the block already sets ${e.key}` };
    if (indent === undefined && !isBlankOrComment(line)) indent = line.slice(0, line.length - line.trimStart().length);
  }
  indent ??= `${close.slice(0, close.length - close.trimStart().length)}  `;
  return { splice: { start: e.block.endLine - 1, deleteCount: 0, insert: [`${indent}${e.key} = ${e.value}`] } };
}

/** The key of a block-mapping entry line (`  - name: x`, `  key:`): its column, key and value text. */
function yamlEntry(line: string): { column: number; key: string; value: string; dash: boolean } | undefined {
  let i = indentOf(line);
  let dash = false;
  if (line[i] === "-" && line[i + 1] === " ") {
    dash = true;
    i += 2;
    while (line[i] === " ") i++;
  }
  const column = i;
  let j = i;
  while (j < line.length && line[j] !== ":" && line[j] !== " " && line[j] !== "#" && line[j] !== "{" && line[j] !== "[") j++;
  if (line[j] !== ":" || j === i || (line[j + 1] !== undefined && line[j + 1] !== " ")) return undefined;
  let value = line.slice(j + 1).trim();
  if (value.startsWith("#")) value = "";
  return { column, key: line.slice(i, j), value, dash };
}

/** A value that is complete on its own line: a plain scalar or a closed quoted string. */
function isInlineScalar(value: string): boolean {
  if (value === "" || "|>{[&*!%@`".includes(value[0] as string)) return false;
  if (value[0] === '"' || value[0] === "'") return value.indexOf(value[0], 1) > 0;
  return true;
}

/** The mapping keys at `column` from 0-based line `from` on, until the mapping ends. */
function keysAtColumn(lines: readonly string[], from: number, column: number): string[] {
  const keys: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isBlankOrComment(line)) continue;
    const ind = indentOf(line);
    if (ind < column || line.trim() === "---") break;
    if (ind === column) {
      if (line[ind] === "-") break;
      const entry = yamlEntry(line);
      if (entry) keys.push(entry.key);
    }
  }
  return keys;
}

function nextCode(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) if (!isBlankOrComment(lines[i] as string)) return i;
  return undefined;
}

function nested(path: readonly string[], value: string, column: number): string[] {
  return path.map((k, i) => `${" ".repeat(column + 2 * i)}${k}:${i === path.length - 1 ? ` ${value}` : ""}`);
}

function yamlAddEntry(lines: readonly string[], e: Extract<FixEdit, { kind: "yaml-add-entry" }>): Planned {
  const text = lines[e.line - 1];
  const entry = text === undefined || text.includes("\t") ? undefined : yamlEntry(text);
  if (!entry || e.path.length === 0) return { refused: `line ${e.line} is not a YAML mapping entry` };
  const next = nextCode(lines, e.line);
  const nextLine = next === undefined ? undefined : (lines[next] as string);
  if (e.at === "child") {
    if (entry.value !== "") return { refused: `${entry.key} on line ${e.line} is not a block mapping` };
    let column = entry.column + 2;
    if (nextLine !== undefined && indentOf(nextLine) > entry.column) {
      if (nextLine.trimStart().startsWith("- ")) return { refused: `${entry.key} on line ${e.line} holds a list` };
      column = indentOf(nextLine);
    }
    if (keysAtColumn(lines, e.line, column).includes(e.path[0] as string)) return { refused: `${entry.key} already has ${e.path[0]}` };
    return { splice: { start: e.line, deleteCount: 0, insert: nested(e.path, e.value, column) } };
  }
  if (!isInlineScalar(entry.value)) return { refused: `the entry on line ${e.line} does not fit on its line` };
  if (nextLine !== undefined && indentOf(nextLine) > entry.column) return { refused: `the entry on line ${e.line} continues below it` };
  if (!entry.dash) return { refused: `line ${e.line} does not start a mapping` };
  if (keysAtColumn(lines, e.line, entry.column).includes(e.path[0] as string)) return { refused: `the mapping already has ${e.path[0]}` };
  return { splice: { start: e.line, deleteCount: 0, insert: nested(e.path, e.value, entry.column) } };
}

const SHELL_EDGE = " \t;&|()\\";

function insertAfter(lines: readonly string[], e: Extract<FixEdit, { kind: "insert-after" }>): Planned {
  const hits: { line: number; end: number }[] = [];
  for (let l = e.range.startLine; l <= e.range.endLine; l++) {
    const text = lines[l - 1];
    if (text === undefined) return { refused: "the range is not in the file" };
    for (let at = text.indexOf(e.anchor); at !== -1; at = text.indexOf(e.anchor, at + 1)) {
      const before = at === 0 ? " " : (text[at - 1] as string);
      const after = text[at + e.anchor.length] ?? " ";
      if (SHELL_EDGE.includes(before) && SHELL_EDGE.includes(after)) hits.push({ line: l, end: at + e.anchor.length });
    }
  }
  if (hits.length !== 1) return { refused: `"${e.anchor}" occurs ${hits.length === 0 ? "nowhere" : "more than once"} in lines ${e.range.startLine}-${e.range.endLine}` };
  const h = hits[0] as { line: number; end: number };
  const text = lines[h.line - 1] as string;
  return { splice: { start: h.line - 1, deleteCount: 1, insert: [`${text.slice(0, h.end)}${e.text}${text.slice(h.end)}`] } };
}

export function planEdit(lines: readonly string[], e: FixEdit): Planned {
  switch (e.kind) {
    case "set-value":
      return setValue(lines, e);
    case "hcl-add-attribute":
      return hclAddAttribute(lines, e);
    case "yaml-add-entry":
      return yamlAddEntry(lines, e);
    case "insert-after":
      return insertAfter(lines, e);
  }
}

/** The lines a splice occupies, for overlap tests: an insertion occupies the line it goes before. */
export function spanOf(s: LineSplice): [number, number] {
  return [s.start, s.start + Math.max(s.deleteCount, 1) - 1];
}

/** Applies splices that do not overlap, last first, so earlier line numbers stay valid. */
export function applySplices(lines: readonly string[], splices: readonly LineSplice[]): string[] {
  const out = [...lines];
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out.splice(s.start, s.deleteCount, ...s.insert);
  return out;
}
