// Terraform's JSON configuration syntax (`.tf.json`) onto the syntax tree the evaluator reads
// (syntax.ts): a block is an object property keyed by its type, then one object level per label
// (an array of objects stands for several blocks); a string argument is a template, so
// "${var.x}" is an expression; a "//" property of a body is a comment. Some arguments are
// expressions written as strings without "${" (depends_on, provider, a variable's type, a dynamic
// block's iterator); a variable's default and descriptions are literal values.
//
// Without the provider's schema, whether an object argument is a nested block or a map is
// decided by its content: maps with keys no argument could have (`Name`, `kubernetes.io/role`),
// and the arguments known to take maps (tags, labels, ...), are attributes; other objects (and
// arrays of them) are nested blocks, as CDK for Terraform and hand-written files write them.
import { readJson, type JsonNode, type JsonProp } from "./json-read.js";
import { HclSyntaxError } from "./parse-cursor.js";
import { parseExprText } from "./parse.js";
import { parseTemplateText } from "./parse-template.js";
import type { Expr, HclAttr, HclBlock, HclBody, HclFile, ObjectItem, Span } from "./syntax.js";
import { retarget } from "./json-spans.js";

/** How the properties of one body are read. */
type Kind = "resource" | "nested" | "attrs" | "variable" | "output" | "module" | "terraform" | "dynamic" | "condition" | "lifecycle";

/** Top-level block types: their number of labels and how their bodies are read. */
const TOP: Record<string, [number, Kind]> = {
  resource: [2, "resource"],
  data: [2, "resource"],
  variable: [1, "variable"],
  output: [1, "output"],
  module: [1, "module"],
  provider: [1, "nested"],
  locals: [0, "attrs"],
  terraform: [0, "terraform"],
  moved: [0, "attrs"],
  import: [0, "attrs"],
  removed: [0, "attrs"],
  check: [1, "nested"],
};

/** Arguments whose value is a map, not a nested block, whatever their keys look like. */
const MAP_ARGUMENTS = new Set([
  "tags",
  "tags_all",
  "labels",
  "user_labels",
  "resource_labels",
  "node_labels",
  "metadata",
  "variables",
  "environment_variables",
  "app_settings",
  "annotations",
  "parameters",
  "triggers",
  "data",
  "binary_data",
]);

/** Arguments whose strings are expressions as written (references), not templates. */
const EXPRESSION_STRINGS: Partial<Record<Kind, ReadonlySet<string>>> = {
  resource: new Set(["depends_on", "provider"]),
  module: new Set(["depends_on"]),
  output: new Set(["depends_on"]),
  variable: new Set(["type"]),
  dynamic: new Set(["iterator"]),
  lifecycle: new Set(["ignore_changes", "replace_triggered_by"]),
};

/** Nested blocks with labels, and how their bodies are read. */
const LABELLED: Partial<Record<Kind, Record<string, [number, Kind]>>> = {
  resource: { dynamic: [1, "dynamic"], provisioner: [1, "nested"], lifecycle: [0, "lifecycle"], connection: [0, "nested"], precondition: [0, "condition"], postcondition: [0, "condition"] },
  nested: { dynamic: [1, "dynamic"] },
  dynamic: { content: [0, "nested"] },
  variable: { validation: [0, "condition"] },
  output: { precondition: [0, "condition"] },
  lifecycle: { precondition: [0, "condition"], postcondition: [0, "condition"] },
  terraform: { required_providers: [0, "attrs"], backend: [1, "attrs"], cloud: [0, "nested"], provider_meta: [1, "attrs"] },
};

/** Arguments of every resource that are never nested blocks, whatever their value. */
const META_ARGUMENTS = new Set(["count", "for_each", "depends_on", "provider"]);

const ARGUMENT_NAME = /^[a-z_][a-z0-9_]*$/;

function isBody(n: JsonNode): boolean {
  return n.k === "object" && n.props.every((p) => p.key === "//" || ARGUMENT_NAME.test(p.key));
}

function looksLikeBlocks(name: string, n: JsonNode): boolean {
  if (MAP_ARGUMENTS.has(name)) return false;
  if (n.k === "array") return n.items.length > 0 && n.items.every(isBody);
  return isBody(n);
}

function hasTemplate(s: string): boolean {
  return s.includes("${") || s.includes("%{");
}

class Converter {
  constructor(private readonly path: string) {}

  private fail(at: Span, detail: string): never {
    throw new HclSyntaxError(at.r.startLine, detail);
  }

  /** A string as a template (or as an expression), its spans moved to where the string is. */
  private fromString(n: Span & { v: string; plain: boolean }, expression: boolean): Expr {
    if (!expression && !hasTemplate(n.v)) return { k: "lit", v: n.v, r: n.r, o: n.o, z: n.z };
    let e: Expr;
    try {
      // An expression written as a template of one interpolation ("${aws_s3_bucket.a}") is that expression.
      e = expression && !hasTemplate(n.v) ? parseExprText(n.v) : parseTemplateText(n.v);
      const only = e.k === "tmpl" && e.parts.length === 1 ? e.parts[0] : undefined;
      if (expression && typeof only === "object" && only.k !== "%if" && only.k !== "%for") e = only;
    } catch (err) {
      if (!(err instanceof HclSyntaxError)) throw err;
      this.fail(n, `${err.detail} in ${JSON.stringify(n.v.length > 80 ? `${n.v.slice(0, 80)}...` : n.v)}`);
    }
    return retarget(e, n, n.plain);
  }

  /** A value in expression mode: strings are templates (or expressions), objects and arrays are constructors. */
  expr(n: JsonNode, expression = false): Expr {
    const span: Span = { r: n.r, o: n.o, z: n.z };
    if (n.k === "scalar") return typeof n.v === "string" ? this.fromString({ ...span, v: n.v, plain: n.plain }, expression) : { k: "lit", v: n.v, ...span };
    if (n.k === "array") return { k: "tuple", items: n.items.map((i) => this.expr(i, expression)), ...span };
    const items: ObjectItem[] = n.props.map((p) => {
      const keyNode = { ...p.at, v: p.key };
      const template = hasTemplate(p.key);
      return { key: template ? this.fromString(keyNode, false) : { k: "lit", v: p.key, r: p.at.r, o: p.at.o, z: p.at.z }, bare: template ? undefined : p.key, val: this.expr(p.value, expression) };
    });
    return { k: "object", items, ...span };
  }

  /** A literal value (a variable's default): no templates. */
  literal(n: JsonNode): Expr {
    const span: Span = { r: n.r, o: n.o, z: n.z };
    if (n.k === "scalar") return { k: "lit", v: n.v, ...span };
    if (n.k === "array") return { k: "tuple", items: n.items.map((i) => this.literal(i)), ...span };
    return { k: "object", items: n.props.map((p) => ({ key: { k: "lit", v: p.key, r: p.at.r, o: p.at.o, z: p.at.z }, bare: p.key, val: this.literal(p.value) })), ...span };
  }

  private attr(p: JsonProp, kind: Kind): HclAttr {
    const r = p.r;
    if (kind === "variable" && p.key === "default") return { name: p.key, expr: this.literal(p.value), r };
    if ((kind === "variable" || kind === "output") && p.key === "description") return { name: p.key, expr: this.literal(p.value), r };
    if (kind === "module" && (p.key === "source" || p.key === "version")) return { name: p.key, expr: this.literal(p.value), r };
    return { name: p.key, expr: this.expr(p.value, EXPRESSION_STRINGS[kind]?.has(p.key) === true), r };
  }

  body(n: JsonNode, kind: Kind): HclBody {
    if (n.k !== "object") this.fail(n, "a block's body must be a JSON object");
    const attrs: HclAttr[] = [];
    const blocks: HclBlock[] = [];
    for (const p of n.props) {
      if (p.key === "//") continue;
      const labelled = LABELLED[kind]?.[p.key];
      if (labelled) blocks.push(...this.blocks(p.key, labelled[0], labelled[1], p.value, [], p.r));
      else if ((kind === "nested" || (kind === "resource" && !META_ARGUMENTS.has(p.key))) && looksLikeBlocks(p.key, p.value)) blocks.push(...this.blocks(p.key, 0, "nested", p.value, [], p.r));
      else attrs.push(this.attr(p, kind));
    }
    return { attrs, blocks };
  }

  /** The blocks of one type: `labels` more object levels, then a body (an array at any level stands for several). */
  blocks(type: string, labels: number, kind: Kind, n: JsonNode, given: string[], r: Span["r"]): HclBlock[] {
    if (n.k === "array") return n.items.flatMap((i) => this.blocks(type, labels, kind, i, given, i.r));
    if (labels === 0) {
      const body = this.body(n, kind);
      return [{ type, labels: given, attrs: body.attrs, blocks: body.blocks, r }];
    }
    if (n.k !== "object") this.fail(n, `expected an object of ${type} blocks keyed by label`);
    return n.props.filter((p) => p.key !== "//").flatMap((p) => this.blocks(type, labels - 1, kind, p.value, [...given, p.key], p.r));
  }

  file(root: JsonNode, text: string): HclFile {
    if (root.k !== "object") this.fail(root, "a Terraform JSON file holds one object");
    const blocks: HclBlock[] = [];
    for (const p of root.props) {
      const top = TOP[p.key];
      if (top) blocks.push(...this.blocks(p.key, top[0], top[1], p.value, [], p.r));
    }
    return { path: this.path, text, attrs: [], blocks };
  }
}

/** Parses a `.tf.json` file; throws HclSyntaxError with the line of the first problem. */
export function parseTfJson(text: string, path: string): HclFile {
  return new Converter(path).file(readJson(text), text);
}
