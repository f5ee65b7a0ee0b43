// A block with its values evaluated (the TfBlock mappers read), `dynamic` blocks expanded into the
// blocks they stand for. An attribute's value carries the attribute's lines; an attribute that
// evaluates to null is left out, as Terraform treats `x = null` as not setting x.
import type { SourceRange } from "../../checks/types.js";
import type { TfBlock, TfNode } from "../terraform-hcl.js";
import { bind, type Cx } from "./eval-context.js";
import { evalSafe, iterationPairs } from "./eval.js";
import type { HclAttr, HclBlock } from "./syntax.js";
import { EvalError, object, place, unknown, type V } from "./value.js";

/**
 * Evaluates one attribute; `own` gives a remembered value for it (a resource's top-level arguments).
 * One an override file brought is evaluated there and reported where it is merged (override.ts).
 */
function attrValue(a: HclAttr, cx: Cx, own: ((a: HclAttr) => V) | undefined): TfNode {
  const v = own ? own(a) : a.from ? place(evalSafe(a.expr, { ...cx, file: a.from.file }), a.from.at, true) : evalSafe(a.expr, cx);
  return { ...v, range: a.from?.at ?? a.r } as TfNode;
}

/** A nested block from an override file: every value at the lines where it is merged. */
function relocated(b: TfBlock, at: SourceRange): TfBlock {
  const attrs = new Map<string, TfNode>();
  for (const [k, v] of b.attrs) attrs.set(k, place(v, at, true));
  return { ...b, range: at, attrs, blocks: b.blocks.map((x) => relocated(x, at)) };
}

function isNull(v: TfNode): boolean {
  return v.t === "prim" && v.value === null;
}

function labelsOf(b: HclBlock, cx: Cx): string[] {
  const attr = b.attrs.find((a) => a.name === "labels");
  if (!attr) return [];
  const v = evalSafe(attr.expr, cx);
  return v.t === "list" ? v.items.map((x) => (x.t === "prim" && typeof x.value === "string" ? x.value : "")) : [];
}

/** The blocks a `dynamic "name"` block stands for. */
function expandDynamic(b: HclBlock, cx: Cx, depth: number): TfBlock[] {
  const type = b.labels[0] ?? "";
  const content = b.blocks.find((x) => x.type === "content");
  const forEach = b.attrs.find((a) => a.name === "for_each");
  const iter = b.attrs.find((a) => a.name === "iterator");
  const name = iter?.expr.k === "name" ? iter.expr.name : type;
  if (!content || !forEach) return [];
  const coll = evalSafe(forEach.expr, cx);
  let pairs: [V, V][] | undefined;
  try {
    pairs = iterationPairs(coll);
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
  }
  const one = (key: V, value: V, standIn = false): TfBlock => {
    const names = bind(cx.names, name, object(new Map([["key", key], ["value", value]]), forEach.r));
    const inner: Cx = { ...cx, names };
    const out = evalBlock(content, inner, undefined, depth + 1);
    const block: TfBlock = { ...out, type, labels: labelsOf(b, inner), range: b.r };
    if (standIn) block.standIn = true;
    return block;
  };
  if (!pairs) {
    cx.scope.explain?.(forEach.expr, cx.file, `for_each of dynamic "${type}" is not known: one block with unknown values stands for all`);
    return [one(unknown(forEach.r), unknown(forEach.r), true)];
  }
  cx.scope.budget.charge(pairs.length);
  return pairs.map(([k, v]) => one(k, v));
}

export function evalBlock(b: HclBlock, cx: Cx, own: ((a: HclAttr) => V) | undefined, depth = 0): TfBlock {
  const attrs = new Map<string, TfNode>();
  for (const a of b.attrs) {
    const v = attrValue(a, cx, own);
    if (!isNull(v)) attrs.set(a.name, v);
  }
  const blocks: TfBlock[] = [];
  for (const x of b.blocks) {
    const at = x.from?.at;
    const inner: Cx = x.from ? { ...cx, file: x.from.file } : cx;
    const made = x.type === "dynamic" && x.labels.length === 1 && depth < 32 ? expandDynamic(x, inner, depth) : [evalBlock(x, inner, undefined, depth + 1)];
    blocks.push(...(at ? made.map((m) => relocated(m, at)) : made));
  }
  return { type: b.type, labels: b.labels, range: b.r, attrs, blocks };
}
