// The HCL parser: structure and lines (checked against tree-sitter's HCL grammar on real-looking
// files), templates and heredocs, errors with their line, and hostile input (deep nesting, any bytes).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import Parser from "tree-sitter";
import HCL from "@tree-sitter-grammars/tree-sitter-hcl";
import { describe, expect, it } from "vitest";
import { HclSyntaxError } from "../../src/adapters/tf/parse-cursor.js";
import { parseExprText, parseHclFile } from "../../src/adapters/tf/parse.js";
import type { HclBody } from "../../src/adapters/tf/syntax.js";
import { evalLocal, plain } from "./terraform-helpers.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/terraform");
const DEMO = join(import.meta.dirname, "../../demo/terraform");

/** Blocks and attributes with their lines, as an outline both parsers can be compared on. */
type Outline = string[];

function outline(body: HclBody, indent = ""): Outline {
  const out: Outline = [];
  for (const a of body.attrs) out.push(`${indent}${a.name} = @${a.r.startLine}-${a.r.endLine}`);
  for (const b of body.blocks) {
    out.push(`${indent}${[b.type, ...b.labels.map((l) => JSON.stringify(l))].join(" ")} { @${b.r.startLine}-${b.r.endLine}`);
    out.push(...outline(b, `${indent}  `));
  }
  return out;
}

type Node = Parser.SyntaxNode;

function tsLines(n: Node): string {
  const endRow = n.endPosition.column === 0 && n.endPosition.row > n.startPosition.row ? n.endPosition.row - 1 : n.endPosition.row;
  return `@${n.startPosition.row + 1}-${endRow + 1}`;
}

function tsOutline(body: Node | undefined, indent = ""): Outline {
  const attrs: Outline = [];
  const blocks: Outline = [];
  for (const c of body?.namedChildren ?? []) {
    if (c.type === "attribute") attrs.push(`${indent}${c.namedChildren[0]?.text ?? ""} = ${tsLines(c)}`);
    if (c.type !== "block") continue;
    const named = c.namedChildren;
    const labels = named.slice(1).filter((x) => x.type === "string_lit" || x.type === "identifier").map((x) => JSON.stringify(x.type === "identifier" ? x.text : x.text.slice(1, -1)));
    blocks.push(`${indent}${[named[0]?.text ?? "", ...labels].join(" ")} { ${tsLines(c)}`);
    blocks.push(...tsOutline(named.find((x) => x.type === "body"), `${indent}  `));
  }
  return [...attrs, ...blocks];
}

function treeSitter(text: string): Outline {
  const p = new Parser();
  p.setLanguage(HCL as unknown as Parser.Language);
  const tree = p.parse(text, undefined, { bufferSize: Math.max(32 * 1024, text.length * 2 + 16) });
  expect(tree.rootNode.hasError).toBe(false);
  return tsOutline(tree.rootNode.namedChildren.find((c) => c.type === "body"));
}

const corpus = [
  ...readdirSync(join(FIXTURES, "syntax")).map((f) => join(FIXTURES, "syntax", f)),
  ...readdirSync(DEMO).map((f) => join(DEMO, f)),
];

describe("the HCL parser", () => {
  it.each(corpus.map((f) => ({ file: f.split("/").slice(-2).join("/"), path: f })))("reads $file as tree-sitter does (blocks, labels, attributes, lines)", ({ path }) => {
    const text = readFileSync(path, "utf8");
    expect(outline(parseHclFile(text, "x.tf"))).toEqual(treeSitter(text));
  });

  it.each([
    { text: `a = 1\nb { c = 2 }\n`, outline: ["a = @1-1", "b { @2-2", "  c = @2-2"] },
    { text: `resource "x" "y" {\n}\n`, outline: ['resource "x" "y" { @1-2'] },
    { text: `block label1 "label2" {}\n`, outline: ['block "label1" "label2" { @1-1'] },
    { text: `a = <<EOT\nx\nEOT\nb = 2`, outline: ["a = @1-3", "b = @4-4"] },
    { text: `a = [\n  1,\n  2\n]\n# done`, outline: ["a = @1-4"] },
    { text: `a = {\n  x = 1\n  y = 2, z = 3\n}\r\nb = 1\r\n`, outline: ["a = @1-4", "b = @5-5"] },
    { text: `\uFEFFa = 1 /* x */ # y\n`, outline: ["a = @1-1"] },
  ])("reads $text", ({ text, outline: expected }) => {
    expect(outline(parseHclFile(text, "x.tf"))).toEqual(expected);
  });

  it.each([
    { expr: `"a\${"b"}c"`, value: "abc" },
    { expr: `<<EOT\n  two\n    four\nEOT`, value: "  two\n    four\n" },
    { expr: `<<-EOT\n    two\n      four\n    EOT`, value: "two\n  four\n" },
    { expr: `<<-EOT\n    \${"x"} first\n      second\n    EOT`, value: "x first\n  second\n" },
    { expr: `<<-EOT\n\${"x"}\n    y\n    EOT`, value: "x\n    y\n" },
    { expr: `"\${~ " a " ~} b"`, value: " a b" },
    { expr: `"$\${x} %%{y} \\\\ \\" \\u00e9 \\U0001F600"`, value: "${x} %{y} \\ \" é 😀" },
    { expr: `<<EOT\n%{ for x in ["a", "b"] ~}\n\${x}\n%{~ endfor }\nEOT`, value: "ab\n" },
    { expr: `"%{if 1 > 2}big%{else}small%{endif}"`, value: "small" },
    { expr: `[1, 2, 3,]`, value: [1, 2, 3] },
    { expr: `{ "k" : 1, k2 = 2 }`, value: { k: 1, k2: 2 } },
    { expr: `[for s in ["a","b"] : s\n]`, value: ["a", "b"] },
    { expr: `(1 +\n 2)`, value: 3 },
    { expr: `{ a = [ { b = 1 } ] }.a[0].b`, value: 1 },
    { expr: `[[1,2],[3,4]].1.0`, value: 3 },
    { expr: `[{a = {b = 1}}, {a = {b = 2}}][*].a.b`, value: [1, 2] },
    { expr: `[{a = 1}, {a = 2}].*.a`, value: [1, 2] },
    { expr: `!true == false`, value: true },
    { expr: `1 + 2 * 3 - 4 / 2`, value: 5 },
    { expr: `1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3 || false`, value: true },
    { expr: `true ? false ? 1 : 2 : 3`, value: 2 },
    { expr: `ünïcode_name`, value: "?ünïcode_name" },
  ])("evaluates $expr", ({ expr, value }) => {
    expect(plain(evalLocal(`[\n${expr}\n]`))).toEqual([value]);
  });

  it.each([
    { text: `a = = 1\n`, line: 1, detail: /expected an expression/ },
    { text: `resource "x" "y" {\n  a = 1\n`, line: 3, detail: /expected "}"/ },
    { text: `a = "unterminated\nb = 1\n`, line: 1, detail: /unterminated string/ },
    { text: `a = <<EOT\nno end\n`, line: 3, detail: /heredoc without its closing EOT line/ },
    { text: `a = [1, 2\nb = 3\n`, line: 2, detail: /"\]" or ","/ },
    { text: `a = 1 b = 2\n`, line: 1, detail: /expected a new line/ },
    { text: `}\n`, line: 1, detail: /unexpected "}"/ },
    { text: `x "${"$"}{a}" {}\n`, line: 1, detail: /plain string/ },
    { text: `a = "%{if true}x"\n`, line: 1, detail: /without %\{endif\}/ },
    { text: `a = f(1\n`, line: 2, detail: /closing the call of f/ },
    { text: `/* open`, line: 1, detail: /unterminated \/\* comment/ },
  ])("refuses $text at line $line", ({ text, line, detail }) => {
    let err: unknown;
    try {
      parseHclFile(text, "bad.tf");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HclSyntaxError);
    expect((err as HclSyntaxError).line).toBe(line);
    expect((err as HclSyntaxError).detail).toMatch(detail);
  });

  it("refuses deep nesting quickly instead of overflowing the stack", () => {
    for (const text of [`a = ${"[".repeat(100_000)}`, `a = ${"(".repeat(100_000)}1${")".repeat(100_000)}`, `${"b {\n".repeat(5000)}`, `a = "${"${\"".repeat(5000)}"`, `a = ${"-".repeat(100_000)}1`]) {
      const start = performance.now();
      expect(() => parseHclFile(text, "deep.tf")).toThrow(/nested more than 200 levels deep/);
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });

  it("parses a lone expression and refuses trailing text", () => {
    expect(parseExprText(" [1, 2] ").k).toBe("tuple");
    expect(() => parseExprText("1 2")).toThrow(HclSyntaxError);
  });

  it("never fails on any input with anything but a syntax error", () => {
    const pieces = ["a", " = ", "\n", "{", "}", "[", "]", "(", ")", '"', "${", "%{", "<<EOT\n", "EOT\n", "x.y", "[*]", ".*", " ? ", " : ", "for ", " in ", "if ", "...", ",", "#", "//", "/*", "*/", "1.5e3", "\\", "~", "=>", "!", "-", "resource", '"lbl"', "\u00e9", "\r\n"];
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join(""))), (text) => {
        try {
          const f = parseHclFile(text, "fuzz.tf");
          expect(Array.isArray(f.blocks)).toBe(true);
        } catch (e) {
          if (!(e instanceof HclSyntaxError)) throw e;
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("parses 100,000 lines of generated configuration in bounded time", () => {
    const one = readFileSync(join(FIXTURES, "syntax", "generated-network.tf"), "utf8");
    const text = one.repeat(Math.ceil(100_000 / one.split("\n").length)).replace(/"sg(\d+)"/g, (_m, d: string) => `"sg${d}_${Math.random().toString(36).slice(2)}"`);
    const start = performance.now();
    const f = parseHclFile(text, "big.tf");
    expect(f.blocks.length).toBeGreaterThan(1000);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
