// An expression parsed out of a JSON string has spans within the string's decoded text: moved to
// the string in the file. A JSON string sits on one line, so every node takes its lines; offsets
// map one to one when the string has no escapes, else every node quotes the whole string.
import type { Expr, Span } from "./syntax.js";

export function retarget(e: Expr, at: Span, plain: boolean): Expr {
  const inner = at.o + 1;
  const move = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(move);
    if (x === null || typeof x !== "object") return x;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = k === "r" ? v : move(v);
    if (typeof out.o === "number" && typeof out.z === "number" && "r" in out) {
      out.r = at.r;
      out.o = plain ? inner + out.o : at.o;
      out.z = plain ? inner + out.z : at.z;
    }
    return out;
  };
  return move(e) as Expr;
}
