// count and for_each: the instances of a resource, data source or module call, each with the
// names it adds (count.index, each.key, each.value) and its address suffix (`[0]`, `["key"]`).
// What cannot be counted becomes ONE instance whose instance values are unknown (`[*]`): a
// resource silently dropped is a miss nobody notices; count = 0 is the only way to none.
import type { SourceRange } from "../../checks/types.js";
import { bind, type Cx, type Names } from "./eval-context.js";
import { evalSafe } from "./eval.js";
import { keyText } from "./eval-traversal.js";
import { LIMITS } from "./limits.js";
import type { HclAttr, HclBlock } from "./syntax.js";
import { isKnown, object, place, prim, sortedKeys, unknown, type V } from "./value.js";

export interface Instance {
  /** The count index or for_each key; unknown for the stand-in of an uncountable set; undefined without count/for_each. */
  key: V | undefined;
  /** `[0]`, `["a"]`, `[*]` or "". */
  suffix: string;
  names: Names | undefined;
}

export type Repetition = "single" | "count" | "for_each";

function stand(kind: "count" | "each", range: SourceRange, up: Names | undefined): Instance {
  const fields: [string, V][] = kind === "count" ? [["index", unknown(range)]] : [["key", unknown(range)], ["value", unknown(range)]];
  return { key: unknown(range), suffix: "[*]", names: bind(up, kind, object(new Map(fields), range)) };
}

/** The one instance that stands for all when a block's count or for_each cannot be worked out. */
export function standIn(block: HclBlock, up: Names | undefined): Instance {
  const count = block.attrs.find((a) => a.name === "count");
  return stand(count ? "count" : "each", count ? (count.from?.at ?? count.r) : block.r, up);
}

/** `count` or `for_each` as written, or as an override file set it: evaluated there, at the merged block's lines. */
function metaArg(block: HclBlock, name: string, cx: Cx): { r: SourceRange; expr: HclAttr["expr"]; file: string; value: () => V } | undefined {
  const a = block.attrs.find((x) => x.name === name);
  if (!a) return undefined;
  const from = a.from;
  if (!from) return { r: a.r, expr: a.expr, file: cx.file, value: () => evalSafe(a.expr, cx) };
  return { r: from.at, expr: a.expr, file: from.file, value: () => place(evalSafe(a.expr, { ...cx, file: from.file }), from.at, true) };
}

/** The instances of a block with `count` or `for_each` (evaluated in `cx`), or its one instance. */
export function instancesOf(block: HclBlock, cx: Cx, warn: (line: number, message: string) => void): { kind: Repetition; instances: Instance[] } {
  const count = metaArg(block, "count", cx);
  const forEach = metaArg(block, "for_each", cx);
  const why = (a: { expr: { r: SourceRange; o: number; z: number }; file: string }, reason: string): void => cx.scope.explain?.(a.expr, a.file, reason);
  if (count) {
    const v = count.value();
    const n = v.t === "prim" && typeof v.value === "number" ? v.value : v.t === "prim" && typeof v.value === "string" && /^\d+$/.test(v.value) ? Number(v.value) : undefined;
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      why(count, "count is not known: one instance stands for all");
      return { kind: "count", instances: [stand("count", count.r, cx.names)] };
    }
    if (n > LIMITS.maxInstances) {
      warn(count.r.startLine, `count of ${n} is more than ${LIMITS.maxInstances}: one instance with unknown values stands for all`);
      return { kind: "count", instances: [stand("count", count.r, cx.names)] };
    }
    cx.scope.budget.charge(n);
    const instances: Instance[] = [];
    for (let i = 0; i < n; i++) {
      instances.push({ key: prim(i, count.r), suffix: `[${i}]`, names: bind(cx.names, "count", object(new Map([["index", prim(i, count.r)]]), count.r)) });
    }
    return { kind: "count", instances };
  }
  if (forEach) {
    const v = forEach.value();
    let pairs: [string, V][] | undefined;
    if (v.t === "object") pairs = sortedKeys(v.entries).map((k) => [k, v.entries.get(k) as V]);
    else if (v.t === "list" && v.items.every((x) => isKnown(x) && x.t === "prim" && typeof x.value === "string")) {
      const keys = [...new Set(v.items.map((x) => (x.t === "prim" ? String(x.value) : "")))].sort();
      pairs = keys.map((k) => [k, prim(k, forEach.r)]);
    }
    if (!pairs) {
      why(forEach, "for_each is not known: one instance stands for all");
      return { kind: "for_each", instances: [stand("each", forEach.r, cx.names)] };
    }
    if (pairs.length > LIMITS.maxInstances) {
      warn(forEach.r.startLine, `for_each of ${pairs.length} items is more than ${LIMITS.maxInstances}: one instance with unknown values stands for all`);
      return { kind: "for_each", instances: [stand("each", forEach.r, cx.names)] };
    }
    cx.scope.budget.charge(pairs.length);
    return {
      kind: "for_each",
      instances: pairs.map(([k, val]) => {
        const key = prim(k, forEach.r);
        return { key, suffix: keyText(key), names: bind(cx.names, "each", object(new Map([["key", key], ["value", val]]), forEach.r)) };
      }),
    };
  }
  return { kind: "single", instances: [{ key: undefined, suffix: "", names: cx.names }] };
}

/** The instance a key selects: by count index or for_each key; the stand-in when the set is unknown. */
export function pick<I extends Instance>(instances: readonly I[], key: V): I | undefined {
  const only = instances[0];
  if (instances.length === 1 && only?.key?.t === "unknown") return only;
  for (const i of instances) {
    const k = i.key;
    if (k?.t !== "prim" || key.t !== "prim") continue;
    if (k.value === key.value || String(k.value) === String(key.value)) return i;
  }
  return undefined;
}
