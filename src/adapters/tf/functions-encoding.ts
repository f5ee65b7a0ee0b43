// Encoding functions, file() and templatefile() (files inside the module only, bounded), and
// cidrsubnet(). jsonencode() stays an unknown value carrying its argument (`encoded`), as mappers
// read policy documents from it with their lines; where a string is needed its JSON text is used.
import { bind, type Cx } from "./eval-context.js";
import type { CallExpr, FnSpec } from "./functions.js";
import { int, s } from "./functions-args.js";
import { cidrSubnet } from "./functions-net.js";
import { LIMITS } from "./limits.js";
import { HclSyntaxError } from "./parse-cursor.js";
import { parseTemplateText } from "./parse-template.js";
import type { Expr } from "./syntax.js";
import { EvalError, fromJson, place, sortedKeys, str, unknown, type V } from "./value.js";

const partial = true;

function readFile(at: CallExpr, cx: Cx, path: string): string | undefined {
  const text = cx.scope.readFile(path);
  if (text === undefined) cx.scope.explain?.(at, cx.file, `${path} is not read (missing, too large, or outside the module's directory)`);
  else cx.scope.budget.tick(Math.ceil(text.length / 64));
  return text;
}

/** Parsed templates by text: a template rendered in a loop is parsed once. */
const templates = new Map<string, Expr | HclSyntaxError>();

function templateOf(text: string): Expr {
  let t = templates.get(text);
  if (!t) {
    try {
      t = parseTemplateText(text);
    } catch (e) {
      if (!(e instanceof HclSyntaxError)) throw e;
      t = e;
    }
    if (templates.size > 64) templates.clear();
    templates.set(text, t);
  }
  if (t instanceof HclSyntaxError) throw new EvalError(`templatefile(): line ${t.line}: ${t.detail}`);
  return t;
}

export const encodingFunctions: Record<string, FnSpec> = {
  jsonencode: { min: 1, max: 1, partial, fn: ([x], at) => ({ t: "unknown", range: at.r, encoded: x as V }) },
  jsondecode: {
    min: 1,
    max: 1,
    partial,
    fn: ([x], at) => {
      const v = x as V;
      if (v.t === "unknown") return v.encoded ?? unknown(at.r);
      return fromJson(JSON.parse(s(v)), at.r);
    },
  },
  base64encode: { min: 1, max: 1, fn: ([x], at) => str(Buffer.from(s(x as V), "utf8").toString("base64"), at.r) },
  base64decode: {
    min: 1,
    max: 1,
    fn: ([x], at) => {
      const text = s(x as V);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new EvalError("base64decode(): not valid base64");
      return str(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(text, "base64")), at.r);
    },
  },
  file: {
    min: 1,
    max: 1,
    fn: ([p], at, cx) => {
      const text = readFile(at, cx, s(p as V));
      return text === undefined ? unknown(at.r) : str(text, at.r);
    },
  },
  templatefile: {
    min: 2,
    max: 2,
    partial,
    fn: ([p, vars], at, cx, ev) => {
      const path = p as V;
      const given = vars as V;
      if (path.t === "unknown" || given.t === "unknown") return unknown(at.r);
      if (given.t !== "object") throw new EvalError("templatefile(): the variables must be an object");
      const text = readFile(at, cx, s(path));
      if (text === undefined || text.length > LIMITS.maxFileRead) return unknown(at.r);
      let names = cx.names;
      for (const k of sortedKeys(given.entries)) names = bind(names, k, given.entries.get(k) as V);
      const tmpl = templateOf(text);
      const out = ev(tmpl, { ...cx, names });
      // The template's lines are the template file's: the value belongs to the call.
      return place(out, at.r, true);
    },
  },
  cidrsubnet: { min: 3, max: 3, fn: ([p, bits, num], at) => str(cidrSubnet(s(p as V), int(bits as V), int(num as V)), at.r) },
};
