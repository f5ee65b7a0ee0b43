// The syntax tree of a Terraform (HCL native syntax) file, as the parser in parse.ts builds it and
// the evaluator reads it. Parsed once per file; every module instance evaluates the same tree.
import type { SourceRange } from "../../checks/types.js";

/** Where a node sits: its lines, and its offsets in the text (for `--debug` to quote it). */
export interface Span {
  r: SourceRange;
  o: number;
  z: number;
}

export type BinaryOp = "||" | "&&" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "+" | "-" | "*" | "/" | "%";

/** A step after a splat: `.name` or `[expr]`. */
export type Step = { attr: string } | { index: Expr };

export type Expr = Span &
  (
    | { k: "lit"; v: string | number | boolean | null }
    | { k: "tmpl"; parts: TmplPart[] }
    | { k: "tuple"; items: Expr[] }
    | { k: "object"; items: ObjectItem[] }
    | { k: "name"; name: string }
    | { k: "attr"; x: Expr; name: string }
    | { k: "index"; x: Expr; key: Expr }
    | { k: "splat"; x: Expr; steps: Step[] }
    | { k: "call"; name: string; args: Expr[]; spread: boolean }
    | { k: "cond"; c: Expr; t: Expr; f: Expr }
    | { k: "unary"; op: "-" | "!"; x: Expr }
    | { k: "binary"; op: BinaryOp; a: Expr; b: Expr }
    | { k: "for"; kv: string | undefined; vv: string; coll: Expr; key: Expr | undefined; val: Expr; cond: Expr | undefined; group: boolean }
  );

/** An object constructor element; `bare` is the key when written as a plain identifier (`{ team = "x" }`). */
export interface ObjectItem {
  key: Expr;
  bare: string | undefined;
  val: Expr;
}

export interface TmplIf {
  k: "%if";
  c: Expr;
  then: TmplPart[];
  else: TmplPart[];
}

export interface TmplFor {
  k: "%for";
  kv: string | undefined;
  vv: string;
  coll: Expr;
  body: TmplPart[];
}

/** Literal text, an interpolated expression, or a directive. */
export type TmplPart = string | Expr | TmplIf | TmplFor;

/**
 * Set on what an override file merged into a block of another file (override.ts): the file it is
 * written in (where it is evaluated) and the lines its values are reported at in the merged block.
 */
export interface MovedFrom {
  file: string;
  at: SourceRange;
}

export interface HclAttr {
  name: string;
  expr: Expr;
  r: SourceRange;
  from?: MovedFrom;
}

export interface HclBody {
  attrs: HclAttr[];
  blocks: HclBlock[];
}

export interface HclBlock extends HclBody {
  type: string;
  labels: string[];
  r: SourceRange;
  from?: MovedFrom;
}

export interface HclFile extends HclBody {
  /** Root-relative, `/`-separated. */
  path: string;
  text: string;
}
