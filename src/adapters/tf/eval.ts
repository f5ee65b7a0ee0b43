// The expression evaluator: one pass over the syntax tree against a scope. Only what is certain is
// computed; a value that depends on something unknown (a computed attribute, a data source, a
// variable without a value) is unknown, and a Terraform error (a missing key, a wrong type) is an
// EvalError that try() and can() catch and an attribute turns into unknown.
import { callFunction } from "./functions.js";
import { bind, findName, type Cx } from "./eval-context.js";
import { asBool, asString, binary, shortCircuit, templateText, unary } from "./eval-ops.js";
import { evalTraversal } from "./eval-traversal.js";
import { isStackOverflow } from "./lazy.js";
import { Exhausted, LIMITS } from "./limits.js";
import type { Expr, TmplPart } from "./syntax.js";
import { equal, EvalError, isKnown, list, object, prim, sortedKeys, str, unknown, type V } from "./value.js";

export function evalExpr(e: Expr, cx: Cx): V {
  cx.scope.budget.tick();
  switch (e.k) {
    case "lit":
      return prim(e.v, e.r);
    case "tmpl":
      return evalTemplate(e, e.parts, cx);
    case "tuple":
      return list(e.items.map((x) => evalExpr(x, cx)), e.r);
    case "object":
      return evalObject(e, cx);
    case "name": {
      // Most names are for-expression variables or iterators: no traversal to take apart.
      const bound = findName(cx.names, e.name);
      if (bound) return bound.range === e.r ? bound : ({ ...bound, range: e.r } as V);
      return evalTraversal(e, cx, evalExpr);
    }
    case "attr":
    case "index":
    case "splat":
      return evalTraversal(e, cx, evalExpr);
    case "call":
      return callFunction(e, cx, evalExpr);
    case "cond":
      return evalConditional(e, cx);
    case "unary":
      return unary(e.op, evalExpr(e.x, cx), e.r);
    case "binary": {
      const a = evalExpr(e.a, cx);
      if (e.op === "&&" || e.op === "||") {
        const done = shortCircuit(e.op, a, e.r);
        if (done) return done;
      }
      return binary(e.op, a, evalExpr(e.b, cx), e.r);
    }
    case "for":
      return evalFor(e, cx);
  }
}

/** Evaluates, turning a Terraform error into an unknown value (and saying why under --debug). */
export function evalSafe(e: Expr, cx: Cx): V {
  try {
    return evalExpr(e, cx);
  } catch (err) {
    if (err instanceof EvalError) {
      cx.scope.explain?.(e, cx.file, err.message);
      return unknown(e.r);
    }
    if (err instanceof Exhausted || isStackOverflow(err)) return unknown(e.r);
    throw err;
  }
}

function evalObject(e: Extract<Expr, { k: "object" }>, cx: Cx): V {
  const entries = new Map<string, V>();
  for (const item of e.items) {
    let key = item.bare;
    if (key === undefined) {
      const k = evalExpr(item.key, cx);
      if (k.t === "unknown") return unknown(e.r);
      key = asString(k);
      if (key === undefined) return unknown(e.r);
    }
    entries.set(key, evalExpr(item.val, cx));
  }
  return object(entries, e.r);
}

function evalConditional(e: Extract<Expr, { k: "cond" }>, cx: Cx): V {
  const c = asBool(evalExpr(e.c, cx));
  if (c !== undefined) return evalExpr(c ? e.t : e.f, cx);
  // Both branches the same known value: the condition does not matter.
  const t = evalSafe(e.t, cx);
  const f = evalSafe(e.f, cx);
  if (isKnown(t) && equal(t, f) === true) return t;
  cx.scope.explain?.(e.c, cx.file, "the condition is not known");
  return unknown(e.r);
}

/** The pairs a for expression or a for_each iterates: list index and item, or object key and value. */
export function iterationPairs(coll: V): [V, V][] | undefined {
  if (coll.t === "list") return coll.items.map((v, i) => [prim(i, v.range), v]);
  if (coll.t === "object") return sortedKeys(coll.entries).map((k) => [prim(k, coll.range), coll.entries.get(k) as V]);
  if (coll.t === "unknown") return undefined;
  throw new EvalError(coll.value === null ? "cannot iterate over null" : "cannot iterate over a primitive value");
}

function evalFor(e: Extract<Expr, { k: "for" }>, cx: Cx): V {
  const pairs = iterationPairs(evalExpr(e.coll, cx));
  if (!pairs) {
    cx.scope.explain?.(e.coll, cx.file, "the collection of the for expression is not known");
    return unknown(e.r);
  }
  const items: V[] = [];
  const entries = new Map<string, V>();
  const groups = new Map<string, V[]>();
  for (const [k, v] of pairs) {
    cx.scope.budget.tick();
    let names = bind(cx.names, e.vv, v);
    if (e.kv !== undefined) names = bind(names, e.kv, k);
    const inner: Cx = { scope: cx.scope, file: cx.file, names };
    if (e.cond) {
      const keep = asBool(evalExpr(e.cond, inner));
      if (keep === undefined) return unknown(e.r);
      if (!keep) continue;
    }
    if (!e.key) {
      items.push(evalExpr(e.val, inner));
      continue;
    }
    const kv = evalExpr(e.key, inner);
    const key = asString(kv);
    if (key === undefined) return unknown(e.r);
    const val = evalExpr(e.val, inner);
    if (e.group) {
      const g = groups.get(key);
      if (g) g.push(val);
      else groups.set(key, [val]);
    } else {
      if (entries.has(key)) throw new EvalError(`duplicate key "${key}" in the for expression (add ... to group)`);
      entries.set(key, val);
    }
  }
  if (!e.key) return list(items, e.r);
  if (e.group) for (const [k, g] of groups) entries.set(k, list(g, e.r));
  return object(entries, e.r);
}

function evalTemplate(e: Expr, parts: readonly TmplPart[], cx: Cx): V {
  // A template of one interpolation is that value, unconverted ("${var.list}" is the list).
  const only = parts[0];
  if (parts.length === 1 && typeof only === "object" && only.k !== "%if" && only.k !== "%for") {
    return { ...evalExpr(only, cx), range: e.r } as V;
  }
  const out = renderParts(parts, cx);
  return out === undefined ? unknown(e.r) : str(cx.scope.budget.text(out), e.r);
}

function renderParts(parts: readonly TmplPart[], cx: Cx): string | undefined {
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") out += p;
    else if (p.k === "%if") {
      const c = asBool(evalExpr(p.c, cx));
      if (c === undefined) return undefined;
      const inner = renderParts(c ? p.then : p.else, cx);
      if (inner === undefined) return undefined;
      out += inner;
    } else if (p.k === "%for") {
      const pairs = iterationPairs(evalExpr(p.coll, cx));
      if (!pairs) return undefined;
      for (const [k, v] of pairs) {
        cx.scope.budget.tick();
        let names = bind(cx.names, p.vv, v);
        if (p.kv !== undefined) names = bind(names, p.kv, k);
        const inner = renderParts(p.body, { ...cx, names });
        if (inner === undefined) return undefined;
        out += inner;
        if (out.length > LIMITS.maxString) return undefined;
      }
    } else {
      const s = templateText(evalExpr(p, cx));
      if (s === undefined) return undefined;
      out += s;
    }
    // Locals that double a string a few dozen times would otherwise exhaust memory.
    if (out.length > LIMITS.maxString) return undefined;
  }
  return out;
}
