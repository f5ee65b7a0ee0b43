// The pure ARM template functions: strings, logic, comparison, arrays and objects. Each takes
// evaluated arguments and gives a value, or unknown when an argument is unknown or of a type the
// function does not take. Functions whose value exists only at deployment are listed apart.
import type { SourceRange } from "../../checks/types.js";
import type { IacNode } from "../../models/value.js";

type Fn = (args: IacNode[], range: SourceRange) => IacNode;

/** Functions whose value depends on the deployment: always unknown, never a warning. */
export const DEPLOYMENT_FUNCTIONS = new Set([
  "resourcegroup", "subscription", "tenant", "managementgroup", "deployment", "environment", "deployer",
  "uniquestring", "guid", "newguid", "utcnow", "copyindex", "datetimeadd", "datetimefromepoch", "datetimetoepoch",
  "pickzones", "providers", "base64", "base64tostring", "base64tojson", "datauri", "datauritostring", "uri", "uricomponent",
  "uricomponenttostring", "items", "filter", "map", "reduce", "sort", "toobject", "lambda", "lambdavariables", "objectkeys",
  "shallowmerge", "tryget", "join", "parsecidr", "cidrsubnet", "cidrhost", "range", "padleft", "indexof", "lastindexof",
  "union", "intersection", "skip", "take", "getsecret", "externalinput", "loadtextcontent", "loadjsoncontent",
]);

const unknown = (range: SourceRange): IacNode => ({ t: "unknown", range });
const prim = (value: string | number | boolean | null, range: SourceRange): IacNode => ({ t: "prim", value, range });

function text(n: IacNode | undefined): string | undefined {
  if (n?.t !== "prim") return undefined;
  if (typeof n.value === "string") return n.value;
  if (typeof n.value === "number" || typeof n.value === "boolean") return String(n.value);
  return undefined;
}

const str = (n: IacNode | undefined): string | undefined => (n?.t === "prim" && typeof n.value === "string" ? n.value : undefined);
const num = (n: IacNode | undefined): number | undefined => (n?.t === "prim" && typeof n.value === "number" ? n.value : undefined);
const bool = (n: IacNode | undefined): boolean | undefined => (n?.t === "prim" && typeof n.value === "boolean" ? n.value : undefined);

/** Deep equality: undefined when either side is (or holds) an unknown. */
function equal(a: IacNode, b: IacNode): boolean | undefined {
  if (a.t === "unknown" || b.t === "unknown") return undefined;
  if (a.t === "prim" && b.t === "prim") return a.value === b.value;
  if (a.t === "list" && b.t === "list") {
    if (a.items.length !== b.items.length) return false;
    let all: boolean | undefined = true;
    a.items.forEach((x, i) => {
      const e = equal(x, b.items[i] as IacNode);
      if (e === false) all = false;
      else if (e === undefined && all) all = undefined;
    });
    return all;
  }
  if (a.t === "object" && b.t === "object") {
    if (a.entries.size !== b.entries.size) return false;
    let all: boolean | undefined = true;
    for (const [k, v] of a.entries) {
      const w = b.entries.get(k);
      if (!w) return false;
      const e = equal(v, w);
      if (e === false) return false;
      if (e === undefined) all = undefined;
    }
    return all;
  }
  return false;
}

function toJsonNode(v: unknown, range: SourceRange, depth = 0): IacNode {
  if (depth > 64) return unknown(range);
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return prim(v, range);
  if (Array.isArray(v)) return { t: "list", items: v.map((i) => toJsonNode(i, range, depth + 1)), range };
  if (typeof v === "object") return { t: "object", entries: new Map(Object.entries(v).map(([k, x]) => [k, toJsonNode(x, range, depth + 1)])), range };
  return unknown(range);
}

function fromNode(n: IacNode): unknown {
  if (n.t === "prim") return n.value;
  if (n.t === "list") return n.items.map(fromNode);
  if (n.t === "object") return Object.fromEntries([...n.entries].map(([k, v]) => [k, fromNode(v)]));
  throw new Error("unknown value");
}

function hasUnknown(n: IacNode): boolean {
  if (n.t === "unknown") return true;
  if (n.t === "list") return n.items.some(hasUnknown);
  if (n.t === "object") return [...n.entries.values()].some(hasUnknown);
  return false;
}

function compare(args: IacNode[], range: SourceRange, test: (c: number) => boolean): IacNode {
  const [a, b] = args;
  const x = num(a) ?? str(a);
  const y = num(b) ?? str(b);
  if (x === undefined || y === undefined || typeof x !== typeof y) return unknown(range);
  return prim(test(x < y ? -1 : x > y ? 1 : 0), range);
}

function arith(args: IacNode[], range: SourceRange, op: (a: number, b: number) => number | undefined): IacNode {
  const a = num(args[0]);
  const b = num(args[1]);
  if (a === undefined || b === undefined) return unknown(range);
  const r = op(a, b);
  return r === undefined || !Number.isFinite(r) ? unknown(range) : prim(r, range);
}

function lengthOf(n: IacNode | undefined): number | undefined {
  if (n?.t === "list") return n.items.length;
  if (n?.t === "object") return n.entries.size;
  const s = str(n);
  return s === undefined ? undefined : s.length;
}

const FUNCTIONS: Record<string, Fn> = {
  true: (_, r) => prim(true, r),
  false: (_, r) => prim(false, r),
  null: (_, r) => prim(null, r),
  concat(args, r) {
    if (args.length > 0 && args.every((a) => a.t === "list")) return { t: "list", items: args.flatMap((a) => (a.t === "list" ? a.items : [])), range: r };
    const parts = args.map(text);
    return parts.every((p) => p !== undefined) ? prim(parts.join(""), r) : unknown(r);
  },
  format(args, r) {
    const fmt = str(args[0]);
    if (fmt === undefined) return unknown(r);
    let ok = true;
    const out = fmt.replace(/\{\{|\}\}|\{(\d+)(:[^}]*)?\}/g, (m: string, i: string | undefined, spec: string | undefined) => {
      if (m === "{{") return "{";
      if (m === "}}") return "}";
      const v = text(args[Number(i) + 1]);
      if (v === undefined || spec) ok = false;
      return v ?? "";
    });
    return ok ? prim(out, r) : unknown(r);
  },
  tolower: (a, r) => (str(a[0]) === undefined ? unknown(r) : prim((str(a[0]) as string).toLowerCase(), r)),
  toupper: (a, r) => (str(a[0]) === undefined ? unknown(r) : prim((str(a[0]) as string).toUpperCase(), r)),
  trim: (a, r) => (str(a[0]) === undefined ? unknown(r) : prim((str(a[0]) as string).trim(), r)),
  string(a, r) {
    const n = a[0];
    if (!n || hasUnknown(n)) return unknown(r);
    return n.t === "prim" && typeof n.value === "string" ? n : prim(n.t === "prim" ? String(n.value) : JSON.stringify(fromNode(n)), r);
  },
  int(a, r) {
    const v = num(a[0]) ?? (str(a[0]) !== undefined && /^-?\d+$/.test((str(a[0]) as string).trim()) ? Number(str(a[0])) : undefined);
    return v === undefined ? unknown(r) : prim(Math.trunc(v), r);
  },
  bool(a, r) {
    const b = bool(a[0]);
    if (b !== undefined) return prim(b, r);
    const s = str(a[0])?.toLowerCase();
    if (s === "true" || s === "false") return prim(s === "true", r);
    const n = num(a[0]);
    return n === undefined ? unknown(r) : prim(n !== 0, r);
  },
  json(a, r) {
    const s = str(a[0]);
    if (s === undefined || s.length > 1 << 20) return unknown(r);
    try {
      return toJsonNode(JSON.parse(s), r);
    } catch {
      return unknown(r);
    }
  },
  equals(a, r) {
    const [x, y] = a;
    const e = x && y ? equal(x, y) : undefined;
    return e === undefined ? unknown(r) : prim(e, r);
  },
  not: (a, r) => (bool(a[0]) === undefined ? unknown(r) : prim(!bool(a[0]), r)),
  and(a, r) {
    if (a.some((x) => bool(x) === false)) return prim(false, r);
    return a.every((x) => bool(x) === true) ? prim(true, r) : unknown(r);
  },
  or(a, r) {
    if (a.some((x) => bool(x) === true)) return prim(true, r);
    return a.every((x) => bool(x) === false) ? prim(false, r) : unknown(r);
  },
  less: (a, r) => compare(a, r, (c) => c < 0),
  lessorequals: (a, r) => compare(a, r, (c) => c <= 0),
  greater: (a, r) => compare(a, r, (c) => c > 0),
  greaterorequals: (a, r) => compare(a, r, (c) => c >= 0),
  add: (a, r) => arith(a, r, (x, y) => x + y),
  sub: (a, r) => arith(a, r, (x, y) => x - y),
  mul: (a, r) => arith(a, r, (x, y) => x * y),
  div: (a, r) => arith(a, r, (x, y) => (y === 0 ? undefined : Math.trunc(x / y))),
  mod: (a, r) => arith(a, r, (x, y) => (y === 0 ? undefined : x % y)),
  min(a, r) {
    const ns = (a.length === 1 && a[0]?.t === "list" ? a[0].items : a).map(num);
    return ns.length && ns.every((n) => n !== undefined) ? prim(Math.min(...(ns as number[])), r) : unknown(r);
  },
  max(a, r) {
    const ns = (a.length === 1 && a[0]?.t === "list" ? a[0].items : a).map(num);
    return ns.length && ns.every((n) => n !== undefined) ? prim(Math.max(...(ns as number[])), r) : unknown(r);
  },
  length(a, r) {
    const n = lengthOf(a[0]);
    return n === undefined ? unknown(r) : prim(n, r);
  },
  empty(a, r) {
    const n = a[0]?.t === "prim" && a[0].value === null ? 0 : lengthOf(a[0]);
    return n === undefined ? unknown(r) : prim(n === 0, r);
  },
  contains(a, r) {
    const [c, item] = a;
    if (!c || !item) return unknown(r);
    if (c.t === "list") {
      const hits = c.items.map((i) => equal(i, item));
      return hits.includes(true) ? prim(true, r) : hits.includes(undefined) ? unknown(r) : prim(false, r);
    }
    const key = str(item);
    if (c.t === "object" && key !== undefined) return prim([...c.entries.keys()].some((k) => k.toLowerCase() === key.toLowerCase()), r);
    const s = str(c);
    const sub = text(item);
    return s !== undefined && sub !== undefined ? prim(s.includes(sub), r) : unknown(r);
  },
  startswith: (a, r) => (str(a[0]) !== undefined && str(a[1]) !== undefined ? prim((str(a[0]) as string).toLowerCase().startsWith((str(a[1]) as string).toLowerCase()), r) : unknown(r)),
  endswith: (a, r) => (str(a[0]) !== undefined && str(a[1]) !== undefined ? prim((str(a[0]) as string).toLowerCase().endsWith((str(a[1]) as string).toLowerCase()), r) : unknown(r)),
  replace(a, r) {
    const [s, from, to] = a.map(str);
    return s !== undefined && from !== undefined && to !== undefined && from !== "" ? prim(s.split(from).join(to), r) : unknown(r);
  },
  split(a, r) {
    const s = str(a[0]);
    const seps = a[1]?.t === "list" ? a[1].items.map(str) : [str(a[1])];
    if (s === undefined || seps.some((x) => x === undefined || x === "")) return unknown(r);
    let parts = [s];
    for (const sep of seps as string[]) parts = parts.flatMap((p) => p.split(sep));
    return { t: "list", items: parts.map((p) => prim(p, r)), range: r };
  },
  substring(a, r) {
    const s = str(a[0]);
    const start = num(a[1]) ?? 0;
    const len = a.length > 2 ? num(a[2]) : undefined;
    if (s === undefined || (a.length > 2 && len === undefined)) return unknown(r);
    return prim(len === undefined ? s.slice(start) : s.slice(start, start + len), r);
  },
  first(a, r) {
    const n = a[0];
    if (n?.t === "list") return n.items[0] ?? unknown(r);
    const s = str(n);
    return s === undefined ? unknown(r) : prim(s.slice(0, 1), r);
  },
  last(a, r) {
    const n = a[0];
    if (n?.t === "list") return n.items.at(-1) ?? unknown(r);
    const s = str(n);
    return s === undefined ? unknown(r) : prim(s.slice(-1), r);
  },
  array: (a, r) => (a[0]?.t === "list" ? a[0] : a[0] ? { t: "list", items: [a[0]], range: r } : unknown(r)),
  createarray: (a, r) => ({ t: "list", items: a, range: r }),
  createobject(a, r) {
    const entries = new Map<string, IacNode>();
    for (let i = 0; i + 1 < a.length; i += 2) {
      const k = str(a[i]);
      if (k === undefined) return unknown(r);
      entries.set(k, a[i + 1] as IacNode);
    }
    return { t: "object", entries, range: r };
  },
};

export function isKnownFunction(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name) || DEPLOYMENT_FUNCTIONS.has(name);
}

/** Calls a pure function by lower-case name; the caller has checked isKnownFunction(). */
export function callFunction(name: string, args: IacNode[], range: SourceRange): IacNode {
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  return fn ? fn(args, range) : unknown(range);
}
