// Traversals: `root.a[0].b`, `x[*].y`. The root name is resolved by the scope (var, local, module,
// resource, ...) or by the names in scope (for variables, each, count); the remaining steps apply
// to the value. An unknown result keeps the traversal's text as its `ref`, so mappers can join a
// companion resource to the resource it names.
import type { Cx, Resolved, TStep } from "./eval-context.js";
import { findName } from "./eval-context.js";
import { asNumber, asString } from "./eval-ops.js";
import type { Expr, Step } from "./syntax.js";
import { EvalError, list, openObjects, place, unknown, type V } from "./value.js";

type EvalFn = (e: Expr, cx: Cx) => V;

/** Splits `a.b[0][*].c` into its base expression and the steps after it. */
export function flatten(e: Expr): { base: Expr; steps: TStep[] } {
  const steps: TStep[] = [];
  let x: Expr = e;
  for (;;) {
    if (x.k === "attr") {
      steps.push({ attr: x.name });
      x = x.x;
    } else if (x.k === "index") {
      steps.push({ index: x.key });
      x = x.x;
    } else if (x.k === "splat") {
      steps.push({ splat: x.steps });
      x = x.x;
    } else break;
  }
  steps.reverse();
  return { base: x, steps };
}

/** `[0]`, `["key"]`, or `[*]` when the key is unknown. */
export function keyText(k: V): string {
  if (k.t === "prim" && typeof k.value === "number") return `[${k.value}]`;
  if (k.t === "prim" && typeof k.value === "string") return `[${JSON.stringify(k.value)}]`;
  return "[*]";
}

export function stepText(s: TStep | Step, cx: Cx, ev: EvalFn): string {
  if ("attr" in s) return `.${s.attr}`;
  if ("index" in s) return keyText(safeEval(s.index, cx, ev));
  return `[*]${s.splat.map((x) => stepText(x, cx, ev)).join("")}`;
}

function safeEval(e: Expr, cx: Cx, ev: EvalFn): V {
  try {
    return ev(e, cx);
  } catch (err) {
    if (err instanceof EvalError) return unknown(e.r);
    throw err;
  }
}

/** One step on a known value. Throws EvalError where Terraform would report an error. */
export function applyStep(v: V, step: { attr: string } | { index: Expr }, cx: Cx, ev: EvalFn): V {
  if ("attr" in step) {
    if (v.t === "object") {
      const x = v.entries.get(step.attr);
      if (x) return x;
      if (openObjects.has(v)) return unknown(v.range);
      throw new EvalError(`no attribute "${step.attr}"`);
    }
    if (v.t === "unknown") return unknown(v.range);
    throw new EvalError(`cannot read attribute "${step.attr}" of ${v.t === "list" ? "a list" : "a primitive value"}`);
  }
  const k = ev(step.index, cx);
  if (v.t === "unknown" || k.t === "unknown") return unknown(v.range);
  if (v.t === "list") {
    const n = asNumber(k) as number;
    const item = Number.isInteger(n) ? v.items[n] : undefined;
    if (!item) throw new EvalError(`index ${n} out of range (${v.items.length} items)`);
    return item;
  }
  if (v.t === "object") {
    const key = asString(k) as string;
    const x = v.entries.get(key);
    if (x) return x;
    if (openObjects.has(v)) return unknown(v.range);
    throw new EvalError(`no element with the key "${key}"`);
  }
  throw new EvalError("cannot index a primitive value");
}

function splat(v: V, steps: readonly Step[], cx: Cx, ev: EvalFn): V {
  if (v.t === "unknown") return unknown(v.range);
  if (v.t === "prim" && v.value === null) return list([], v.range);
  const items = v.t === "list" ? v.items : [v];
  cx.scope.budget.tick(items.length);
  return list(
    items.map((item) => steps.reduce((x, s) => (x.t === "unknown" ? x : applyStep(x, s, cx, ev)), item)),
    v.range,
  );
}

/** Applies steps[from..] to a resolved value; an unknown result gets the traversal text as ref. */
export function applySteps(r: Resolved, steps: readonly TStep[], cx: Cx, ev: EvalFn): V {
  let v = r.value;
  let text = r.text;
  for (let i = r.used; i < steps.length; i++) {
    const s = steps[i] as TStep;
    if (v.t === "unknown") {
      const base = v.ref ?? text;
      if (base === "") return unknown(v.range);
      return unknown(v.range, base + steps.slice(i).map((x) => stepText(x, cx, ev)).join(""));
    }
    text += stepText(s, cx, ev);
    v = "splat" in s ? splat(v, s.splat, cx, ev) : applyStep(v, s, cx, ev);
  }
  if (v.t === "unknown" && v.ref === undefined && !v.encoded && text !== "") return { ...v, ref: text };
  return v;
}

/** Evaluates a traversal expression and places the value where it is used. */
export function evalTraversal(e: Expr, cx: Cx, ev: EvalFn): V {
  const { base, steps } = flatten(e);
  let r: Resolved;
  if (base.k === "name") {
    const bound = findName(cx.names, base.name);
    r = bound ? { value: bound, file: cx.file, used: 0, text: base.name } : cx.scope.lookup(base.name, steps, cx, e);
  } else r = { value: ev(base, cx), file: cx.file, used: 0, text: "" };
  return place(applySteps(r, steps, cx, ev), e.r, r.file !== cx.file);
}
