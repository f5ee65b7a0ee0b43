// Collection and number functions, and the type conversions (tostring, toset, ...).
import type { SourceRange } from "../../checks/types.js";
import type { FnSpec } from "./functions.js";
import { entries, int, isNull, items, n, s } from "./functions-args.js";
import { asBool, asNumber, asString, describe } from "./eval-ops.js";
import { LIMITS } from "./limits.js";
import { equal, EvalError, isKnown, list, object, prim, sortedKeys, str, toJson, unknown, type V } from "./value.js";

const partial = true;

/** Terraform sets: duplicates removed, strings in lexical order, numbers in numeric order. */
export function toSet(xs: readonly V[], range: SourceRange): V {
  if (!xs.every(isKnown)) return unknown(range);
  const out = distinct(xs);
  if (out.every((x) => x.t === "prim" && typeof x.value === "string")) out.sort((a, b) => cmp(asString(a) ?? "", asString(b) ?? ""));
  else if (out.every((x) => x.t === "prim" && typeof x.value === "number")) out.sort((a, b) => (asNumber(a) ?? 0) - (asNumber(b) ?? 0));
  return list(out, range);
}

/** Known values without repeats, first occurrence kept. */
function distinct(xs: readonly V[]): V[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const key = x.t === "prim" ? `${typeof x.value}:${String(x.value)}` : `${x.t}:${JSON.stringify(toJson(x))}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function flatten(xs: readonly V[], out: V[], depth: number): boolean {
  if (depth > 64) throw new EvalError("flatten(): nested too deeply");
  for (const x of xs) {
    if (x.t === "unknown") return false;
    if (x.t === "list") {
      if (!flatten(x.items, out, depth + 1)) return false;
    } else out.push(x);
    if (out.length > LIMITS.maxItems) throw new EvalError(`flatten(): more than ${LIMITS.maxItems} items`);
  }
  return true;
}

function rangeFn(args: V[], at: { r: SourceRange }): V {
  const nums = args.map(n);
  const [start, end, step] = nums.length === 1 ? [0, nums[0] as number, 1] : [nums[0] as number, nums[1] as number, nums[2] ?? ((nums[1] as number) >= (nums[0] as number) ? 1 : -1)];
  if (step === 0) throw new EvalError("range(): step must not be zero");
  if ((end - start) / step > LIMITS.maxItems) throw new EvalError(`range(): more than ${LIMITS.maxItems} items`);
  const out: V[] = [];
  for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(prim(i, at.r));
  return list(out, at.r);
}

function minMax(args: V[], at: { r: SourceRange }, pick: (...x: number[]) => number): V {
  if (args.length === 0) throw new EvalError("at least one number is required");
  return prim(pick(...args.map(n)), at.r);
}

export const collectionFunctions: Record<string, FnSpec> = {
  length: {
    min: 1,
    max: 1,
    partial,
    fn: ([x], at) => {
      const v = x as V;
      if (v.t === "list") return prim(v.items.length, at.r);
      if (v.t === "object") return prim(v.entries.size, at.r);
      if (v.t === "unknown") return unknown(at.r);
      return prim([...s(v)].length, at.r);
    },
  },
  concat: {
    min: 0,
    max: Infinity,
    partial,
    fn: (args, at) => (args.some((a) => a.t === "unknown") ? unknown(at.r) : list(args.flatMap(items), at.r)),
  },
  merge: {
    min: 0,
    max: Infinity,
    partial,
    fn: (args, at) => {
      if (args.some((a) => a.t === "unknown")) return unknown(at.r);
      const out = new Map<string, V>();
      for (const a of args) if (!isNull(a)) for (const [k, v] of entries(a)) out.set(k, v);
      return object(out, at.r);
    },
  },
  lookup: {
    min: 2,
    max: 3,
    partial,
    fn: ([m, k, d], at) => {
      if ((m as V).t === "unknown" || !isKnown(k as V)) return unknown(at.r);
      const hit = entries(m as V).get(s(k as V));
      if (hit) return hit;
      if (d) return d;
      throw new EvalError(`lookup(): no key "${s(k as V)}"`);
    },
  },
  element: {
    min: 2,
    max: 2,
    partial,
    fn: ([l, i], at) => {
      if ((l as V).t === "unknown" || !isKnown(i as V)) return unknown(at.r);
      const xs = items(l as V);
      if (xs.length === 0) throw new EvalError("element(): the list is empty");
      const idx = int(i as V);
      if (idx < 0) throw new EvalError("element(): the index must not be negative");
      return xs[idx % xs.length] as V;
    },
  },
  keys: { min: 1, max: 1, partial, fn: ([m], at) => ((m as V).t === "unknown" ? unknown(at.r) : list(sortedKeys(entries(m as V)).map((k) => prim(k, at.r)), at.r)) },
  values: {
    min: 1,
    max: 1,
    partial,
    fn: ([m], at) => {
      if ((m as V).t === "unknown") return unknown(at.r);
      const e = entries(m as V);
      return list(
        sortedKeys(e).map((k) => e.get(k) as V),
        at.r,
      );
    },
  },
  zipmap: {
    min: 2,
    max: 2,
    partial,
    fn: ([k, v], at) => {
      if (!isKnown(k as V) || (v as V).t === "unknown") return unknown(at.r);
      const ks = items(k as V);
      const vs = items(v as V);
      if (ks.length !== vs.length) throw new EvalError("zipmap(): the lists differ in length");
      return object(new Map(ks.map((x, i) => [s(x), vs[i] as V])), at.r);
    },
  },
  contains: {
    min: 2,
    max: 2,
    partial,
    fn: ([l, x], at) => {
      if ((l as V).t === "unknown") return unknown(at.r);
      let unsure = false;
      for (const item of items(l as V)) {
        const e = equal(item, x as V);
        if (e === true) return prim(true, at.r);
        if (e === undefined) unsure = true;
      }
      return unsure ? unknown(at.r) : prim(false, at.r);
    },
  },
  flatten: {
    min: 1,
    max: 1,
    fn: ([l], at) => {
      const out: V[] = [];
      return flatten(items(l as V), out, 0) ? list(out, at.r) : unknown(at.r);
    },
  },
  distinct: {
    min: 1,
    max: 1,
    fn: ([l], at) => list(distinct(items(l as V)), at.r),
  },
  compact: { min: 1, max: 1, fn: ([l], at) => list(items(l as V).filter((x) => !isNull(x) && !(x.t === "prim" && x.value === "")), at.r) },
  one: {
    min: 1,
    max: 1,
    partial,
    fn: ([l], at) => {
      if ((l as V).t === "unknown") return unknown(at.r);
      const xs = items(l as V);
      if (xs.length > 1) throw new EvalError("one(): the list has more than one item");
      return xs[0] ?? prim(null, at.r);
    },
  },
  sort: {
    min: 1,
    max: 1,
    fn: ([l], at) =>
      list(
        items(l as V)
          .map((x) => s(x))
          .sort(cmp)
          .map((x) => prim(x, at.r)),
        at.r,
      ),
  },
  reverse: { min: 1, max: 1, partial, fn: ([l], at) => ((l as V).t === "unknown" ? unknown(at.r) : list([...items(l as V)].reverse(), at.r)) },
  slice: {
    min: 3,
    max: 3,
    partial,
    fn: ([l, a, b], at) => {
      if ((l as V).t === "unknown" || !isKnown(a as V) || !isKnown(b as V)) return unknown(at.r);
      const xs = items(l as V);
      const from = int(a as V);
      const to = int(b as V);
      if (from < 0 || to > xs.length || from > to) throw new EvalError("slice(): indexes out of range");
      return list(xs.slice(from, to), at.r);
    },
  },
  coalesce: {
    min: 1,
    max: Infinity,
    partial,
    fn: (args, at) => {
      for (const a of args) {
        if (a.t === "unknown") return unknown(at.r);
        if (!isNull(a) && !(a.t === "prim" && a.value === "")) return a;
      }
      throw new EvalError("coalesce(): every argument is null or empty");
    },
  },
  coalescelist: {
    min: 1,
    max: Infinity,
    partial,
    fn: (args, at) => {
      for (const a of args) {
        if (a.t === "unknown") return unknown(at.r);
        if (items(a).length > 0) return a;
      }
      return list([], at.r);
    },
  },
  alltrue: { min: 1, max: 1, fn: ([l], at) => prim(items(l as V).every((x) => asBool(x) === true), at.r) },
  anytrue: { min: 1, max: 1, fn: ([l], at) => prim(items(l as V).some((x) => asBool(x) === true), at.r) },
  range: { min: 1, max: 3, fn: rangeFn },
  min: { min: 1, max: Infinity, fn: (args, at) => minMax(args, at, Math.min) },
  max: { min: 1, max: Infinity, fn: (args, at) => minMax(args, at, Math.max) },
  abs: { min: 1, max: 1, fn: ([x], at) => prim(Math.abs(n(x as V)), at.r) },
  ceil: { min: 1, max: 1, fn: ([x], at) => prim(Math.ceil(n(x as V)), at.r) },
  floor: { min: 1, max: 1, fn: ([x], at) => prim(Math.floor(n(x as V)), at.r) },
  tostring: {
    min: 1,
    max: 1,
    fn: ([x], at) => {
      const v = x as V;
      if (isNull(v)) return v;
      if (v.t !== "prim") throw new EvalError(`tostring(): cannot convert ${describe(v)} to a string`);
      return str(s(v), at.r);
    },
  },
  tonumber: { min: 1, max: 1, fn: ([x], at) => (isNull(x as V) ? (x as V) : prim(n(x as V), at.r)) },
  tobool: {
    min: 1,
    max: 1,
    fn: ([x], at) => {
      const v = x as V;
      if (isNull(v)) return v;
      const out = asBool(v);
      return out === undefined ? unknown(at.r) : prim(out, at.r);
    },
  },
  toset: { min: 1, max: 1, partial, fn: ([l], at) => ((l as V).t === "unknown" ? unknown(at.r) : toSet(items(l as V), at.r)) },
  tolist: { min: 1, max: 1, partial, fn: ([l], at) => ((l as V).t === "unknown" ? unknown(at.r) : list(items(l as V), at.r)) },
  tomap: { min: 1, max: 1, partial, fn: ([m], at) => ((m as V).t === "unknown" ? unknown(at.r) : object(entries(m as V), at.r)) },
};
