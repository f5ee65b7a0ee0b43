// JSON text to a small tree whose every node knows its lines and offsets (for findings and for
// `--debug` quotes), read with the `yaml` package as the CloudFormation adapter reads templates.
// Used for Terraform's JSON syntax (`.tf.json`) and JSON variables files (`.tfvars.json`).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { MAX_DEPTH, tooDeepAt } from "../cloudformation-tree.js";
import { HclSyntaxError } from "./parse-cursor.js";
import type { Span } from "./syntax.js";

export type JsonNode = Span &
  (
    | { k: "scalar"; v: string | number | boolean | null; /** A string written without escapes: its offsets map one to one. */ plain: boolean }
    | { k: "array"; items: JsonNode[] }
    | { k: "object"; props: JsonProp[] }
  );

export interface JsonProp {
  key: string;
  /** The key's own span (a key may be a template). */
  at: Span & { plain: boolean };
  value: JsonNode;
  /** From the key to the end of the value. */
  r: Span["r"];
}

class Reader {
  constructor(
    private readonly text: string,
    private readonly lc: LineCounter,
  ) {}

  span(o: number, z: number): Span {
    const start = this.lc.linePos(o).line;
    const end = this.lc.linePos(Math.max(o, z - 1)).line;
    return { r: { startLine: start, endLine: Math.max(start, end) }, o, z };
  }

  fail(o: number, detail: string): never {
    throw new HclSyntaxError(this.lc.linePos(o).line, detail);
  }

  node(n: unknown): JsonNode {
    const node = n as Node | null | undefined;
    const [o, z] = node?.range ?? [0, 0];
    const at = this.span(o, z);
    if (isMap(node)) {
      const props: JsonProp[] = [];
      for (const pair of node.items) {
        const key = this.node(pair.key);
        if (key.k !== "scalar" || typeof key.v !== "string") this.fail(key.o, "an object key must be a string");
        const value = pair.value === null ? this.fail(key.z, `expected a value after "${key.v}"`) : this.node(pair.value);
        props.push({ key: key.v, at: { r: key.r, o: key.o, z: key.z, plain: key.plain }, value, r: { startLine: key.r.startLine, endLine: Math.max(key.r.startLine, value.r.endLine) } });
      }
      return { k: "object", props, ...at };
    }
    if (isSeq(node)) return { k: "array", items: node.items.map((i) => this.node(i)), ...at };
    if (isScalar(node)) {
      const v = node.value;
      if (node.type === "QUOTE_SINGLE" || node.type === "BLOCK_FOLDED" || node.type === "BLOCK_LITERAL") this.fail(o, "strings are written in double quotes");
      if (typeof v === "string") return { k: "scalar", v, plain: this.text.slice(o + 1, z - 1) === v, ...at };
      if (typeof v === "number" || typeof v === "boolean" || v === null) return { k: "scalar", v, plain: true, ...at };
      this.fail(o, "not a JSON value");
    }
    return this.fail(o, "not a JSON value");
  }
}

/** Parses JSON text; throws HclSyntaxError with the line of the first problem. */
export function readJson(input: string): JsonNode {
  const text = input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input;
  const deep = tooDeepAt(text, MAX_DEPTH);
  if (deep !== undefined) throw new HclSyntaxError(deep, `nested deeper than ${MAX_DEPTH} levels`);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, schema: "json", uniqueKeys: false, prettyErrors: false });
  const err = doc.errors[0];
  if (err) throw new HclSyntaxError(lc.linePos(err.pos[0]).line, (err.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, ""));
  const root = doc.contents;
  if ((isMap(root) || isSeq(root)) && !root.flow) throw new HclSyntaxError(1, "not JSON (YAML block syntax)");
  return new Reader(text, lc).node(root);
}
