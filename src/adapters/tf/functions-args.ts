// Argument readers for the built-in functions: the value as the type the function wants, or an
// EvalError naming what was given. Callers have checked the arguments are known.
import { asBool, asNumber, asString, describe } from "./eval-ops.js";
import { EvalError, type V } from "./value.js";

export function s(v: V): string {
  const out = asString(v);
  if (out === undefined) throw new EvalError("a string is required");
  return out;
}

export function n(v: V): number {
  const out = asNumber(v);
  if (out === undefined) throw new EvalError("a number is required");
  return out;
}

export function int(v: V): number {
  const out = n(v);
  if (!Number.isInteger(out)) throw new EvalError(`a whole number is required, not ${out}`);
  return out;
}

export function b(v: V): boolean {
  const out = asBool(v);
  if (out === undefined) throw new EvalError("a bool is required");
  return out;
}

/** The items of a list (or set); throws for anything else. */
export function items(v: V): V[] {
  if (v.t === "list") return v.items;
  throw new EvalError(`a list is required, not ${describe(v)}`);
}

export function entries(v: V): Map<string, V> {
  if (v.t === "object") return v.entries;
  throw new EvalError(`a map or object is required, not ${describe(v)}`);
}

export function isNull(v: V): boolean {
  return v.t === "prim" && v.value === null;
}
