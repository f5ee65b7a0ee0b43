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
 * or by a literal that `matches` exactly one resource of `type` (by default its `bucket` or `name`;
 * the evaluator may also have resolved the reference to that literal).
 */
export function joins(index: TfIndex, companion: string, via: string, type: string, matches: (literal: string, target: TfResource) => boolean = namedBy): Joined {
  const byTarget = new Map<string, TfResource[]>();
  let unplaced: SourceRange | undefined;
  let addresses: Set<string> | undefined;
  for (const r of index.ofType(companion)) {
    const t = refTarget(r.block.attrs.get(via), type);
    // A literal name or id (bucket = "my-bucket") may be the bucket's name: match on it too.
    const lit = r.block.attrs.get(via);
    const byName = lit?.t === "prim" && typeof lit.value === "string" ? literalMatch(index, type, lit.value, matches) : undefined;
    const key = t ?? byName;
    if (!key) {
      unplaced ??= r.block.range;
      continue;
    }
    addresses ??= new Set(index.ofType(type).map((x) => x.address));
    for (const k of instancesOf(addresses, key)) byTarget.set(k, [...(byTarget.get(k) ?? []), r]);
  }
  return unplaced ? { byTarget, unplaced } : { byTarget };
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

/** The resource of `type` a literal `matches`, if exactly one. */
function literalMatch(index: TfIndex, type: string, literal: string, matches: (literal: string, target: TfResource) => boolean): string | undefined {
  const hits = index.ofType(type).filter((r) => matches(literal, r));
  return hits.length === 1 ? hits[0]?.address : undefined;
}

/** A matcher for `joins`: the literal equals one of the target's attributes `names`. */
export function literalAttr(...names: string[]): (literal: string, target: TfResource) => boolean {
  return (literal, target) =>
    names.some((n) => {
      const v = target.block.attrs.get(n);
      return v?.t === "prim" && v.value === literal;
    });
}

const namedBy = literalAttr("bucket", "name");

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
