// YAML or JSON text to a small tree with line ranges, read within bounds: the CloudFormation and
// the plan JSON adapters both start here. Short-form tags (`!Ref`) are kept on their node;
// aliases are expanded, a bounded number of times, so a "billion laughs" file is refused early.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";

export type RawScalar = string | number | boolean | null;

export type Raw =
  | { k: "scalar"; value: RawScalar; tag?: string; range: SourceRange }
  | { k: "seq"; items: Raw[]; tag?: string; range: SourceRange }
  | { k: "map"; entries: RawEntry[]; tag?: string; range: SourceRange };

export interface RawEntry {
  key: string;
  value: Raw;
  /** From the key to the end of its value. */
  range: SourceRange;
}

export interface TreeLimits {
  /** Values the whole document may hold once aliases are expanded. */
  maxNodes: number;
}

/** Aliases a document may follow: real templates use a handful; a "billion laughs" file needs millions. */
export const MAX_ALIAS_COUNT = 100;
/** Nesting deeper than this is refused: real templates and plans stay under 40. */
export const MAX_DEPTH = 128;

/** The line of the first flow bracket nested deeper than `max`, found without parsing (the parser recurses). */
export function tooDeepAt(text: string, max: number): number | undefined {
  let depth = 0;
  let line = 1;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      line++;
      quote = "";
    } else if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") {
      if (++depth > max) return line;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return undefined;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
}

class Converter {
  private nodes = 0;
  private aliases = 0;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lc: LineCounter,
    private readonly path: string,
    private readonly limits: TreeLimits,
  ) {}

  range(node: Node | null | undefined, fallback: SourceRange): SourceRange {
    const r = node?.range;
    if (!r) return fallback;
    const start = this.lc.linePos(r[0]);
    let end = this.lc.linePos(Math.max(r[0], r[1]));
    // A block node's range runs up to the start of the line after it.
    if (end.col === 1 && end.line > start.line) end = this.lc.linePos(Math.max(r[0], r[1] - 1));
    return { startLine: start.line, endLine: Math.max(start.line, end.line) };
  }

  private fail(at: SourceRange, what: string): never {
    throw new InputError(`${this.path}:${at.startLine}: ${what}`);
  }

  convert(input: unknown, fallback: SourceRange, depth: number): Raw {
    let node = input;
    while (isAlias(node)) {
      if (++this.aliases > MAX_ALIAS_COUNT) this.fail(this.range(node, fallback), `more than ${MAX_ALIAS_COUNT} YAML aliases: refused (alias expansion bomb?)`);
      node = node.resolve(this.doc);
    }
    const n = node as Node | null | undefined;
    const range = this.range(n, fallback);
    if (++this.nodes > this.limits.maxNodes) this.fail(range, `more than ${this.limits.maxNodes} values: too large to scan`);
    if (depth > MAX_DEPTH) this.fail(range, `nested deeper than ${MAX_DEPTH} levels: refused`);
    const tag = n?.tag !== undefined && n.tag.startsWith("!") && !n.tag.startsWith("!!") ? { tag: n.tag } : {};
    if (isMap(n)) {
      const entries: RawEntry[] = [];
      for (const pair of n.items) {
        const key = this.convert(pair.key, range, depth + 1);
        if (key.k !== "scalar" || key.value === null) continue;
        const value = this.convert(pair.value, key.range, depth + 1);
        entries.push({ key: String(key.value), value, range: { startLine: key.range.startLine, endLine: Math.max(key.range.startLine, value.range.endLine) } });
      }
      return { k: "map", entries, range, ...tag };
    }
    if (isSeq(n)) return { k: "seq", items: n.items.map((i) => this.convert(i, range, depth + 1)), range, ...tag };
    if (isScalar(n)) {
      const v = n.value;
      const value: RawScalar = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : v === null || v === undefined ? null : String(v);
      return { k: "scalar", value, range, ...tag };
    }
    return { k: "scalar", value: null, range, ...tag };
  }
}

/** Parses one YAML or JSON document. Throws InputError naming `path` and the line for input it cannot read. */
export function readTree(text: string, path: string, limits: TreeLimits): Raw {
  const deep = tooDeepAt(text, MAX_DEPTH);
  if (deep !== undefined) throw new InputError(`${path}:${deep}: nested deeper than ${MAX_DEPTH} levels: refused`);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0].line ?? lc.linePos(err.pos[0]).line;
    throw new InputError(`${path}:${line}: invalid YAML or JSON: ${firstLine(err.message)}`);
  }
  return new Converter(doc, lc, path, limits).convert(doc.contents, { startLine: 1, endLine: 1 }, 0);
}

/** A tree from an already parsed JSON value: every node gets `range` (a plan printed on one line has no other). */
export function treeOfJson(v: unknown, range: SourceRange): Raw {
  if (Array.isArray(v)) return { k: "seq", items: v.map((x) => treeOfJson(x, range)), range };
  if (v !== null && typeof v === "object") {
    return { k: "map", entries: Object.entries(v).map(([key, x]) => ({ key, value: treeOfJson(x, range), range })), range };
  }
  return { k: "scalar", value: typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null, range };
}

/** The value of `key` in a map node. */
export function get(n: Raw | undefined, key: string): Raw | undefined {
  return n?.k === "map" ? n.entries.find((e) => e.key === key)?.value : undefined;
}

/** The entry of `key` in a map node. */
export function entry(n: Raw | undefined, key: string): RawEntry | undefined {
  return n?.k === "map" ? n.entries.find((e) => e.key === key) : undefined;
}

/** A scalar's text (numbers and booleans as written by String()). */
export function text(n: Raw | undefined): string | undefined {
  return n?.k === "scalar" && n.value !== null ? String(n.value) : undefined;
}
