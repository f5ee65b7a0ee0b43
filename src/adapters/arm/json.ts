// ARM template JSON to the shared value tree, every node with its lines. Templates may carry `//`
// and `/* */` comments (Azure accepts them), so comments are blanked out first, keeping every
// newline, and the rest is read by the YAML parser (JSON is YAML) for its line positions.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { SourceRange } from "../../checks/types.js";
import { InputError } from "../../core/errors.js";
import type { IacNode } from "../../models/value.js";

/** Real templates nest a dozen levels; a file of ten thousand brackets is an attack on the parser. */
export const MAX_JSON_DEPTH = 128;

/** Blanks out comments outside strings (each comment character becomes a space; newlines stay). */
export function stripComments(text: string): string {
  if (!text.includes("/")) return text;
  const out: string[] = [];
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (inString) {
      out.push(c);
      if (c === "\\" && i + 1 < text.length) out.push(text[++i] as string);
      else if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') inString = true;
    if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") {
        out.push(text[i] === "\r" ? "\r" : " ");
        i++;
      }
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) out.push(text[i] === "\n" || text[i] === "\r" ? (text[i] as string) : " ");
      continue;
    }
    out.push(c);
    i++;
  }
  return out.join("");
}

/** The line (1-based) where brackets first nest deeper than `max`, if they do. */
function tooDeep(text: string, max: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return line;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

function rangeOf(node: Node, lc: LineCounter, fallback: SourceRange): SourceRange {
  const r = node.range;
  if (!r) return fallback;
  const start = lc.linePos(r[0]).line;
  const end = lc.linePos(Math.max(r[0], r[1] - 1)).line;
  return { startLine: start, endLine: Math.max(start, end) };
}

function toNode(node: unknown, lc: LineCounter, fallback: SourceRange): IacNode {
  if (isAlias(node)) return { t: "unknown", range: rangeOf(node, lc, fallback) };
  if (isMap(node)) {
    const range = rangeOf(node, lc, fallback);
    const entries = new Map<string, IacNode>();
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? pair.key.value : undefined;
      if (k === undefined || k === null || typeof k === "object") continue;
      const v = pair.value;
      entries.set(String(k), v === null || v === undefined ? { t: "prim", value: null, range } : toNode(v, lc, range));
    }
    return { t: "object", entries, range };
  }
  if (isSeq(node)) {
    const range = rangeOf(node, lc, fallback);
    return { t: "list", items: node.items.map((i) => (i === null ? { t: "prim", value: null, range } : toNode(i, lc, range))), range };
  }
  if (isScalar(node)) {
    const range = rangeOf(node, lc, fallback);
    const v = node.value;
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { t: "prim", value: v, range };
    return { t: "prim", value: String(v), range };
  }
  return { t: "unknown", range: fallback };
}

/** Reads one JSON document (comments allowed) into a value tree. Throws InputError naming path and line. */
export function readJson(text: string, path: string): IacNode {
  const plain = stripComments(text);
  const deep = tooDeep(plain, MAX_JSON_DEPTH);
  if (deep !== undefined) throw new InputError(`${path}:${deep}: JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
  const lc = new LineCounter();
  const doc = parseDocument(plain, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, strict: false });
  const err = doc.errors[0];
  if (err) throw new InputError(`${path}:${lc.linePos(err.pos[0]).line}: not valid JSON: ${err.message.split("\n")[0] ?? ""}`);
  const whole: SourceRange = { startLine: 1, endLine: Math.max(1, lc.lineStarts.length) };
  return toNode(doc.contents, lc, whole);
}
