// What an expression is evaluated against: the module instance it belongs to (its variables,
// locals, resources and calls), the file it is written in, and the names in scope (for
// expression variables, count, each, dynamic block iterators).
import type { Budget } from "./limits.js";
import type { SourceRange } from "../../checks/types.js";
import type { Expr, Step } from "./syntax.js";
import type { V } from "./value.js";

/** Where something is, for `--debug`: its lines, and its text when the offsets are given. */
export interface Where {
  r: SourceRange;
  o?: number;
  z?: number;
}

/** A traversal step: `.name`, `[key]`, or a splat with the steps it applies to each element. */
export type TStep = { attr: string } | { index: Expr } | { splat: Step[] };

export interface Names {
  name: string;
  value: V;
  up: Names | undefined;
}

export function bind(up: Names | undefined, name: string, value: V): Names {
  return { name, value, up };
}

export function findName(n: Names | undefined, name: string): V | undefined {
  for (let x = n; x; x = x.up) if (x.name === name) return x.value;
  return undefined;
}

/** What a root name resolved to. */
export interface Resolved {
  value: V;
  /** The file the value was computed in (its nested lines belong to it). */
  file: string;
  /** How many of the steps the lookup consumed. */
  used: number;
  /** The traversal text so far (`module.a.aws_s3_bucket.x[0].id`), the `ref` of an unknown result. */
  text: string;
}

export interface Scope {
  readonly budget: Budget;
  /** Resolves `root` and the steps after it: var, local, module, data, path, resource types. */
  lookup(root: string, steps: readonly TStep[], cx: Cx, at: Expr): Resolved;
  /** Set when --debug wants to know why values are unknown. */
  readonly explain: ((at: Where, file: string, why: string) => void) | undefined;
  /** Reads a file for file()/templatefile() (path as written, relative to the root module); undefined when not allowed. */
  readFile(path: string): string | undefined;
}

export interface Cx {
  scope: Scope;
  /** The file the expression is in, root-relative. */
  file: string;
  names: Names | undefined;
}
