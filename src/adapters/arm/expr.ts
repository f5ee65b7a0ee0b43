// The ARM template expression language (`"[concat(parameters('a'), '-x')]"`) parsed to a small
// tree: function calls, string and number literals, property access and indexing. Parsing is
// bounded in length and depth; a malformed expression is reported, never guessed at.

export type Expr =
  | { k: "str"; v: string }
  | { k: "num"; v: number }
  | { k: "call"; name: string; args: Expr[] }
  | { k: "prop"; obj: Expr; name: string }
  | { k: "index"; obj: Expr; idx: Expr };

export const MAX_EXPR_LENGTH = 64 * 1024;
export const MAX_EXPR_DEPTH = 64;

export class ExprSyntaxError extends Error {}

/**
 * What a JSON string means to ARM: an expression (`[...]`), or a literal (`[[` escapes a literal
 * leading bracket).
 */
export function classify(s: string): { expr: string } | { literal: string } {
  if (s.startsWith("[[")) return { literal: s.slice(1) };
  if (s.length >= 2 && s.startsWith("[") && s.endsWith("]")) return { expr: s.slice(1, -1) };
  return { literal: s };
}

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_]/;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Expr {
    const e = this.expr(0);
    this.ws();
    if (this.i < this.s.length) throw new ExprSyntaxError(`unexpected '${this.s[this.i] ?? ""}' at column ${this.i + 1}`);
    return e;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i] as string)) this.i++;
  }

  private peek(): string {
    this.ws();
    return this.s[this.i] ?? "";
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw new ExprSyntaxError(`expected '${c}' at column ${this.i + 1}`);
    this.i++;
  }

  private expr(depth: number): Expr {
    if (depth > MAX_EXPR_DEPTH) throw new ExprSyntaxError(`nested deeper than ${MAX_EXPR_DEPTH} levels`);
    let e = this.primary(depth);
    for (;;) {
      const c = this.peek();
      if (c === ".") {
        this.i++;
        this.ws();
        e = { k: "prop", obj: e, name: this.ident() };
      } else if (c === "[") {
        this.i++;
        const idx = this.expr(depth + 1);
        this.expect("]");
        e = { k: "index", obj: e, idx };
      } else return e;
    }
  }

  private ident(): string {
    const start = this.i;
    if (!IDENT_START.test(this.s[this.i] ?? "")) throw new ExprSyntaxError(`expected a name at column ${this.i + 1}`);
    while (this.i < this.s.length && IDENT.test(this.s[this.i] as string)) this.i++;
    return this.s.slice(start, this.i);
  }

  private primary(depth: number): Expr {
    const c = this.peek();
    if (c === "'") return this.string();
    if (c === "-" || /[0-9]/.test(c)) return this.number();
    if (c === "(") {
      this.i++;
      const inner = this.expr(depth + 1);
      this.expect(")");
      return inner;
    }
    let name = this.ident();
    // A user-defined function is called as `namespace.name(...)`.
    if (this.s[this.i] === "." && IDENT_START.test(this.s[this.i + 1] ?? "")) {
      const save = this.i;
      this.i++;
      const member = this.ident();
      if (this.peek() === "(") name = `${name}.${member}`;
      else this.i = save;
    }
    if (this.peek() !== "(") {
      const lower = name.toLowerCase();
      // Bare `true`, `false` and `null` are read as the functions of the same name.
      if (lower === "true" || lower === "false" || lower === "null") return { k: "call", name: lower, args: [] };
      throw new ExprSyntaxError(`'${name}' is not a function call`);
    }
    this.i++;
    const args: Expr[] = [];
    if (this.peek() !== ")") {
      for (;;) {
        args.push(this.expr(depth + 1));
        if (this.peek() === ",") {
          this.i++;
          continue;
        }
        break;
      }
    }
    this.expect(")");
    return { k: "call", name, args };
  }

  private string(): Expr {
    this.i++;
    let out = "";
    for (;;) {
      const j = this.s.indexOf("'", this.i);
      if (j < 0) throw new ExprSyntaxError("unterminated string");
      out += this.s.slice(this.i, j);
      this.i = j + 1;
      if (this.s[this.i] === "'") {
        out += "'";
        this.i++;
        continue;
      }
      return { k: "str", v: out };
    }
  }

  private number(): Expr {
    const m = /^-?\d+(\.\d+)?/.exec(this.s.slice(this.i));
    if (!m) throw new ExprSyntaxError(`expected a number at column ${this.i + 1}`);
    this.i += m[0].length;
    return { k: "num", v: Number(m[0]) };
  }
}

/** Parses the text between the brackets of an ARM expression. Throws ExprSyntaxError. */
export function parseExpr(text: string): Expr {
  if (text.length > MAX_EXPR_LENGTH) throw new ExprSyntaxError(`longer than ${MAX_EXPR_LENGTH} characters`);
  return new Parser(text).parse();
}
