// The CEL dialect of custom policies: one environment, expressions compiled once at load time
// (STYLE.md §3), with bounds on their size. CEL has no loops or recursion, so an expression's cost
// is bounded by its size and its nesting of comprehensions over the (bounded) model; `matches`,
// which would run a backtracking JavaScript regular expression over scanned text, is replaced by
// `matchesRE2`, linear-time and compiled at load time.
import { Environment, type ASTNode } from "@marcbachmann/cel-js";
import { RE2JS } from "re2js";

export const MAX_EXPRESSION_LENGTH = 4000;
const MAX_AST_NODES = 1000;
const MAX_DEPTH = 32;
/** `exists` inside `all` inside `map`...: each level multiplies the work by the size of a list. */
export const MAX_COMPREHENSION_NESTING = 3;
const COMPREHENSIONS = new Set(["all", "exists", "exists_one", "map", "filter"]);
const MAX_PATTERN_LENGTH = 1000;

/** A compiled expression: evaluate with the variables it may read. */
export type CompiledCel = (vars: { resource: unknown }) => unknown;

const patterns = new Map<string, RE2JS>();

function re2(pattern: string): RE2JS {
  let re = patterns.get(pattern);
  if (!re) {
    re = RE2JS.compile(pattern);
    patterns.set(pattern, re);
  }
  return re;
}

let env: Environment | undefined;

function environment(): Environment {
  if (!env) {
    env = new Environment({
      unlistedVariablesAreDyn: false,
      homogeneousAggregateLiterals: false,
      limits: { maxAstNodes: MAX_AST_NODES, maxDepth: MAX_DEPTH },
    })
      .registerVariable("resource", "dyn")
      // Patterns are checked when the expression is compiled, so the lookup never fails here.
      .registerFunction("string.matchesRE2(string): bool", (s: string, p: string) => re2(p).matcher(s).find());
  }
  return env;
}

/** The children of an AST node, whatever its operator. */
function childrenOf(n: ASTNode): ASTNode[] {
  const isNode = (x: unknown): x is ASTNode => typeof x === "object" && x !== null && "op" in x;
  switch (n.op) {
    case "value":
    case "id":
      return [];
    case "call":
      return n.args[1];
    case "rcall":
      return [n.args[1], ...n.args[2]];
    case ".":
    case ".?":
      return [n.args[0]];
    default: {
      const args: unknown = n.args;
      return Array.isArray(args) ? (args as unknown[]).flat().filter(isNode) : isNode(args) ? [args] : [];
    }
  }
}

/** Refuses what the bounds forbid; returns an error message or undefined. */
function vet(root: ASTNode): string | undefined {
  const stack: { n: ASTNode; nesting: number }[] = [{ n: root, nesting: 0 }];
  while (stack.length > 0) {
    const { n, nesting } = stack.pop() as { n: ASTNode; nesting: number };
    let inner = nesting;
    if (n.op === "rcall" || n.op === "call") {
      const name = n.args[0];
      if (name === "matches") return "matches() runs a backtracking regular expression: use matchesRE2(\"pattern\") (RE2 syntax)";
      if (name === "matchesRE2") {
        const p = n.op === "rcall" ? n.args[2][0] : n.args[1][1];
        if (p?.op !== "value" || typeof p.args !== "string") return "matchesRE2() takes a string literal pattern";
        if (p.args.length > MAX_PATTERN_LENGTH) return `matchesRE2() pattern longer than ${MAX_PATTERN_LENGTH} characters`;
        try {
          re2(p.args);
        } catch (e) {
          return `matchesRE2(): invalid pattern: ${(e as Error).message.split("\n")[0]}`;
        }
      }
      if (n.op === "rcall" && COMPREHENSIONS.has(name)) inner = nesting + 1;
      if (inner > MAX_COMPREHENSION_NESTING) return `comprehensions (all, exists, map, filter) nested more than ${MAX_COMPREHENSION_NESTING} deep`;
    }
    for (const c of childrenOf(n)) stack.push({ n: c, nesting: inner });
  }
  return undefined;
}

/** One line of a CEL error: its message without the source excerpt that the library appends. */
function firstLine(e: unknown): string {
  return ((e as Error).message ?? String(e)).split("\n")[0] ?? "invalid expression";
}

/**
 * Compiles an expression, or returns why it cannot be. `want` is the type the result must have
 * ("bool" for conditions); `dyn` results are accepted and checked when evaluated.
 */
export function compileCel(text: string, want?: "bool"): { run: CompiledCel } | { error: string } {
  if (text.length > MAX_EXPRESSION_LENGTH) return { error: `expression longer than ${MAX_EXPRESSION_LENGTH} characters` };
  let parsed;
  try {
    parsed = environment().parse(text);
  } catch (e) {
    return { error: firstLine(e) };
  }
  const checked = parsed.check();
  if (!checked.valid) return { error: firstLine(checked.error) };
  if (want && checked.type !== want && checked.type !== "dyn") return { error: `must be a ${want} expression, not ${checked.type}` };
  const problem = vet(parsed.ast);
  if (problem) return { error: problem };
  return { run: (vars) => parsed(vars) as unknown };
}
