// A Terraform file's body: attributes (`name = expr`, ended by a new line) and blocks
// (`type "label" ... { body }`). Throws HclSyntaxError with the line of the first problem.
//
// Hand-written on purpose, not tree-sitter (the project's standard for HCL). node-tree-sitter frees a
// Tree only in an N-API finalizer, which Node 20 runs on a later turn of the event loop after a GC,
// and tf/project.ts parses every file in one synchronous pass: trees dropped right after use still
// pile up. Measured on `npm run bench -- terraform-10k` (10,006 files, 1M lines; Node 20.20,
// tree-sitter 0.25.1, tree-sitter-hcl 1.2.0), parse plus cursor walk per file, tree dropped at once:
// peak RSS 1.80 GB and 13-14 s, against 0.67 GB and 5-6 s with this parser (bound: 1 GB, 60 s).
// Forced GCs without a turn of the event loop free nothing (10k trees alone: 1.24 GB; with turns:
// 0.14 GB). Parsing in a worker thread behind a synchronous call fits (0.63-0.77 GB) but takes 18-19 s.
// The grammar also differs from HCL: `a ? b : c ? d : e` is left-associative, `1e5` is refused, and
// `a = 1 b = 2` on one line is accepted. Revisit if the binding can free a tree synchronously.
import { Cursor, HclSyntaxError, MAX_BLOCKS_PER_FILE } from "./parse-cursor.js";
import { parseExpr } from "./parse-expr.js";
import { parseQuoted } from "./parse-template.js";
import type { Expr, HclAttr, HclBlock, HclBody, HclFile } from "./syntax.js";

export { HclSyntaxError };

/** After an attribute or a block: a new line, the end of the file, or the `}` of a one-line block. */
function endOfItem(c: Cursor): void {
  c.ws(false);
  const ch = c.code();
  if (ch === 10) c.pos++;
  else if (ch !== 125 && !Number.isNaN(ch)) c.fail("expected a new line after the attribute or block");
}

function parseBody(c: Cursor, inBlock: boolean): HclBody {
  const attrs: HclAttr[] = [];
  const blocks: HclBlock[] = [];
  for (;;) {
    c.ws(true);
    if (c.eof()) {
      if (inBlock) c.fail("unexpected end of file: expected \"}\"");
      break;
    }
    if (c.code() === 125) {
      if (!inBlock) c.fail("unexpected \"}\"");
      break;
    }
    const from = c.pos;
    const name = c.ident();
    if (name === undefined) c.fail("expected an attribute or a block");
    c.ws(false);
    if (c.code() === 61 /* = */ && c.code(c.pos + 1) !== 61) {
      c.pos++;
      c.ws(false);
      const expr = parseExpr(c, false);
      attrs.push({ name, expr, r: c.range(from, c.pos) });
      endOfItem(c);
      continue;
    }
    const labels: string[] = [];
    for (;;) {
      if (c.code() === 34) {
        const label = parseQuoted(c);
        if (label.k !== "lit" || typeof label.v !== "string") c.fail("a block label must be a plain string", label.o);
        labels.push(label.v);
      } else {
        const id = c.ident();
        if (id === undefined) break;
        labels.push(id);
      }
      c.ws(false);
    }
    if (c.code() !== 123) c.fail(`expected "=" or "{" after ${name}`);
    if (++c.blocks > MAX_BLOCKS_PER_FILE) throw new HclSyntaxError(c.lineAt(from), `more than ${MAX_BLOCKS_PER_FILE.toLocaleString("en-US")} blocks in one file`, true);
    c.pos++;
    c.enter();
    const body = parseBody(c, true);
    c.leave();
    c.pos++;
    blocks.push({ type: name, labels, attrs: body.attrs, blocks: body.blocks, r: c.range(from, c.pos) });
    endOfItem(c);
  }
  return { attrs, blocks };
}

/** Parses one file; `path` is kept on the result (root-relative, `/`-separated). */
export function parseHclFile(text: string, path: string): HclFile {
  const c = new Cursor(text);
  const body = parseBody(c, false);
  return { path, text, attrs: body.attrs, blocks: body.blocks };
}

/** Parses a variables file (`.tfvars`): a body of attributes only. */
export function parseTfvars(text: string, path: string): HclFile {
  const f = parseHclFile(text, path);
  const block = f.blocks[0];
  if (block) throw new HclSyntaxError(block.r.startLine, "a variables file holds attributes only, not blocks");
  return f;
}

/** Parses a lone expression (a `--var` value for a variable of a complex type). */
export function parseExprText(text: string): Expr {
  const c = new Cursor(text);
  c.ws(true);
  const e = parseExpr(c, true);
  c.ws(true);
  if (!c.eof()) c.fail("unexpected text after the expression");
  return e;
}
