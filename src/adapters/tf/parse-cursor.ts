// A position in the text being parsed: skipping white space and comments, reading identifiers and
// numbers, and turning offsets into line ranges. The parser is hand-written (no tokenizer pass) so
// templates can nest expressions without lexer modes, and so a 1M-line tree parses in seconds.
import type { SourceRange } from "../../checks/types.js";

export class HclSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
    /** The file is well-formed as far as read, but over a bound on its size (it is not scanned either). */
    readonly tooLarge = false,
  ) {
    super(detail);
    this.name = "HclSyntaxError";
  }
}

/** Nesting beyond this is refused as a syntax error rather than risking the stack. */
export const MAX_NESTING = 200;

/**
 * Blocks (resources, nested blocks) in one file. Real files hold a few thousand; a generated file of
 * a million resources would take gigabytes to evaluate, so it is refused, naming the line.
 */
export const MAX_BLOCKS_PER_FILE = 50_000;

const IDENT_REST = /[\p{ID_Continue}-]*/uy;
const IDENT_START = /[\p{ID_Start}_]/uy;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const DIGITS = /[0-9]+/y;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentRest(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
}

export class Cursor {
  pos = 0;
  depth = 0;
  blocks = 0;
  private readonly lineStarts: number[] = [0];
  private readonly oneLine: SourceRange[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Line numbers follow the lines snippets are cut from: \n, \r\n and a lone \r each end one.
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line of an offset. */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The lines of [from, to): single-line ranges are shared, they are by far the most common. */
  range(from: number, to: number): SourceRange {
    const start = this.lineAt(from);
    const end = to > from ? this.lineAt(to - 1) : start;
    if (start !== end) return { startLine: start, endLine: end };
    let r = this.oneLine[start];
    if (!r) {
      r = { startLine: start, endLine: start };
      this.oneLine[start] = r;
    }
    return r;
  }

  fail(detail: string, at = this.pos): never {
    throw new HclSyntaxError(this.lineAt(Math.min(at, this.text.length)), detail);
  }

  enter(): void {
    if (++this.depth > MAX_NESTING) this.fail(`nested more than ${MAX_NESTING} levels deep`);
  }

  leave(): void {
    this.depth--;
  }

  code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  eof(): boolean {
    return this.pos >= this.text.length;
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  /** Skips spaces, tabs and comments; newlines too when `nl` (inside brackets, between body items). */
  ws(nl: boolean): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 13 || c === 0xfeff) this.pos++;
      else if (c === 10 && nl) this.pos++;
      else if (c === 35 || (c === 47 && t.charCodeAt(this.pos + 1) === 47)) {
        // A line comment ends before its newline, which still ends the attribute it follows.
        const end = t.indexOf("\n", this.pos);
        this.pos = end === -1 ? t.length : end;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const end = t.indexOf("*/", this.pos + 2);
        if (end === -1) this.fail("unterminated /* comment");
        this.pos = end + 2;
      } else return;
    }
  }

  /** Reads an identifier at the cursor, or undefined when there is none. */
  ident(): string | undefined {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    if (isIdentStart(c)) {
      let i = start + 1;
      while (i < t.length && isIdentRest(t.charCodeAt(i))) i++;
      if (i >= t.length || t.charCodeAt(i) < 128) {
        this.pos = i;
        return t.slice(start, i);
      }
    } else if (c < 128 || Number.isNaN(c)) return undefined;
    IDENT_START.lastIndex = start;
    if (!IDENT_START.test(t)) return undefined;
    IDENT_REST.lastIndex = IDENT_START.lastIndex;
    IDENT_REST.test(t);
    this.pos = IDENT_REST.lastIndex;
    return t.slice(start, this.pos);
  }

  /** A number literal; `digitsOnly` for a legacy index (`x.1.0` is x[1][0]). */
  number(digitsOnly = false): number | undefined {
    const re = digitsOnly ? DIGITS : NUMBER;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.pos = re.lastIndex;
    return Number(m[0]);
  }

  /** Consumes `s` when it is next. */
  eat(s: string): boolean {
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string, what = `"${s}"`): void {
    if (!this.eat(s)) this.fail(`expected ${what}`);
  }
}
