// `data "aws_iam_policy_document"`: the document the AWS provider renders from the data source's
// arguments, as the same value jsonencode() gives (an unknown value carrying the document), so
// policy mappers read it unchanged and findings point at the statement's own lines. Values that
// cannot be worked out (a variable without a value, a dynamic block over an unknown collection,
// a source document that is not known) stay unknown inside the document.
import type { SourceRange } from "../../checks/types.js";
import type { TfBlock } from "../terraform-hcl.js";
import { fromJson, list, object, prim, unknown, type V } from "./value.js";

export const POLICY_DOCUMENT_TYPE = "aws_iam_policy_document";

/** The attributes of the data source that hold the rendered document. */
export const POLICY_DOCUMENT_OUTPUTS: ReadonlySet<string> = new Set(["json", "minified_json"]);

/** A statement on its way into the merged document; `sid` null when the Sid is not known. */
interface Item {
  sid: string | undefined | null;
  node: V;
}

interface Doc {
  version?: V;
  id?: V;
  statements: Item[];
}

const LISTS: readonly [string, string][] = [
  ["actions", "Action"],
  ["not_actions", "NotAction"],
  ["resources", "Resource"],
  ["not_resources", "NotResource"],
];

function isString(v: V | undefined): v is Extract<V, { t: "prim" }> & { value: string } {
  return v?.t === "prim" && typeof v.value === "string";
}

function itemsOf(v: V | undefined): V[] {
  if (!v || (v.t === "prim" && v.value === null)) return [];
  return v.t === "list" ? v.items : [v];
}

/** `principals` / `not_principals` blocks: `{ AWS = [...], Service = [...] }`, or `"*"` for type `*`. */
function principals(blocks: readonly TfBlock[]): V | undefined {
  const first = blocks[0];
  if (!first) return undefined;
  // A dynamic block over an unknown collection: which principals there are is not known.
  if (blocks.some((b) => b.standIn)) return unknown(first.range);
  const kinds = new Map<string, { items: V[]; range: SourceRange }>();
  for (const b of blocks) {
    const type = b.attrs.get("type");
    if (!isString(type)) return unknown(b.range);
    if (type.value === "*") return prim("*", type.range);
    const ids = b.attrs.get("identifiers");
    const k = kinds.get(type.value);
    if (k) k.items.push(...itemsOf(ids));
    else kinds.set(type.value, { items: itemsOf(ids), range: ids?.range ?? b.range });
  }
  const entries = new Map<string, V>();
  for (const [kind, k] of kinds) entries.set(kind, list(k.items, k.range));
  return object(entries, first.range);
}

/** `condition` blocks: `{ test = { variable = values } }`. */
function conditions(blocks: readonly TfBlock[]): V | undefined {
  const first = blocks[0];
  if (!first) return undefined;
  if (blocks.some((b) => b.standIn)) return unknown(first.range);
  const tests = new Map<string, { vars: Map<string, { items: V[]; range: SourceRange }>; range: SourceRange }>();
  for (const b of blocks) {
    const test = b.attrs.get("test");
    const variable = b.attrs.get("variable");
    if (!isString(test) || !isString(variable)) return unknown(b.range);
    const values = b.attrs.get("values");
    let t = tests.get(test.value);
    if (!t) tests.set(test.value, (t = { vars: new Map(), range: b.range }));
    const v = t.vars.get(variable.value);
    if (v) v.items.push(...itemsOf(values));
    else t.vars.set(variable.value, { items: itemsOf(values), range: values?.range ?? b.range });
  }
  const entries = new Map<string, V>();
  for (const [test, t] of tests) {
    const vars = new Map<string, V>();
    for (const [name, v] of t.vars) vars.set(name, list(v.items, v.range));
    entries.set(test, object(vars, t.range));
  }
  return object(entries, first.range);
}

function sidOf(v: V | undefined): string | undefined | null {
  if (!v || (v.t === "prim" && (v.value === null || v.value === ""))) return undefined;
  return isString(v) ? v.value : null;
}

function statement(b: TfBlock): Item {
  // The stand-in of a dynamic block over an unknown collection: any number of statements, any Sids.
  if (b.standIn) return { sid: null, node: unknown(b.range) };
  const out = new Map<string, V>();
  const sid = b.attrs.get("sid");
  const s = sidOf(sid);
  if (sid && s !== undefined) out.set("Sid", sid);
  out.set("Effect", b.attrs.get("effect") ?? prim("Allow", b.range));
  for (const [attr, key] of LISTS) {
    const v = b.attrs.get(attr);
    if (v && !(v.t === "list" && v.items.length === 0)) out.set(key, v);
  }
  const of = (type: string): TfBlock[] => b.blocks.filter((x) => x.type === type);
  const p = principals(of("principals"));
  if (p) out.set("Principal", p);
  const np = principals(of("not_principals"));
  if (np) out.set("NotPrincipal", np);
  const c = conditions(of("condition"));
  if (c) out.set("Condition", c);
  return { sid: s, node: object(out, b.range) };
}

/** A document given as a value: the data source's own output, jsonencode(), or a JSON string. */
function docOf(v: V): Doc | undefined {
  let node: V | undefined;
  if (v.t === "prim" && v.value === null) return undefined;
  if (v.t === "unknown") node = v.encoded;
  else if (isString(v)) {
    try {
      node = fromJson(JSON.parse(v.value) as unknown, v.range);
    } catch {
      node = undefined;
    }
  }
  if (node?.t !== "object") return { statements: [{ sid: null, node: unknown(v.range) }] };
  const st = node.entries.get("Statement");
  const doc: Doc = { statements: [] };
  const version = node.entries.get("Version");
  const id = node.entries.get("Id");
  if (version) doc.version = version;
  if (id) doc.id = id;
  if (st?.t === "unknown") doc.statements.push({ sid: null, node: unknown(st.range) });
  else for (const s of itemsOf(st)) doc.statements.push({ sid: s.t === "object" ? sidOf(s.entries.get("Sid")) : null, node: s });
  return doc;
}

/** The documents a list argument (`source_policy_documents`) holds; one unknown document when the list is not known. */
function docsOf(v: V | undefined): Doc[] {
  if (!v) return [];
  if (v.t === "unknown" && !v.encoded) return [{ statements: [{ sid: null, node: unknown(v.range) }] }];
  return itemsOf(v).flatMap((x) => docOf(x) ?? []);
}

/** A statement that may have been replaced by one not known: its content is not known either. */
function blur(x: Item): void {
  x.node = unknown(x.node.range);
  x.sid = null;
}

/**
 * Merges `incoming` into `into` as the provider does: a statement with a Sid replaces the first
 * one with the same Sid, others are appended. Statements of one document never replace each other
 * (the provider refuses duplicate Sids in one document). Where a Sid is not known, each statement
 * it might replace becomes unknown.
 */
function merge(into: Doc, incoming: Doc): void {
  if (incoming.id && !(incoming.id.t === "prim" && incoming.id.value === "")) into.id = incoming.id;
  const v = incoming.version;
  if (v && (!isString(v) || !isString(into.version) || v.value > into.version.value)) into.version = v;
  const earlier = into.statements.slice();
  for (const s of incoming.statements) {
    if (s.sid === undefined) {
      into.statements.push(s);
      continue;
    }
    const exact = s.sid === null ? -1 : earlier.findIndex((x) => x.sid === s.sid);
    const guess = earlier.findIndex((x) => x.sid === null);
    if (exact >= 0 && (guess < 0 || guess > exact)) {
      into.statements[into.statements.indexOf(earlier[exact] as Item)] = s;
      earlier.splice(exact, 1);
      continue;
    }
    for (const x of earlier) if (x.sid === null || x.sid === s.sid || (s.sid === null && x.sid !== undefined)) blur(x);
    into.statements.push(s);
  }
}

/** The rendered document of one instance of the data source, as jsonencode() would give it. */
export function policyDocumentValue(b: TfBlock): V {
  const merged: Doc = { statements: [] };
  for (const d of docsOf(b.attrs.get("source_json"))) merge(merged, d);
  for (const d of docsOf(b.attrs.get("source_policy_documents"))) merge(merged, d);
  const own: Doc = { version: b.attrs.get("version") ?? prim("2012-10-17", b.range), statements: b.blocks.filter((x) => x.type === "statement").map(statement) };
  const id = b.attrs.get("policy_id");
  if (id) own.id = id;
  merge(merged, own);
  for (const d of docsOf(b.attrs.get("override_json"))) merge(merged, d);
  for (const d of docsOf(b.attrs.get("override_policy_documents"))) merge(merged, d);
  const entries = new Map<string, V>();
  if (merged.version) entries.set("Version", merged.version);
  if (merged.id) entries.set("Id", merged.id);
  entries.set("Statement", list(merged.statements.map((s) => s.node), b.range));
  return { t: "unknown", range: b.range, encoded: object(entries, b.range) };
}
