// Type constraints of input variables (`type = object({ encrypted = optional(bool, true) })`):
// values are converted as Terraform converts them, so "true" set on the command line is a bool,
// and an attribute left out of an object gets its optional default instead of an error.
import type { SourceRange } from "../../checks/types.js";
import { asBool, asNumber, asString } from "./eval-ops.js";
import { toSet } from "./functions-collection.js";
import type { Expr } from "./syntax.js";
import { EvalError, list, object, prim, type V } from "./value.js";

export type TypeSpec =
  | { k: "any" }
  | { k: "string" | "number" | "bool" }
  | { k: "list" | "set" | "map"; of: TypeSpec }
  | { k: "tuple"; of: TypeSpec[] }
  | { k: "object"; attrs: Map<string, { type: TypeSpec; optional: boolean; default: Expr | undefined }> };

const ANY: TypeSpec = { k: "any" };

/** Reads a type expression; anything it does not understand is `any` (no conversion). */
export function typeSpec(e: Expr | undefined): TypeSpec {
  if (!e) return ANY;
  if (e.k === "name") return e.name === "string" || e.name === "number" || e.name === "bool" ? { k: e.name } : ANY;
  if (e.k !== "call") return ANY;
  const [a] = e.args;
  if ((e.name === "list" || e.name === "set" || e.name === "map") && a) return { k: e.name, of: typeSpec(a) };
  if (e.name === "tuple" && a?.k === "tuple") return { k: "tuple", of: a.items.map(typeSpec) };
  if (e.name === "object" && a?.k === "object") {
    const attrs = new Map<string, { type: TypeSpec; optional: boolean; default: Expr | undefined }>();
    for (const item of a.items) {
      const name = item.bare ?? (item.key.k === "lit" && typeof item.key.v === "string" ? item.key.v : undefined);
      if (name === undefined) return ANY;
      const v = item.val;
      if (v.k === "call" && v.name === "optional") attrs.set(name, { type: typeSpec(v.args[0]), optional: true, default: v.args[1] });
      else attrs.set(name, { type: typeSpec(v), optional: false, default: undefined });
    }
    return { k: "object", attrs };
  }
  return ANY;
}

/** Whether a variable of this type takes `-var`/TF_VAR_ text literally (a primitive) or as an HCL expression. */
export function isPrimitive(t: TypeSpec): boolean {
  return t.k === "any" || t.k === "string" || t.k === "number" || t.k === "bool";
}

function fail(what: string): never {
  throw new EvalError(`the value does not match the variable's type (${what} expected)`);
}

/** Converts a value to a type; `evalDefault` evaluates an optional attribute's default. Throws EvalError. */
export function convert(v: V, t: TypeSpec, range: SourceRange, evalDefault: (e: Expr) => V): V {
  if (t.k === "any" || v.t === "unknown" || (v.t === "prim" && v.value === null)) return v;
  switch (t.k) {
    case "string":
      if (v.t !== "prim") fail("a string");
      return prim(asString(v) as string, v.range);
    case "number":
      if (v.t !== "prim") fail("a number");
      return prim(asNumber(v) as number, v.range);
    case "bool":
      if (v.t !== "prim") fail("a bool");
      return prim(asBool(v) as boolean, v.range);
    case "list":
    case "set": {
      if (v.t !== "list") fail(`a ${t.k}`);
      const items = v.items.map((x) => convert(x, t.of, range, evalDefault));
      return t.k === "set" ? toSet(items, v.range) : list(items, v.range);
    }
    case "tuple":
      if (v.t !== "list" || v.items.length !== t.of.length) fail("a tuple");
      return list(
        v.items.map((x, i) => convert(x, t.of[i] as TypeSpec, range, evalDefault)),
        v.range,
      );
    case "map": {
      if (v.t !== "object") fail("a map");
      const entries = new Map<string, V>();
      for (const [k, x] of v.entries) entries.set(k, convert(x, t.of, range, evalDefault));
      return object(entries, v.range);
    }
    case "object": {
      if (v.t !== "object") fail("an object");
      const entries = new Map<string, V>();
      for (const [name, a] of t.attrs) {
        const given = v.entries.get(name);
        if (given && !(given.t === "prim" && given.value === null && a.optional && a.default)) entries.set(name, convert(given, a.type, range, evalDefault));
        else if (a.optional) entries.set(name, a.default ? convert(evalDefault(a.default), a.type, range, evalDefault) : prim(null, v.range));
        else fail(`attribute "${name}"`);
      }
      return object(entries, v.range);
    }
  }
}
