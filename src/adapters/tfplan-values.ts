// One resource of a plan (`terraform show -json`) as a TfBlock: planned values are known, except
// where `after_unknown` marks them; an unknown value the configuration sets keeps the reference it
// was written with (module prefix and instance key added), so mappers join resources as in HCL.
// Sensitive values are known only when the configuration writes them as a literal, so a password
// passed in at plan time is not taken for one written in the source.
import type { SourceRange } from "../checks/types.js";
import type { IacNode } from "../models/value.js";
import { get, text, type Raw } from "./cloudformation-tree.js";
import type { TfBlock } from "./terraform-hcl.js";

export interface PlanContext {
  /** `module.net["a"].`, or "" at the root. */
  prefix: string;
  /** `[0]` or `["a"]` of the resource being read, or "". */
  index: string;
  /** Every managed resource address of the plan. */
  addresses: ReadonlySet<string>;
  /** Root variables' literal defaults, for sensitive values set from them. */
  defaults: ReadonlyMap<string, Raw>;
  /** The resource's range: where values with no place of their own (unknown ones) point. */
  range: SourceRange;
}

const NOT_RESOURCE = /^(var|local|each|count|path|terraform|self|module)\./;

/** The resource (with its instance) a configuration expression refers to. */
function refOf(expr: Raw | undefined, ctx: PlanContext): string | undefined {
  const refs = get(expr, "references");
  const first = (refs?.k === "seq" ? refs.items.map(text) : []).find((r): r is string => r !== undefined && !NOT_RESOURCE.test(r));
  if (!first) return undefined;
  const m = /^((?:data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)((?:\[[^\]]*\])?)(.*)$/.exec(first);
  if (!m?.[1]) return ctx.prefix + first;
  const target = ctx.prefix + m[1];
  if (m[2] || ctx.addresses.has(target)) return ctx.prefix + first;
  // `aws_s3_bucket.x.id` written in a counted resource: the instance with the same key, or the only one.
  if (ctx.index && ctx.addresses.has(target + ctx.index)) return target + ctx.index + (m[3] ?? "");
  const instances = [...ctx.addresses].filter((a) => a.startsWith(`${target}[`));
  return instances.length === 1 ? (instances[0] ?? target) + (m[3] ?? "") : ctx.prefix + first;
}

function unknownNode(range: SourceRange, ref: string | undefined): IacNode {
  return ref === undefined ? { t: "unknown", range } : { t: "unknown", range, ref };
}

/** Unset in a plan: providers write absent optional values as null, "" or []. */
function isUnset(v: Raw | undefined): boolean {
  return v === undefined || (v.k === "scalar" && (v.value === null || v.value === "")) || (v.k === "seq" && v.items.length === 0);
}

function isTrue(n: Raw | undefined): boolean {
  return n?.k === "scalar" && n.value === true;
}

function itemAt(n: Raw | undefined, i: number): Raw | undefined {
  return n?.k === "seq" ? n.items[i] : undefined;
}

/** A planned value, with what `after_unknown` marks inside it turned unknown (and what is sensitive inside it). */
function valueNode(v: Raw, marks: Raw | undefined, sensitive: Raw | undefined, expr: Raw | undefined, ctx: PlanContext, range: SourceRange): IacNode {
  if (isTrue(marks)) return unknownNode(range, refOf(expr, ctx));
  if (isTrue(sensitive)) return { t: "unknown", range };
  if (v.k === "seq") return { t: "list", items: v.items.map((x, i) => valueNode(x, itemAt(marks, i), itemAt(sensitive, i), undefined, ctx, x.range)), range };
  if (v.k === "map") {
    const entries = new Map<string, IacNode>();
    for (const e of v.entries) {
      const mark = get(marks, e.key);
      if (e.value.k !== "scalar" || e.value.value !== null || isTrue(mark)) entries.set(e.key, valueNode(e.value, mark, get(sensitive, e.key), undefined, ctx, e.range));
    }
    return { t: "object", entries, range };
  }
  return { t: "prim", value: v.value, range };
}

/** A sensitive value: known only when written as a literal, or as a root variable left at a literal default. */
function sensitiveNode(v: Raw, expr: Raw | undefined, ctx: PlanContext, range: SourceRange): IacNode {
  if (get(expr, "constant_value") !== undefined && v.k === "scalar") return { t: "prim", value: v.value, range };
  const refs = get(expr, "references");
  const only = refs?.k === "seq" && refs.items.length === 1 ? text(refs.items[0]) : undefined;
  const name = ctx.prefix === "" && only?.startsWith("var.") ? only.slice(4) : undefined;
  const def = name === undefined ? undefined : ctx.defaults.get(name);
  if (def?.k === "scalar" && v.k === "scalar" && def.value === v.value) return { t: "prim", value: v.value, range };
  return { t: "unknown", range };
}

function keysOf(...maps: (Raw | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const m of maps) if (m?.k === "map") for (const e of m.entries) keys.add(e.key);
  return [...keys];
}

/**
 * A resource's (or nested block's) values as a block: nested blocks, which a plan writes as lists
 * of objects, are both `blocks` of their type and list values in `attrs`.
 */
export function planBlock(type: string, values: Raw | undefined, marks: Raw | undefined, sensitive: Raw | undefined, exprs: Raw | undefined, ctx: PlanContext, range: SourceRange): TfBlock {
  const attrs = new Map<string, IacNode>();
  const blocks: TfBlock[] = [];
  for (const key of keysOf(values, marks)) {
    const at = values?.k === "map" ? values.entries.find((e) => e.key === key) : undefined;
    const v = at?.value;
    const mark = get(marks, key);
    const expr = get(exprs, key);
    const where = at?.range ?? ctx.range;
    if (isTrue(mark)) {
      // Unknown and not in the configuration: a value the provider computes, not one the source sets.
      if (expr !== undefined) attrs.set(key, unknownNode(where, refOf(expr, ctx)));
      continue;
    }
    if (!v || isUnset(v)) continue;
    const secret = get(sensitive, key);
    if (isTrue(secret)) {
      attrs.set(key, sensitiveNode(v, expr, ctx, where));
      continue;
    }
    if (v.k === "seq" && v.items.every((x) => x.k === "map")) {
      v.items.forEach((item, i) => blocks.push(planBlock(key, item, itemAt(mark, i), itemAt(secret, i), itemAt(expr, i), ctx, item.range)));
    }
    attrs.set(key, valueNode(v, mark, secret, expr, ctx, where));
  }
  return { type, labels: [], range, attrs, blocks };
}
