// Values during evaluation are IacNodes (src/models/value.ts): what mappers read is what the
// evaluator computes. Helpers to build them, compare them, and move them to where they are used.
import type { SourceRange } from "../../checks/types.js";
import type { IacNode } from "../../models/value.js";
import { LIMITS } from "./limits.js";

export type V = IacNode;
export type Prim = string | number | boolean | null;

/** A Terraform evaluation error (a missing attribute, a wrong type): try() and can() catch it. */
export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvalError";
  }
}

/**
 * Objects whose missing attributes are unknown rather than errors: a resource instance holds only
 * the arguments written in the source, the rest are computed by the provider.
 */
export const openObjects = new WeakSet<object>();

export function prim(value: Prim, range: SourceRange): V {
  return { t: "prim", value, range };
}

export function unknown(range: SourceRange, ref?: string): V {
  return ref === undefined ? { t: "unknown", range } : { t: "unknown", range, ref };
}

// Past the size bounds a value is unknown, not an error: try() must not pick its fallback for it.

export function list(items: V[], range: SourceRange): V {
  return items.length > LIMITS.maxItems ? unknown(range) : { t: "list", items, range };
}

export function object(entries: Map<string, V>, range: SourceRange): V {
  return entries.size > LIMITS.maxItems ? unknown(range) : { t: "object", entries, range };
}

export function str(s: string, range: SourceRange): V {
  return s.length > LIMITS.maxString ? unknown(range) : { t: "prim", value: s, range };
}

/** Whether a value and everything in it is known (jsonencode()'s argument counts as its content). */
export function isKnown(v: V): boolean {
  if (v.t === "prim") return true;
  if (v.t === "list") return v.items.every(isKnown);
  if (v.t === "object") {
    for (const x of v.entries.values()) if (!isKnown(x)) return false;
    return true;
  }
  return false;
}

/**
 * The value where it is used. Within one file, nested values keep their own lines (a finding on a
 * list item points at the item). A value that crosses files (a module input, a variable set in
 * a .tfvars file, a local from a sibling file) gets the use's lines throughout, since lines of
 * another file would point into the wrong one.
 */
export function place(v: V, range: SourceRange, deep: boolean): V {
  if (!deep) return v.range === range ? v : ({ ...v, range } as V);
  switch (v.t) {
    case "prim":
      return { t: "prim", value: v.value, range };
    case "list":
      return { t: "list", items: v.items.map((x) => place(x, range, true)), range };
    case "object": {
      const entries = new Map<string, V>();
      for (const [k, x] of v.entries) entries.set(k, place(x, range, true));
      const out: V = { t: "object", entries, range };
      if (openObjects.has(v)) openObjects.add(out);
      return out;
    }
    default: {
      const out: V = { t: "unknown", range };
      if (v.ref !== undefined) out.ref = v.ref;
      if (v.encoded) out.encoded = place(v.encoded, range, true);
      return out;
    }
  }
}

/** Deep equality of known values; undefined when either side holds an unknown. */
export function equal(a: V, b: V): boolean | undefined {
  if (a.t === "unknown" || b.t === "unknown") return undefined;
  if (a.t === "prim" || b.t === "prim") return a.t === "prim" && b.t === "prim" ? a.value === b.value : false;
  if (a.t === "list" && b.t === "list") {
    if (a.items.length !== b.items.length) return false;
    let out: boolean | undefined = true;
    for (let i = 0; i < a.items.length; i++) {
      const e = equal(a.items[i] as V, b.items[i] as V);
      if (e === false) return false;
      if (e === undefined) out = undefined;
    }
    return out;
  }
  if (a.t === "object" && b.t === "object") {
    if (a.entries.size !== b.entries.size) return false;
    let out: boolean | undefined = true;
    for (const [k, x] of a.entries) {
      const y = b.entries.get(k);
      if (!y) return false;
      const e = equal(x, y);
      if (e === false) return false;
      if (e === undefined) out = undefined;
    }
    return out;
  }
  return false;
}

/** A known value as plain JSON data (jsonencode); undefined when something in it is unknown. */
export function toJson(v: V): unknown {
  if (v.t === "prim") return v.value;
  if (v.t === "list") {
    const out: unknown[] = [];
    for (const x of v.items) {
      const j = toJson(x);
      if (j === undefined) return undefined;
      out.push(j);
    }
    return out;
  }
  if (v.t === "object") {
    const out: Record<string, unknown> = {};
    for (const k of [...v.entries.keys()].sort()) {
      const j = toJson(v.entries.get(k) as V);
      if (j === undefined) return undefined;
      out[k] = j;
    }
    return out;
  }
  return v.encoded ? jsonText(v.encoded) : undefined;
}

/** jsonencode()'s text, when its argument is known. */
export function jsonText(v: V): string | undefined {
  const j = toJson(v);
  return j === undefined ? undefined : JSON.stringify(j);
}

export function fromJson(x: unknown, range: SourceRange): V {
  if (Array.isArray(x)) return list(x.map((i) => fromJson(i, range)), range);
  if (x !== null && typeof x === "object") return object(new Map(Object.entries(x).map(([k, i]) => [k, fromJson(i, range)])), range);
  if (typeof x === "string" || typeof x === "number" || typeof x === "boolean" || x === null) return prim(x, range);
  return unknown(range);
}

export function typeName(v: V): string {
  if (v.t === "prim") return v.value === null ? "null" : typeof v.value;
  return v.t;
}

/** Object keys in Terraform's order (lexical), as for expressions, keys() and for_each see them. */
export function sortedKeys(entries: Map<string, V>): string[] {
  return [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
