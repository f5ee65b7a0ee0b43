// String functions. Lengths and offsets count code points (Terraform counts grapheme clusters;
// the two differ only for combining sequences). replace() with a /regex/ is not evaluated.
import { numberText } from "./eval-ops.js";
import type { FnSpec } from "./functions.js";
import { int, items, n, s } from "./functions-args.js";
import { EvalError, list, prim, str, unknown, type V } from "./value.js";

function one(fn: (x: string) => string): FnSpec {
  return { min: 1, max: 1, fn: ([a], at) => str(fn(s(a as V)), at.r) };
}

function trimSet(x: string, cut: string, start: boolean, end: boolean): string {
  const chars = new Set(cut);
  const cps = [...x];
  let i = 0;
  let j = cps.length;
  while (start && i < j && chars.has(cps[i] as string)) i++;
  while (end && j > i && chars.has(cps[j - 1] as string)) j--;
  return cps.slice(i, j).join("");
}

const VERB = /%(\[\d+\])?([-+ #0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

function pad(text: string, flags: string, width: number | undefined): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes("-")) return text + " ".repeat(width - text.length);
  if (flags.includes("0") && /^[-+]?\d/.test(text)) {
    const sign = /^[-+]/.test(text) ? (text[0] as string) : "";
    return sign + "0".repeat(width - text.length) + text.slice(sign.length);
  }
  return " ".repeat(width - text.length) + text;
}

/** format(): the common verbs (%s %d %f %t %v %q %x %%); others leave the result unknown. */
function format(args: V[], range: V["range"]): V {
  const spec = s(args[0] as V);
  let next = 1;
  let unsupported = false;
  const out = spec.replace(VERB, (_m, idx: string | undefined, flags: string, w: string | undefined, p: string | undefined, verb: string) => {
    if (verb === "%") return "%";
    if (idx) next = Number(idx.slice(1, -1));
    const a = args[next++];
    if (!a) throw new EvalError(`format(): not enough arguments for "${spec}"`);
    const width = w === undefined ? undefined : Number(w);
    const prec = p === undefined ? undefined : Number(p);
    let text: string;
    if (verb === "s" || (verb === "v" && a.t === "prim")) text = s(a);
    else if (verb === "q") text = JSON.stringify(s(a));
    else if (verb === "d") {
      const x = int(a);
      text = (flags.includes("+") && x >= 0 ? "+" : "") + numberText(x);
    } else if (verb === "f") text = n(a).toFixed(prec ?? 6);
    else if (verb === "t") text = String(a.t === "prim" && typeof a.value === "boolean" ? a.value : s(a) === "true");
    else if (verb === "x" || verb === "X") {
      const x = a.t === "prim" && typeof a.value === "string" ? Buffer.from(a.value).toString("hex") : int(a).toString(16);
      text = verb === "X" ? x.toUpperCase() : x;
    } else {
      unsupported = true;
      return "";
    }
    if (prec !== undefined && (verb === "s" || verb === "v")) text = [...text].slice(0, prec).join("");
    return pad(text, flags, width);
  });
  return unsupported ? unknown(range) : str(out, range);
}

function substr(x: string, offset: number, length: number): string {
  const cps = [...x];
  let start = offset < 0 ? cps.length + offset : offset;
  if (start < 0 || start > cps.length) throw new EvalError("substr(): offset out of range");
  start = Math.max(0, start);
  const end = length === -1 ? cps.length : Math.min(cps.length, start + length);
  if (length < -1) throw new EvalError("substr(): length must be -1 or more");
  return cps.slice(start, end).join("");
}

export const stringFunctions: Record<string, FnSpec> = {
  lower: one((x) => x.toLowerCase()),
  upper: one((x) => x.toUpperCase()),
  trimspace: one((x) => x.trim()),
  chomp: one((x) => x.replace(/(\r\n|\r|\n)+$/, "")),
  title: one((x) => x.replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_m, a: string, c: string) => a + c.toUpperCase())),
  trim: { min: 2, max: 2, fn: ([a, c], at) => str(trimSet(s(a as V), s(c as V), true, true), at.r) },
  trimprefix: { min: 2, max: 2, fn: ([a, p], at) => str(s(a as V).startsWith(s(p as V)) ? s(a as V).slice(s(p as V).length) : s(a as V), at.r) },
  trimsuffix: {
    min: 2,
    max: 2,
    fn: ([a, p], at) => {
      const x = s(a as V);
      const suf = s(p as V);
      return str(suf !== "" && x.endsWith(suf) ? x.slice(0, x.length - suf.length) : x, at.r);
    },
  },
  startswith: { min: 2, max: 2, fn: ([a, p], at) => prim(s(a as V).startsWith(s(p as V)), at.r) },
  endswith: { min: 2, max: 2, fn: ([a, p], at) => prim(s(a as V).endsWith(s(p as V)), at.r) },
  replace: {
    min: 3,
    max: 3,
    fn: ([a, f, r], at, cx) => {
      const find = s(f as V);
      if (find.length > 1 && find.startsWith("/") && find.endsWith("/")) {
        cx.scope.explain?.(at, cx.file, "replace() with a regular expression is not evaluated");
        return unknown(at.r);
      }
      const x = s(a as V);
      return str(cx.scope.budget.text(x.split(find).join(s(r as V))), at.r);
    },
  },
  split: {
    min: 2,
    max: 2,
    fn: ([sep, a], at) => {
      const x = s(a as V);
      const d = s(sep as V);
      return list((d === "" ? [...x] : x.split(d)).map((p) => prim(p, at.r)), at.r);
    },
  },
  join: {
    min: 2,
    max: Infinity,
    fn: ([sep, ...lists], at, cx) =>
      str(
        cx.scope.budget.text(
          lists
            .flatMap((l) => items(l))
            .map((x) => s(x))
            .join(s(sep as V)),
        ),
        at.r,
      ),
  },
  format: { min: 1, max: Infinity, fn: (args, at) => format(args, at.r) },
  substr: { min: 3, max: 3, fn: ([a, o, l], at) => str(substr(s(a as V), int(o as V), int(l as V)), at.r) },
};
