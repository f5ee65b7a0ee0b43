// Reading one parsed YAML document of a Kubernetes manifest: values with the lines they were
// written on. Aliases are followed here; their number was bounded when the document was checked.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { SourceRange, Sourced } from "../checks/types.js";

/** Aliases a document may expand to: real manifests use a handful; a "billion laughs" file needs millions. */
export const MAX_ALIAS_COUNT = 100;

export class Reader {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lc: LineCounter,
  ) {}

  /** Follows aliases one step at a time: the alias count was bounded when the document was checked. */
  deref(node: unknown): Node | undefined {
    let n = node;
    for (let i = 0; i < 8 && isAlias(n); i++) n = n.resolve(this.doc);
    return n as Node | undefined;
  }

  get(map: unknown, key: string): Node | undefined {
    const m = this.deref(map);
    if (!isMap(m)) return undefined;
    for (const pair of m.items) {
      const k = this.deref(pair.key);
      if (isScalar(k) && k.value === key) return this.deref(pair.value) ?? undefined;
    }
    return undefined;
  }

  /** The keys of a map, in order, with their (dereferenced) values. */
  entries(map: unknown): [string, Node | undefined][] {
    const m = this.deref(map);
    if (!isMap(m)) return [];
    return m.items.flatMap((pair): [string, Node | undefined][] => {
      const k = this.text(this.deref(pair.key));
      return k === undefined ? [] : [[k, this.deref(pair.value)]];
    });
  }

  /** From the key to the end of its value: a block value alone starts a line below its key. */
  entryRange(map: unknown, key: string, fallback: SourceRange): SourceRange | undefined {
    const m = this.deref(map);
    if (!isMap(m)) return undefined;
    for (const pair of m.items) {
      const k = this.deref(pair.key);
      if (!isScalar(k) || k.value !== key) continue;
      const start = this.range(k, fallback).startLine;
      const value = this.deref(pair.value);
      return { startLine: start, endLine: value ? Math.max(start, this.range(value, fallback).endLine) : start };
    }
    return undefined;
  }

  path(node: unknown, ...keys: string[]): Node | undefined {
    let n: unknown = node;
    for (const k of keys) n = this.get(n, k);
    return n as Node | undefined;
  }

  range(node: Node | undefined, fallback: SourceRange): SourceRange {
    const r = node?.range;
    if (!r) return fallback;
    const start = this.lc.linePos(r[0]);
    let end = this.lc.linePos(Math.max(r[0], r[1]));
    // A block node's range runs up to the start of the line after it.
    if (end.col === 1 && end.line > start.line) end = this.lc.linePos(Math.max(r[0], r[1] - 1));
    return { startLine: start.line, endLine: Math.max(start.line, end.line) };
  }

  scalar(node: Node | undefined, fallback: SourceRange): Sourced<unknown> | undefined {
    if (!isScalar(node)) return undefined;
    return { value: node.value, range: this.range(node, fallback) };
  }

  string(node: Node | undefined, fallback: SourceRange): Sourced<string> | undefined {
    const s = this.scalar(node, fallback);
    return s && (typeof s.value === "string" || typeof s.value === "number") ? { value: String(s.value), range: s.range } : undefined;
  }

  text(node: Node | undefined): string | undefined {
    return isScalar(node) && (typeof node.value === "string" || typeof node.value === "number") ? String(node.value) : undefined;
  }

  items(node: Node | undefined): Node[] {
    return isSeq(node) ? node.items.map((i) => this.deref(i)).filter((i): i is Node => i !== undefined && i !== null) : [];
  }

  strings(node: Node | undefined, fallback: SourceRange): Sourced<string>[] {
    return this.items(node).flatMap((i) => this.string(i, fallback) ?? []);
  }

  /** A map of string values (labels, annotations); other values are left out. */
  stringMap(node: Node | undefined, fallback: SourceRange): Record<string, Sourced<string>> {
    const out: Record<string, Sourced<string>> = {};
    for (const [k, v] of this.entries(node)) {
      const s = this.string(v, fallback);
      if (s) out[k] = s;
    }
    return out;
  }

  isMap(node: Node | undefined): boolean {
    return isMap(node);
  }

  isNull(node: Node | undefined): boolean {
    return node === undefined || (isScalar(node) && node.value === null);
  }

  /** A canonical text of a value (keys sorted), to compare two values written differently. */
  canonical(node: Node | undefined): string {
    const walk = (n: Node | undefined, depth: number): unknown => {
      const d = this.deref(n);
      if (depth > 16 || d === undefined) return null;
      if (isScalar(d)) return d.value;
      if (isSeq(d)) return d.items.map((i) => walk(i as Node, depth + 1));
      if (isMap(d)) {
        const sorted = this.entries(d).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return Object.fromEntries(sorted.map(([k, v]) => [k, walk(v, depth + 1)]));
      }
      return null;
    };
    return JSON.stringify(walk(node, 0));
  }
}
