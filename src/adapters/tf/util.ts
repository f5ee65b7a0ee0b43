// Helpers shared by the Terraform mappers: the base of every model, and joining a companion
// resource (`aws_s3_bucket_versioning`) to the resource it configures.
import type { ResourceModel, SourceRange } from "../../checks/types.js";
import type { IacNode, Val } from "../../models/value.js";
import type { TfIndex, TfResource } from "./types.js";

export { at, boolOf, isAny, isNumber, isString, itemsOf, numberOf, stringOf, stringsOf, unknownVal, valueOf } from "../values.js";

/** What every model built from a resource starts with. */
export function base<T extends string>(r: TfResource, modelType: T): ResourceModel & { modelType: T; address: string } {
  return { modelType, address: r.address, range: r.block.range };
}

/** The attribute `name` of a resource (top level). */
export function attr(r: TfResource, name: string): IacNode | undefined {
  return r.block.attrs.get(name);
}

/** The nested blocks of one type (`ingress`, `versioning`, ...). */
export function blocksOf(r: TfResource | { blocks: TfResource["block"]["blocks"] }, type: string): TfResource["block"][] {
  const blocks = "block" in r ? r.block.blocks : r.blocks;
  return blocks.filter((b) => b.type === type);
}

/**
 * The address of the resource of `type` a reference points at (`aws_s3_bucket.logs.id` gives
 * `aws_s3_bucket.logs`), or undefined when the value is not such a reference.
 */
export function refTarget(n: IacNode | undefined, type: string): string | undefined {
  if (n?.t !== "unknown" || !n.ref) return undefined;
  const m = /^((?:module\.[^.]+\.)*)([a-z0-9_]+)\.([^.[]+)((?:\[[^\]]*\])?)/i.exec(n.ref);
  if (!m || m[2] !== type) return undefined;
  return `${m[1] ?? ""}${m[2]}.${m[3] ?? ""}${m[4] ?? ""}`;
}

/** Companions of each resource of `type`, and where a companion whose target could not be read is. */
export interface Joined {
  byTarget: Map<string, TfResource[]>;
  unplaced?: SourceRange;
}

/**
 * Groups `companion` resources by the `type` resource their `via` attribute refers to: by reference,
 * or by a literal equal to one of the `names` attributes (default `bucket` and `name`) of exactly one
 * resource of `type` (the evaluator may also have resolved the reference to that literal). Linear:
 * the names are indexed once. A function instead of names matches literals some other way (a KMS
 * key's full resource name ending in its `name`), testing each resource.
 */
export function joins(
  index: TfIndex,
  companion: string,
  via: string,
  type: string,
  names: readonly string[] | ((literal: string, target: TfResource) => boolean) = ["bucket", "name"],
): Joined {
  const byTarget = new Map<string, TfResource[]>();
  let unplaced: SourceRange | undefined;
  let addresses: Set<string> | undefined;
  let byLiteral: Map<string, string[]> | undefined;
  for (const r of index.ofType(companion)) {
    const lit = r.block.attrs.get(via);
    let key = refTarget(lit, type);
    if (!key && lit?.t === "prim" && typeof lit.value === "string") {
      const literal = lit.value;
      const hits =
        typeof names === "function"
          ? index.ofType(type).filter((t) => names(literal, t)).map((t) => t.address)
          : ((byLiteral ??= literalIndex(index.ofType(type), names)).get(literal) ?? []);
      if (hits.length === 1) key = hits[0];
    }
    if (!key) {
      unplaced ??= r.block.range;
      continue;
    }
    addresses ??= new Set(index.ofType(type).map((x) => x.address));
    for (const k of instancesOf(addresses, key)) byTarget.set(k, [...(byTarget.get(k) ?? []), r]);
  }
  return unplaced ? { byTarget, unplaced } : { byTarget };
}

/** The addresses of the resources whose `names` attributes hold each literal string. */
function literalIndex(resources: readonly TfResource[], names: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of resources) {
    const seen = new Set<string>();
    for (const n of names) {
      const v = r.block.attrs.get(n);
      if (v?.t !== "prim" || typeof v.value !== "string" || seen.has(v.value)) continue;
      seen.add(v.value);
      out.set(v.value, [...(out.get(v.value) ?? []), r.address]);
    }
  }
  return out;
}

/**
 * The resource instances a reference's target stands for, among `addresses`: every instance when
 * the index is not known (`aws_s3_bucket.b[*]`), the one instance standing for all when the
 * target's count or for_each is not known (`aws_s3_bucket.b[*]` for `aws_s3_bucket.b[0]`), else the target.
 */
export function instancesOf(addresses: ReadonlySet<string>, target: string): string[] {
  const m = /^(.*)\[[^\]]*\]$/.exec(target);
  if (!m || addresses.has(target)) return [target];
  const base = m[1] as string;
  if (target.endsWith("[*]")) {
    const all = [...addresses].filter((a) => a.startsWith(`${base}[`));
    return all.length > 0 ? all : [target];
  }
  return addresses.has(`${base}[*]`) ? [`${base}[*]`] : [target];
}

/** The first companion of `address`, present or not. */
export function companion(j: Joined, address: string): TfResource | undefined {
  return j.byTarget.get(address)?.[0];
}

/**
 * Whether a companion (or an inline block) configures `address`: known true when one does,
 * unknown when some companion could not be tied to a resource, undefined when there is none.
 */
export function presence(j: Joined, address: string, inline?: SourceRange): Val<true> | undefined {
  const found = j.byTarget.get(address)?.[0];
  if (inline) return { value: true, known: true, range: inline };
  if (found) return { value: true, known: true, range: found.block.range };
  return j.unplaced ? { value: undefined, known: false, range: j.unplaced } : undefined;
}
