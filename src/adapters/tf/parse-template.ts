// HCL templates: quoted strings and heredocs with `${...}` interpolations and `%{if}`/`%{for}`
// directives, strip markers (`~`) and the indentation `<<-` removes. Read into a flat list first,
// so strip markers and indentation can look at neighbouring literal text, then nested.
import { Cursor } from "./parse-cursor.js";
import { parseExpr, parseForHead } from "./parse-expr.js";
import type { Expr, TmplPart } from "./syntax.js";

type Flat =
  | { t: "lit"; s: string }
  | { t: "interp"; x: Expr; sl: boolean; sr: boolean }
  | { t: "if"; x: Expr; sl: boolean; sr: boolean }
  | { t: "else" | "endif" | "endfor"; sl: boolean; sr: boolean }
  | { t: "for"; kv: string | undefined; vv: string; x: Expr; sl: boolean; sr: boolean };

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };

/** Reads `${ ... }` or `%{ ... }` after its opening two characters. */
function readInterp(c: Cursor, directive: boolean): Flat {
  const sl = c.eat("~");
  c.ws(true);
  let f: Flat;
  if (!directive) f = { t: "interp", x: parseExpr(c, true), sl, sr: false };
  else {
    const word = c.ident();
    c.ws(true);
    if (word === "if") f = { t: "if", x: parseExpr(c, true), sl, sr: false };
    else if (word === "else" || word === "endif" || word === "endfor") f = { t: word, sl, sr: false };
    else if (word === "for") {
      const { kv, vv, coll } = parseForHead(c, "%{for");
      f = { t: "for", kv, vv, x: coll, sl, sr: false };
    } else c.fail("expected if, else, endif, for or endfor in a template directive");
  }
  c.ws(true);
  f.sr = c.eat("~");
  c.expect("}", `"}" closing the template ${directive ? "directive" : "interpolation"}`);
  return f;
}

/** Applies strip markers: `~` trims the white space (newlines included) of the literal beside it. */
function strip(flat: Flat[]): void {
  flat.forEach((f, i) => {
    if (f.t === "lit") return;
    const prev = flat[i - 1];
    const next = flat[i + 1];
    if (f.sl && prev?.t === "lit") prev.s = prev.s.replace(/\s+$/, "");
    if (f.sr && next?.t === "lit") next.s = next.s.replace(/^\s+/, "");
  });
}

/**
 * `<<-`: removes the indentation of the least-indented line from every line. A line that starts
 * with an interpolation has no indentation; blank lines do not count.
 */
function dedent(flat: Flat[]): void {
  const starts: { f: number; at: number }[] = [];
  let min = Infinity;
  let pending = true;
  flat.forEach((f, i) => {
    if (f.t !== "lit") {
      if (pending) min = 0;
      pending = false;
      return;
    }
    let at = 0;
    if (!pending) {
      const nl = f.s.indexOf("\n");
      if (nl === -1) return;
      at = nl + 1;
    }
    pending = false;
    while (at < f.s.length) {
      let j = at;
      while (f.s[j] === " " || f.s[j] === "\t") j++;
      starts.push({ f: i, at });
      if (j < f.s.length ? f.s[j] !== "\n" : i < flat.length - 1) min = Math.min(min, j - at);
      const nl = f.s.indexOf("\n", at);
      if (nl === -1) return;
      at = nl + 1;
    }
    pending = true;
  });
  if (!Number.isFinite(min) || min === 0) return;
  const byLit = new Map<number, number[]>();
  for (const { f, at } of starts) {
    const list = byLit.get(f);
    if (list) list.push(at);
    else byLit.set(f, [at]);
  }
  for (const [f, ats] of byLit) {
    const lit = flat[f] as { t: "lit"; s: string };
    let out = "";
    let prev = 0;
    for (const at of ats) {
      out += lit.s.slice(prev, at);
      let j = at;
      while (j - at < min && (lit.s[j] === " " || lit.s[j] === "\t")) j++;
      prev = j;
    }
    lit.s = out + lit.s.slice(prev);
  }
}

/** Nests directives: if/else/endif and for/endfor become parts with bodies. */
function nest(c: Cursor, flat: Flat[], from: number): TmplPart[] {
  let i = 0;
  const read = (until: readonly string[]): { parts: TmplPart[]; end: string | undefined } => {
    const parts: TmplPart[] = [];
    while (i < flat.length) {
      const f = flat[i++] as Flat;
      if (f.t === "lit") {
        if (f.s !== "") {
          const last = parts[parts.length - 1];
          if (typeof last === "string") parts[parts.length - 1] = last + f.s;
          else parts.push(f.s);
        }
      } else if (f.t === "interp") parts.push(f.x);
      else if (f.t === "if") {
        const then = read(["else", "endif"]);
        const other = then.end === "else" ? read(["endif"]) : { parts: [], end: then.end };
        if (other.end !== "endif") c.fail("%{if} without %{endif}", from);
        parts.push({ k: "%if", c: f.x, then: then.parts, else: other.parts });
      } else if (f.t === "for") {
        const body = read(["endfor"]);
        if (body.end !== "endfor") c.fail("%{for} without %{endfor}", from);
        parts.push({ k: "%for", kv: f.kv, vv: f.vv, coll: f.x, body: body.parts });
      } else if (until.includes(f.t)) return { parts, end: f.t };
      else c.fail(`%{${f.t}} without its opening directive`, from);
    }
    return { parts, end: undefined };
  };
  const out = read([]);
  return out.parts;
}

function finish(c: Cursor, flat: Flat[], from: number, flush: boolean): Expr {
  strip(flat);
  if (flush) dedent(flat);
  const parts = nest(c, flat, from);
  const r = c.range(from, c.pos);
  if (parts.length === 0) return { k: "lit", v: "", r, o: from, z: c.pos };
  if (parts.length === 1 && typeof parts[0] === "string") return { k: "lit", v: parts[0], r, o: from, z: c.pos };
  return { k: "tmpl", parts, r, o: from, z: c.pos };
}

/** Reads template text up to `stop` (a quote) or, for heredocs, a line holding only the marker. */
function readParts(c: Cursor, quoted: boolean, marker: string | undefined): Flat[] {
  const whole = !quoted && marker === undefined;
  const t = c.text;
  const flat: Flat[] = [];
  let lit = "";
  let runStart = c.pos;
  const flushRun = (): void => {
    if (c.pos > runStart) lit += t.slice(runStart, c.pos);
  };
  const pushLit = (): void => {
    flushRun();
    if (lit !== "") flat.push({ t: "lit", s: lit });
    lit = "";
  };
  for (;;) {
    if (marker !== undefined && (c.pos === 0 || t.charCodeAt(c.pos - 1) === 10) && atMarker(t, c.pos, marker)) {
      pushLit();
      c.pos = t.indexOf(marker, c.pos) + marker.length;
      return flat;
    }
    const ch = t.charCodeAt(c.pos);
    if (Number.isNaN(ch) && whole) {
      pushLit();
      return flat;
    }
    if (Number.isNaN(ch)) c.fail(quoted ? "unterminated string" : `heredoc without its closing ${marker ?? ""} line`);
    if (quoted && ch === 34) {
      pushLit();
      c.pos++;
      return flat;
    }
    if (quoted && ch === 10) c.fail("unterminated string (a quoted string cannot span lines)");
    if (quoted && ch === 92 /* \ */) {
      flushRun();
      const m = /^\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/s.exec(t.slice(c.pos, c.pos + 10));
      const esc = m?.[1] ?? "";
      if (esc.length > 1) lit += String.fromCodePoint(parseInt(esc.slice(1), 16));
      else lit += ESCAPES[esc] ?? `\\${esc}`;
      c.pos += 1 + esc.length;
      runStart = c.pos;
      continue;
    }
    if ((ch === 36 /* $ */ || ch === 37) /* % */ && t.charCodeAt(c.pos + 1) === ch && t.charCodeAt(c.pos + 2) === 123) {
      // $${ and %%{ are the literal ${ and %{.
      flushRun();
      lit += ch === 36 ? "${" : "%{";
      c.pos += 3;
      runStart = c.pos;
      continue;
    }
    if ((ch === 36 || ch === 37) && t.charCodeAt(c.pos + 1) === 123) {
      pushLit();
      c.pos += 2;
      c.enter();
      flat.push(readInterp(c, ch === 37));
      c.leave();
      runStart = c.pos;
      continue;
    }
    c.pos++;
  }
}

/** Whether the line at `at` holds only the heredoc marker (white space around it allowed). */
function atMarker(t: string, at: number, marker: string): boolean {
  let i = at;
  while (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9) i++;
  if (!t.startsWith(marker, i)) return false;
  i += marker.length;
  while (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9 || t.charCodeAt(i) === 13) i++;
  return i >= t.length || t.charCodeAt(i) === 10;
}

export function parseQuoted(c: Cursor): Expr {
  const from = c.pos;
  const t = c.text;
  // Most strings are plain: no escapes, interpolations or directives.
  for (let i = from + 1; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch === 34) {
      c.pos = i + 1;
      return { k: "lit", v: t.slice(from + 1, i), r: c.range(from, c.pos), o: from, z: c.pos };
    }
    if (ch === 92 || ch === 10 || ((ch === 36 || ch === 37) && t.charCodeAt(i + 1) === 123)) break;
  }
  c.pos++;
  return finish(c, readParts(c, true, undefined), from, false);
}

export function parseHeredoc(c: Cursor): Expr {
  const from = c.pos;
  c.pos += 2;
  const flush = c.eat("-");
  const marker = c.ident();
  if (marker === undefined) c.fail("expected a heredoc marker after <<");
  while (c.code() === 32 || c.code() === 9 || c.code() === 13) c.pos++;
  if (c.code() !== 10) c.fail("expected a new line after the heredoc marker");
  c.pos++;
  return finish(c, readParts(c, false, marker), from, flush);
}

/** A whole text as a template (templatefile()); throws HclSyntaxError. */
export function parseTemplateText(text: string): Expr {
  const c = new Cursor(text);
  const flat = readParts(c, false, undefined);
  return finish(c, flat, 0, false);
}
