// A model as CEL sees it: plain data, where a sourced value (`{value, range}`, or a Val with
// `known`) is just its value. A value the adapter could not work out reads as null, and reading
// one is recorded, so a policy never fires on what Mamori could not see (README, "Custom
// policies"). The last known value read is recorded too: it is where a finding points.
import type { ResourceModel, SourceRange } from "../checks/types.js";

/** Where an unknown value sits in the converted data; reading it yields null. */
const UNKNOWN: object = Object.freeze({ unknown: true });
const MAX_DEPTH = 48;
const MAX_NODES = 200_000;

export interface ReadState {
  /** Set when the evaluation read a value that is not known. */
  readUnknown: boolean;
  /** The source range of the last known value read. */
  last?: SourceRange;
}

export interface CelView {
  resource: unknown;
  state: ReadState;
}

const NODE_TYPES = new Set(["prim", "list", "object", "unknown"]);

function isRange(x: unknown): x is SourceRange {
  return typeof x === "object" && x !== null && typeof (x as SourceRange).startLine === "number" && typeof (x as SourceRange).endLine === "number";
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null;
}

class Converter {
  /** The range of each value that came from a sourced value, by the object holding it and its key. */
  readonly ranges = new WeakMap<object, Map<string, SourceRange>>();
  private nodes = 0;

  /** Returns [data, range]: the range when `v` was a sourced value. */
  convert(v: unknown, depth: number): [unknown, SourceRange | undefined] {
    if (v === undefined || v === null || typeof v === "function" || typeof v === "symbol") return [undefined, undefined];
    if (typeof v !== "object") return [v, undefined];
    if (++this.nodes > MAX_NODES || depth > MAX_DEPTH) return [UNKNOWN, undefined];
    if (v instanceof Map) return [this.object([...v.entries()].filter(([k]) => typeof k === "string") as [string, unknown][], depth), undefined];
    if (Array.isArray(v)) return [this.list(v, depth), undefined];
    const o = v as Record<string, unknown>;
    if (typeof o.t === "string" && NODE_TYPES.has(o.t) && isRange(o.range)) return this.node(o, depth);
    if (isRange(o.range) && "value" in o && (typeof o.known === "boolean" || Object.keys(o).length === 2)) {
      if (o.known === false) return [UNKNOWN, undefined];
      const [data] = this.convert(o.value, depth + 1);
      return [data, o.range];
    }
    return [this.object(Object.entries(o).filter(([k, x]) => k !== "range" || !isRange(x)), depth), undefined];
  }

  private node(n: Record<string, unknown>, depth: number): [unknown, SourceRange | undefined] {
    switch (n.t) {
      case "prim":
        return [n.value ?? undefined, n.range as SourceRange];
      case "list":
        return [this.list(n.items as unknown[], depth), undefined];
      case "object":
        return [this.object([...(n.entries as Map<string, unknown>).entries()], depth), undefined];
      default:
        return [UNKNOWN, undefined];
    }
  }

  private list(items: readonly unknown[], depth: number): unknown[] {
    const out: unknown[] = [];
    const ranges = new Map<string, SourceRange>();
    items.forEach((item, i) => {
      const [data, range] = this.convert(item, depth + 1);
      out.push(data === undefined ? null : data);
      if (range) ranges.set(String(i), range);
    });
    if (ranges.size > 0) this.ranges.set(out, ranges);
    return out;
  }

  private object(entries: readonly [string, unknown][], depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const ranges = new Map<string, SourceRange>();
    for (const [k, x] of entries) {
      const [data, range] = this.convert(x, depth + 1);
      if (data === undefined) continue;
      out[k] = data;
      if (range) ranges.set(k, range);
    }
    if (ranges.size > 0) this.ranges.set(out, ranges);
    return out;
  }
}

/** Wraps converted data so that reads are recorded in `state`; proxies are made once per object. */
function watch(data: unknown, ranges: WeakMap<object, Map<string, SourceRange>>, state: ReadState): unknown {
  const proxies = new WeakMap<object, object>();
  const wrap = (x: unknown): unknown => {
    if (!isObject(x)) return x;
    let p = proxies.get(x);
    if (!p) {
      p = new Proxy(x, {
        get(target, key, receiver) {
          const v: unknown = Reflect.get(target, key, receiver);
          if (typeof key !== "string") return v;
          if (v === UNKNOWN) {
            state.readUnknown = true;
            return null;
          }
          const r = ranges.get(target)?.get(key);
          if (r) state.last = r;
          return wrap(v);
        },
      });
      proxies.set(x, p);
    }
    return p;
  };
  return wrap(data);
}

const views = new WeakMap<ResourceModel, CelView>();

/** The model as CEL data, made once per model and shared by every policy that reads it. */
export function celView(model: ResourceModel): CelView {
  let view = views.get(model);
  if (!view) {
    const c = new Converter();
    const [data] = c.convert(model, 0);
    const state: ReadState = { readUnknown: false };
    view = { resource: watch(data ?? {}, c.ranges, state), state };
    views.set(model, view);
  }
  return view;
}
