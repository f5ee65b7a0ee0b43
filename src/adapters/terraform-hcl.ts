// HCL syntax to a small value tree. Only what is certain is evaluated: literals, `var.*` defaults,
// `local.*` and templates over known parts. Everything else stays unknown, with its reference text
// kept so resources in the same file can be joined (`aws_s3_bucket.logs.id`).
import Parser from "tree-sitter";
import HCL from "@tree-sitter-grammars/tree-sitter-hcl";
import type { SourceRange } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import type { IacNode } from "../models/value.js";

type SyntaxNode = Parser.SyntaxNode;

export type TfNode = IacNode;

export interface TfBlock {
  type: string;
  labels: string[];
  range: SourceRange;
  attrs: Map<string, TfNode>;
  blocks: TfBlock[];
}

let parser: Parser | undefined;

function getParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(HCL as unknown as Parser.Language);
  }
  return parser;
}

export function rangeOf(n: SyntaxNode): SourceRange {
  // A node ending at column 0 ends on the line before (heredocs include their newline).
  const endRow = n.endPosition.column === 0 && n.endPosition.row > n.startPosition.row ? n.endPosition.row - 1 : n.endPosition.row;
  return { startLine: n.startPosition.row + 1, endLine: endRow + 1 };
}

function firstError(n: SyntaxNode): SyntaxNode | undefined {
  if (n.type === "ERROR" || n.isMissing) return n;
  if (!n.hasError) return undefined;
  for (const c of n.children) {
    const e = firstError(c);
    if (e) return e;
  }
  return n;
}

interface Env {
  vars: Map<string, SyntaxNode>;
  locals: Map<string, SyntaxNode>;
  /** Each variable and local is evaluated once; one that refers back to itself is unknown. */
  cache: Map<string, TfNode | "pending">;
}

function unknown(n: SyntaxNode, ref?: string): TfNode {
  return ref === undefined ? { t: "unknown", range: rangeOf(n) } : { t: "unknown", range: rangeOf(n), ref };
}

const MAX_STRING = 1 << 20;

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };

function unescape(s: string): string {
  if (s.startsWith("\\u") || s.startsWith("\\U")) return String.fromCodePoint(parseInt(s.slice(2), 16));
  return ESCAPES[s.slice(1)] ?? s;
}

const QUOTED_ESCAPE = /\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g;

function literalText(s: string, quoted: boolean): string {
  return s.replace(QUOTED_ESCAPE, (m: string) => {
    if (m === "$${" || m === "%%{") return m.slice(1);
    return quoted ? unescape(m) : m;
  });
}

function evalTemplate(parts: readonly SyntaxNode[], env: Env, whole: SyntaxNode, quoted = true): TfNode {
  let out = "";
  for (const p of parts) {
    if (p.type === "template_literal") out += literalText(p.text, quoted);
    else if (p.type === "escape_sequence") out += unescape(p.text);
    else if (p.type === "template_interpolation") {
      const expr = p.namedChildren.find((c) => c.type === "expression");
      const v = expr ? evalExpr(expr, env) : undefined;
      if (v?.t !== "prim" || v.value === null) return unknown(whole);
      out += String(v.value);
      // Locals that double a string a few dozen times would otherwise exhaust memory.
      if (out.length > MAX_STRING) return unknown(whole);
    } else if (p.type === "quoted_template_start" || p.type === "quoted_template_end" || p.type === "heredoc_start" || p.type === "heredoc_identifier") {
      continue;
    } else return unknown(whole);
  }
  return { t: "prim", value: out, range: rangeOf(whole) };
}

function dedentHeredoc(s: string): string {
  const lines = s.split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}

function evalTraversal(head: SyntaxNode, rest: readonly SyntaxNode[], env: Env, whole: SyntaxNode): TfNode {
  const root = head.text;
  const names = rest.map((r) => (r.type === "get_attr" ? (r.namedChildren[0]?.text ?? "") : undefined));
  const ref = [root, ...names.map((n) => n ?? "[]")].join(".");
  let cur: TfNode | undefined;
  let from = 0;
  if ((root === "var" || root === "local") && names[0] !== undefined) {
    const key = `${root}.${names[0]}`;
    const cached = env.cache.get(key);
    if (cached === "pending") return unknown(whole, ref);
    if (cached) cur = cached;
    else {
      const src = (root === "var" ? env.vars : env.locals).get(names[0]);
      if (!src) return unknown(whole, ref);
      env.cache.set(key, "pending");
      cur = evalExpr(src, env);
      env.cache.set(key, cur);
    }
    from = 1;
  } else return unknown(whole, ref);
  for (let i = from; i < rest.length; i++) {
    const name = names[i];
    if (cur.t !== "object" || name === undefined) return unknown(whole, ref);
    const next: TfNode | undefined = cur.entries.get(name);
    if (!next) return unknown(whole, ref);
    cur = next;
  }
  // The value is where it was defined; a finding belongs where it is used.
  return { ...cur, range: rangeOf(whole) } as TfNode;
}

export function evalExpr(n: SyntaxNode, env: Env): TfNode {
  if (n.type !== "expression") return evalPrimary(n, env, n);
  if (n.namedChildCount === 1) {
    const only = n.firstNamedChild;
    if (only && only.type !== "variable_expr") return evalPrimary(only, env, n);
  }
  const [head, ...rest] = n.namedChildren;
  if (!head) return unknown(n);
  if (head.type === "variable_expr") return evalTraversal(head, rest, env, n);
  if (rest.length > 0) return unknown(n);
  return evalPrimary(head, env, n);
}

function evalPrimary(head: SyntaxNode, env: Env, whole: SyntaxNode): TfNode {
  const range = rangeOf(whole);
  switch (head.type) {
    case "expression":
      return evalExpr(head, env);
    case "literal_value": {
      const lit = head.firstNamedChild;
      if (!lit) return unknown(whole);
      if (lit.type === "numeric_lit") return { t: "prim", value: Number(lit.text), range };
      if (lit.type === "bool_lit") return { t: "prim", value: lit.text === "true", range };
      if (lit.type === "null_lit") return { t: "prim", value: null, range };
      if (lit.type === "string_lit") return evalTemplate(lit.children, env, whole);
      return unknown(whole);
    }
    case "template_expr": {
      const t = head.namedChildren[0];
      if (!t) return unknown(whole);
      const v = evalTemplate(t.children, env, whole, t.type !== "heredoc_template");
      if (t.type === "heredoc_template" && v.t === "prim" && typeof v.value === "string") {
        const strip = t.children.some((c) => c.type === "heredoc_start" && c.text.includes("-"));
        return { ...v, value: strip ? dedentHeredoc(v.value) : v.value };
      }
      return v;
    }
    case "collection_value": {
      const c = head.namedChildren[0];
      if (c?.type === "tuple") {
        return { t: "list", items: c.namedChildren.filter((x) => x.type === "expression").map((x) => evalExpr(x, env)), range };
      }
      if (c?.type === "object") {
        const entries = new Map<string, TfNode>();
        for (const el of c.namedChildren.filter((x) => x.type === "object_elem")) {
          const [k, v] = el.namedChildren.filter((x) => x.type === "expression");
          if (!k || !v) continue;
          const bare = k.namedChildren.length === 1 && k.namedChildren[0]?.type === "variable_expr" ? k.text : undefined;
          const key = bare ?? (() => {
            const kv = evalExpr(k, env);
            return kv.t === "prim" && typeof kv.value === "string" ? kv.value : undefined;
          })();
          if (key === undefined) return unknown(whole);
          entries.set(key, evalExpr(v, env));
        }
        return { t: "object", entries, range };
      }
      return unknown(whole);
    }
    case "operation": {
      const u = head.namedChildren[0];
      if (u?.type === "unary_operation" && u.children[0]?.text === "-") {
        const inner = u.namedChildren.at(-1);
        const v = inner ? evalPrimary(inner, env, whole) : undefined;
        if (v?.t === "prim" && typeof v.value === "number") return { ...v, value: -v.value };
      }
      return unknown(whole);
    }
    case "function_call": {
      const name = head.namedChildren[0]?.text;
      const arg = head.namedChildren.find((x) => x.type === "function_arguments")?.namedChildren.filter((x) => x.type === "expression");
      if (name === "jsonencode" && arg?.length === 1 && arg[0]) return { t: "unknown", range, encoded: evalExpr(arg[0], env) };
      return unknown(whole);
    }
    default:
      return unknown(whole);
  }
}

function readBlock(n: SyntaxNode, env: Env): TfBlock {
  const named = n.namedChildren;
  const type = named[0]?.text ?? "";
  const labels: string[] = [];
  let body: SyntaxNode | undefined;
  for (let i = 1; i < named.length; i++) {
    const c = named[i] as SyntaxNode;
    if (c.type === "string_lit") labels.push(labelText(c));
    else if (c.type === "identifier") labels.push(c.text);
    else if (c.type === "body") body = c;
  }
  const attrs = new Map<string, TfNode>();
  const blocks: TfBlock[] = [];
  for (const c of body?.namedChildren ?? []) {
    if (c.type === "attribute") {
      const parts = c.namedChildren;
      const name = parts[0]?.text;
      const expr = parts[1];
      if (name && expr?.type === "expression") attrs.set(name, { ...evalExpr(expr, env), range: rangeOf(c) } as TfNode);
    } else if (c.type === "block") blocks.push(readBlock(c, env));
  }
  return { type, labels, range: rangeOf(n), attrs, blocks };
}

function labelText(n: SyntaxNode): string {
  let out = "";
  for (const x of n.children) if (x.type === "template_literal") out += x.text;
  return out;
}

/** Parses one Terraform file into its top-level blocks, values evaluated as far as they are certain. */
export function parseHcl(text: string, path: string): TfBlock[] {
  const tree = getParser().parse(text, undefined, { bufferSize: Math.max(32 * 1024, text.length * 2 + 16) });
  const err = firstError(tree.rootNode);
  if (err) throw new InputError(`${path}:${err.startPosition.row + 1}: not valid Terraform (HCL) syntax`);
  const top = tree.rootNode.namedChildren.find((c) => c.type === "body")?.namedChildren.filter((c) => c.type === "block") ?? [];
  const env: Env = { vars: new Map(), locals: new Map(), cache: new Map() };
  for (const b of top) {
    const kind = b.namedChildren[0]?.text;
    const body = b.namedChildren.find((c) => c.type === "body");
    if (kind === "variable") {
      const label = b.namedChildren.find((c) => c.type === "string_lit");
      const name = label ? labelText(label) : undefined;
      const def = body?.namedChildren.find((c) => c.type === "attribute" && c.namedChildren[0]?.text === "default");
      const expr = def?.namedChildren.find((x) => x.type === "expression");
      if (name && expr) env.vars.set(name, expr);
    } else if (kind === "locals") {
      for (const a of body?.namedChildren ?? []) {
        const expr = a.namedChildren.find((x) => x.type === "expression");
        const name = a.namedChildren[0]?.text;
        if (a.type === "attribute" && name && expr) env.locals.set(name, expr);
      }
    }
  }
  return top.map((b) => readBlock(b, env));
}
