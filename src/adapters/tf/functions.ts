// Terraform's built-in functions that Mamori evaluates. A function not listed here gives an
// unknown value (with the reason under --debug), never a guess. Arguments that are not wholly
// known make the result unknown, except for functions marked `partial`, which look only at what
// they need (length() of a list with unknown items is still known).
import type { Cx } from "./eval-context.js";
import { collectionFunctions } from "./functions-collection.js";
import { encodingFunctions } from "./functions-encoding.js";
import { stringFunctions } from "./functions-string.js";
import type { Expr } from "./syntax.js";
import { EvalError, isKnown, prim, unknown, type V } from "./value.js";

export type CallExpr = Extract<Expr, { k: "call" }>;
export type EvalFn = (e: Expr, cx: Cx) => V;

export interface FnSpec {
  min: number;
  max: number;
  /** Takes arguments that are not wholly known and decides itself. */
  partial?: boolean;
  fn(args: V[], at: CallExpr, cx: Cx, ev: EvalFn): V;
}

const FUNCTIONS: Readonly<Record<string, FnSpec>> = { ...stringFunctions, ...collectionFunctions, ...encodingFunctions };

/** Function names Mamori evaluates (try and can included). */
export const KNOWN_FUNCTIONS: readonly string[] = [...Object.keys(FUNCTIONS), "try", "can"].sort();

/** try(): the first argument that evaluates without an error; unknown when that one is not wholly known. */
function tryArgs(e: CallExpr, cx: Cx, ev: EvalFn): V {
  for (const a of e.args) {
    try {
      const v = ev(a, cx);
      return isKnown(v) ? v : unknown(e.r);
    } catch (err) {
      if (!(err instanceof EvalError)) throw err;
    }
  }
  throw new EvalError("no argument of try() evaluated without an error");
}

function can(e: CallExpr, cx: Cx, ev: EvalFn): V {
  if (e.args.length !== 1) throw new EvalError("can() takes one argument");
  try {
    const v = ev(e.args[0] as Expr, cx);
    return isKnown(v) ? prim(true, e.r) : unknown(e.r);
  } catch (err) {
    if (err instanceof EvalError) return prim(false, e.r);
    throw err;
  }
}

export function callFunction(e: CallExpr, cx: Cx, ev: EvalFn): V {
  if (e.name === "try") return tryArgs(e, cx, ev);
  if (e.name === "can") return can(e, cx, ev);
  const spec = Object.hasOwn(FUNCTIONS, e.name) ? FUNCTIONS[e.name] : undefined;
  if (!spec) {
    cx.scope.explain?.(e, cx.file, `${e.name}() is not evaluated by Mamori`);
    return unknown(e.r);
  }
  let args = e.args.map((a) => ev(a, cx));
  if (e.spread) {
    const last = args.pop();
    if (!last || last.t === "unknown") return unknown(e.r);
    if (last.t !== "list") throw new EvalError(`the ... argument of ${e.name}() must be a list`);
    args = [...args, ...last.items];
  }
  if (args.length < spec.min || args.length > spec.max) {
    throw new EvalError(`${e.name}() takes ${spec.min === spec.max ? spec.min : `${spec.min} to ${spec.max}`} arguments, not ${args.length}`);
  }
  if (!spec.partial && !args.every(isKnown)) return unknown(e.r);
  try {
    return spec.fn(args, e, cx, ev);
  } catch (err) {
    // Odd input to a JavaScript built-in (an invalid code point, malformed JSON) is a Terraform error too.
    if (err instanceof RangeError || err instanceof SyntaxError) throw new EvalError(`${e.name}(): ${err.message}`);
    throw err;
  }
}
