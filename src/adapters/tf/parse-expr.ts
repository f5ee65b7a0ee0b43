// HCL expressions: operators by precedence, conditionals, postfix traversals and splats, collection
// constructors, `for` expressions and function calls. `nl` says whether a newline may sit inside
// the expression (inside brackets and parentheses) or ends it (an attribute, an object element).
import type { Cursor } from "./parse-cursor.js";
import { parseHeredoc, parseQuoted } from "./parse-template.js";
import type { BinaryOp, Expr, ObjectItem, Step } from "./syntax.js";

const LEVELS: readonly (readonly BinaryOp[])[] = [["||"], ["&&"], ["==", "!="], ["<=", ">=", "<", ">"], ["+", "-"], ["*", "/", "%"]];

/** The binary operator of this precedence level at the cursor, without consuming it. */
function operatorAt(c: Cursor, level: readonly BinaryOp[]): BinaryOp | undefined {
  for (const op of level) {
    if (!c.startsWith(op)) continue;
    const next = c.code(c.pos + op.length);
    // `=` after `<`/`>`/`=`/`!` belongs to a longer operator; `==` is not `=`, `=>` not `=`.
    if ((op === "<" || op === ">") && next === 61) continue;
    return op;
  }
  return undefined;
}

export function parseExpr(c: Cursor, nl: boolean): Expr {
  c.enter();
  const from = c.pos;
  const cond = parseBinary(c, nl, 0);
  c.ws(nl);
  let out = cond;
  if (c.code() === 63 /* ? */) {
    c.pos++;
    c.ws(true);
    const t = parseExpr(c, nl);
    c.ws(nl);
    c.expect(":", `":" of the conditional`);
    c.ws(true);
    const f = parseExpr(c, nl);
    out = { k: "cond" as const, c: cond, t, f, r: c.range(from, c.pos), o: from, z: c.pos };
  }
  c.leave();
  return out;
}

function parseBinary(c: Cursor, nl: boolean, level: number): Expr {
  const ops = LEVELS[level];
  if (!ops) return parseUnary(c, nl);
  const from = c.pos;
  let left = parseBinary(c, nl, level + 1);
  for (;;) {
    const save = c.pos;
    c.ws(nl);
    const op = operatorAt(c, ops);
    if (!op) {
      c.pos = save;
      return left;
    }
    c.pos += op.length;
    c.ws(true);
    const right = parseBinary(c, nl, level + 1);
    left = { k: "binary" as const, op, a: left, b: right, r: c.range(from, c.pos), o: from, z: c.pos };
  }
}

function parseUnary(c: Cursor, nl: boolean): Expr {
  const from = c.pos;
  const ch = c.code();
  if (ch === 45 /* - */ || (ch === 33 /* ! */ && c.code(c.pos + 1) !== 61)) {
    c.pos++;
    c.ws(nl);
    c.enter();
    const x = parseUnary(c, nl);
    c.leave();
    return { k: "unary" as const, op: ch === 45 ? ("-" as const) : ("!" as const), x, r: c.range(from, c.pos), o: from, z: c.pos };
  }
  return parsePostfix(c, nl, parsePrimary(c), from);
}

function parsePostfix(c: Cursor, nl: boolean, first: Expr, from: number): Expr {
  let x = first;
  for (;;) {
    const save = c.pos;
    c.ws(nl);
    if (c.code() === 46 /* . */ && c.code(c.pos + 1) !== 46) {
      c.pos++;
      if (c.eat("*")) {
        x = { k: "splat" as const, x, steps: splatSteps(c, nl, false), r: c.range(from, c.pos), o: from, z: c.pos };
        continue;
      }
      const n = c.number(true);
      if (n !== undefined) {
        x = { k: "index" as const, x, key: { k: "lit" as const, v: n, r: c.range(save, c.pos), o: save, z: c.pos }, r: c.range(from, c.pos), o: from, z: c.pos };
        continue;
      }
      const name = c.ident();
      if (name === undefined) c.fail("expected an attribute name after \".\"");
      x = { k: "attr" as const, x, name, r: c.range(from, c.pos), o: from, z: c.pos };
      continue;
    }
    if (c.code() === 91 /* [ */) {
      c.pos++;
      c.ws(true);
      if (c.code() === 42 /* * */) {
        c.pos++;
        c.ws(true);
        c.expect("]");
        x = { k: "splat" as const, x, steps: splatSteps(c, nl, true), r: c.range(from, c.pos), o: from, z: c.pos };
        continue;
      }
      const key = parseExpr(c, true);
      c.ws(true);
      c.expect("]");
      x = { k: "index" as const, x, key, r: c.range(from, c.pos), o: from, z: c.pos };
      continue;
    }
    c.pos = save;
    return x;
  }
}

/** The traversal steps a splat applies to each element: attributes, and indexes after `[*]`. */
function splatSteps(c: Cursor, nl: boolean, full: boolean): Step[] {
  const steps: Step[] = [];
  for (;;) {
    const save = c.pos;
    c.ws(nl);
    if (c.code() === 46 && c.code(c.pos + 1) !== 46 && c.code(c.pos + 1) !== 42) {
      c.pos++;
      const n = c.number(true);
      if (n !== undefined) {
        steps.push({ index: { k: "lit", v: n, r: c.range(save, c.pos), o: save, z: c.pos } });
        continue;
      }
      const name = c.ident();
      if (name === undefined) c.fail("expected an attribute name after \".\"");
      steps.push({ attr: name });
      continue;
    }
    if (full && c.code() === 91 && c.code(c.pos + 1) !== 42) {
      c.pos++;
      c.ws(true);
      const key = parseExpr(c, true);
      c.ws(true);
      c.expect("]");
      steps.push({ index: key });
      continue;
    }
    c.pos = save;
    return steps;
  }
}

function parsePrimary(c: Cursor): Expr {
  const from = c.pos;
  const ch = c.code();
  if (ch === 34 /* " */) return parseQuoted(c);
  if (ch === 60 /* < */ && c.code(c.pos + 1) === 60) return parseHeredoc(c);
  if (ch >= 48 && ch <= 57) {
    const v = c.number() as number;
    return { k: "lit" as const, v, r: c.range(from, c.pos), o: from, z: c.pos };
  }
  if (ch === 91 /* [ */) return parseTuple(c);
  if (ch === 123 /* { */) return parseObject(c);
  if (ch === 40 /* ( */) {
    c.pos++;
    c.ws(true);
    const inner = parseExpr(c, true);
    c.ws(true);
    c.expect(")");
    return inner;
  }
  const name = c.ident();
  if (name === undefined) c.fail(Number.isNaN(ch) ? "unexpected end of file: expected an expression" : "expected an expression");
  if (name === "true" || name === "false") return { k: "lit" as const, v: name === "true", r: c.range(from, c.pos), o: from, z: c.pos };
  if (name === "null") return { k: "lit" as const, v: null, r: c.range(from, c.pos), o: from, z: c.pos };
  let fn = name;
  // Provider-defined functions: provider::aws::arn_parse(...).
  while (c.startsWith("::")) {
    c.pos += 2;
    const part = c.ident();
    if (part === undefined) c.fail("expected a function name after \"::\"");
    fn += `::${part}`;
  }
  const save = c.pos;
  c.ws(false);
  if (c.code() === 40) return parseCall(c, from, fn);
  c.pos = save;
  if (fn !== name) c.fail("expected \"(\" after a provider function name");
  return { k: "name" as const, name, r: c.range(from, c.pos), o: from, z: c.pos };
}

function parseCall(c: Cursor, from: number, name: string): Expr {
  c.pos++;
  const args: Expr[] = [];
  let spread = false;
  c.ws(true);
  while (c.code() !== 41 /* ) */) {
    args.push(parseExpr(c, true));
    c.ws(true);
    if (c.eat("...")) {
      spread = true;
      c.ws(true);
      break;
    }
    if (!c.eat(",")) break;
    c.ws(true);
  }
  c.expect(")", `")" closing the call of ${name}`);
  return { k: "call" as const, name, args, spread, r: c.range(from, c.pos), o: from, z: c.pos };
}

/** Whether `for <ident>` starts here (and not an object key named `for`). */
function atFor(c: Cursor): boolean {
  if (!c.startsWith("for")) return false;
  const next = c.code(c.pos + 3);
  return next === 32 || next === 9 || next === 10 || next === 13;
}

/**
 * `k, v in coll` or `v in coll` after `for` (of an expression, or of a template's `%{for}`):
 * the variables and the collection. `what` names the construct in messages.
 */
export function parseForHead(c: Cursor, what: string): { kv: string | undefined; vv: string; coll: Expr } {
  const first = c.ident();
  if (first === undefined) c.fail(`expected a variable name after ${what}`);
  c.ws(true);
  let kv: string | undefined;
  let vv = first;
  if (c.eat(",")) {
    c.ws(true);
    const second = c.ident();
    if (second === undefined) c.fail(`expected a second variable name in ${what}`);
    kv = first;
    vv = second;
    c.ws(true);
  }
  if (c.ident() !== "in") c.fail(`expected "in" in ${what}`);
  c.ws(true);
  return { kv, vv, coll: parseExpr(c, true) };
}

function parseFor(c: Cursor, from: number, close: "]" | "}"): Expr {
  c.pos += 3;
  c.ws(true);
  const { kv, vv, coll } = parseForHead(c, "the for expression");
  c.ws(true);
  c.expect(":", `":" in the for expression`);
  c.ws(true);
  let key: Expr | undefined;
  let val = parseExpr(c, true);
  c.ws(true);
  if (close === "}") {
    c.expect("=>", `"=>" in the object for expression`);
    c.ws(true);
    key = val;
    val = parseExpr(c, true);
    c.ws(true);
  }
  const group = close === "}" && c.eat("...");
  c.ws(true);
  let cond: Expr | undefined;
  const save = c.pos;
  if (c.ident() === "if") {
    c.ws(true);
    cond = parseExpr(c, true);
    c.ws(true);
  } else c.pos = save;
  c.expect(close);
  return { k: "for" as const, kv, vv, coll, key, val, cond, group, r: c.range(from, c.pos), o: from, z: c.pos };
}

function parseTuple(c: Cursor): Expr {
  const from = c.pos;
  c.pos++;
  c.enter();
  c.ws(true);
  if (atFor(c)) {
    const f = parseFor(c, from, "]");
    c.leave();
    return f;
  }
  const items: Expr[] = [];
  while (c.code() !== 93 /* ] */) {
    items.push(parseExpr(c, true));
    c.ws(true);
    if (!c.eat(",")) break;
    c.ws(true);
  }
  c.expect("]", `"]" or "," in the list`);
  c.leave();
  return { k: "tuple" as const, items, r: c.range(from, c.pos), o: from, z: c.pos };
}

function parseObject(c: Cursor): Expr {
  const from = c.pos;
  c.pos++;
  c.enter();
  c.ws(true);
  if (atFor(c)) {
    const f = parseFor(c, from, "}");
    c.leave();
    return f;
  }
  const items: ObjectItem[] = [];
  for (;;) {
    c.ws(true);
    if (c.code() === 125 /* } */) break;
    const keyFrom = c.pos;
    const key = parseExpr(c, false);
    const bare = key.k === "name" && c.code(keyFrom) !== 40 ? key.name : undefined;
    c.ws(false);
    if (!c.eat("=") && !c.eat(":")) c.fail(`expected "=" after the object key`);
    c.ws(true);
    const val = parseExpr(c, false);
    items.push({ key, bare, val });
    c.ws(false);
    if (c.eat(",")) continue;
    const next = c.code();
    if (next === 10 || next === 125) continue;
    c.fail(`expected "," or a new line between object elements`);
  }
  c.pos++;
  c.leave();
  return { k: "object" as const, items, r: c.range(from, c.pos), o: from, z: c.pos };
}
