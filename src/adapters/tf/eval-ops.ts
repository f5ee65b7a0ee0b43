// Operators and the automatic conversions Terraform applies to their operands ("5" + 1 is 6,
// "true" is a bool where a bool is wanted). An unknown operand makes the result unknown, except
// where the known side decides (false && x, true || x).
import type { SourceRange } from "../../checks/types.js";
import type { BinaryOp } from "./syntax.js";
import { equal, EvalError, jsonText, prim, str, unknown, type V } from "./value.js";

/** A number from a number or a numeric string; undefined for unknown; throws for other types. */
export function asNumber(v: V): number | undefined {
  if (v.t === "unknown") return undefined;
  if (v.t === "prim") {
    if (typeof v.value === "number") return v.value;
    if (typeof v.value === "string" && /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(v.value)) return Number(v.value);
  }
  throw new EvalError(`a number is required, not ${describe(v)}`);
}

export function asBool(v: V): boolean | undefined {
  if (v.t === "unknown") return undefined;
  if (v.t === "prim") {
    if (typeof v.value === "boolean") return v.value;
    if (v.value === "true" || v.value === "false") return v.value === "true";
  }
  throw new EvalError(`a bool is required, not ${describe(v)}`);
}

/** Numbers as Terraform prints them: integers without a fraction. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** A string from a string, number or bool (and a known jsonencode() result); undefined for unknown. */
export function asString(v: V): string | undefined {
  if (v.t === "unknown") {
    if (v.encoded) return jsonText(v.encoded);
    return undefined;
  }
  if (v.t === "prim") {
    if (typeof v.value === "string") return v.value;
    if (typeof v.value === "number") return numberText(v.value);
    if (typeof v.value === "boolean") return String(v.value);
  }
  throw new EvalError(`a string is required, not ${describe(v)}`);
}

export function describe(v: V): string {
  if (v.t === "prim") return v.value === null ? "null" : typeof v.value;
  return v.t === "list" ? "a list" : v.t === "object" ? "an object" : "an unknown value";
}

export function unary(op: "-" | "!", x: V, range: SourceRange): V {
  if (op === "-") {
    const n = asNumber(x);
    return n === undefined ? unknown(range) : prim(-n, range);
  }
  const b = asBool(x);
  return b === undefined ? unknown(range) : prim(!b, range);
}

function arith(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) throw new EvalError("division by zero");
      return a / b;
    default:
      if (b === 0) throw new EvalError("modulo by zero");
      return a % b;
  }
}

/** `&&` and `||` once the left side is known: the result, or undefined when the right side decides. */
export function shortCircuit(op: "&&" | "||", left: V, range: SourceRange): V | undefined {
  const l = asBool(left);
  if (op === "&&" && l === false) return prim(false, range);
  if (op === "||" && l === true) return prim(true, range);
  return undefined;
}

export function binary(op: BinaryOp, a: V, b: V, range: SourceRange): V {
  switch (op) {
    case "&&":
    case "||": {
      const l = asBool(a);
      const r = asBool(b);
      if (op === "&&" && (l === false || r === false)) return prim(false, range);
      if (op === "||" && (l === true || r === true)) return prim(true, range);
      return l === undefined || r === undefined ? unknown(range) : prim(op === "&&" ? l && r : l || r, range);
    }
    case "==":
    case "!=": {
      const e = equal(a, b);
      return e === undefined ? unknown(range) : prim(op === "==" ? e : !e, range);
    }
    case "<":
    case ">":
    case "<=":
    case ">=": {
      const l = asNumber(a);
      const r = asNumber(b);
      if (l === undefined || r === undefined) return unknown(range);
      const out = op === "<" ? l < r : op === ">" ? l > r : op === "<=" ? l <= r : l >= r;
      return prim(out, range);
    }
    default: {
      const l = asNumber(a);
      const r = asNumber(b);
      if (l === undefined || r === undefined) return unknown(range);
      const n = arith(op, l, r);
      if (!Number.isFinite(n)) throw new EvalError("arithmetic overflow");
      return prim(n, range);
    }
  }
}

/** A value inside a template: strings, numbers and bools print; anything else is an error. */
export function templateText(v: V): string | undefined {
  if (v.t === "prim" && v.value === null) throw new EvalError("a null value in a template");
  return asString(v);
}

export { str };
