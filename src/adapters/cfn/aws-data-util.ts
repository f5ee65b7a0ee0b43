// Small readers shared by the CloudFormation data-service mappers. Booleans and numbers may be
// written as strings ("true", "7"): the neutral readers accept both.
import type { IacNode, Val } from "../../models/value.js";
import type { CfnIndex, CfnResource } from "./types.js";
import { boolOf, itemsOf, numberOf, prop, refTarget, stringOf, stringsOf, unknownVal } from "./util.js";

export const bool = (r: CfnResource, path: string): Val<boolean> | undefined => boolOf(prop(r, path));
export const num = (r: CfnResource, path: string): Val<number> | undefined => numberOf(prop(r, path));
export const str = (r: CfnResource, path: string): Val<string> | undefined => stringOf(prop(r, path));
export const strs = (r: CfnResource, path: string): Val<string>[] | undefined => {
  const n = prop(r, path);
  return n ? stringsOf(n) : undefined;
};

/** A property that names something (a key, a log group): present means named, whatever its value. */
export function named(r: CfnResource, path: string): Val<string> | undefined {
  const n = prop(r, path);
  if (!n || (n.t === "prim" && (n.value === null || n.value === ""))) return undefined;
  return stringOf(n) ?? unknownVal(n.range);
}

/** Presence of a property (a block of settings) as a known `true` at its lines. */
export function present(r: CfnResource, path: string): Val<true> | undefined {
  const n = prop(r, path);
  return n ? { value: true, known: true, range: n.range } : undefined;
}

/**
 * The resource of `type` a value points at: by `Ref`/`Fn::GetAtt`, or by the literal name it is
 * created with (`nameProp`, such as `BucketName`), if exactly one resource has it.
 */
export function targetOf(index: CfnIndex, n: IacNode | undefined, type: string, nameProp?: string): CfnResource | undefined {
  const byRef = refTarget(index, n, type);
  if (byRef || !nameProp || n?.t !== "prim" || typeof n.value !== "string") return byRef;
  const hits = index.ofType(type).filter((r) => {
    const v = r.properties.get(nameProp);
    return v?.t === "prim" && v.value === n.value;
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * Companions that list their targets (`Topics`, `Queues`, `Bucket`): the companions of each target
 * by logical id, and whether some companion names a target that could not be tied to one.
 */
export interface CfnJoined {
  byTarget: Map<string, CfnResource[]>;
  unplaced?: CfnResource;
}

export function joinsList(index: CfnIndex, companion: string, via: string, type: string, nameProp?: string): CfnJoined {
  const byTarget = new Map<string, CfnResource[]>();
  let unplaced: CfnResource | undefined;
  for (const c of index.ofType(companion)) {
    const list = prop(c, via);
    for (const item of itemsOf(list)) {
      const t = targetOf(index, item, type, nameProp);
      if (t) byTarget.set(t.logicalId, [...(byTarget.get(t.logicalId) ?? []), c]);
      else unplaced ??= c;
    }
    if (!list) unplaced ??= c;
  }
  return unplaced ? { byTarget, unplaced } : { byTarget };
}

/** How a principal is written: its literal name, or the logical id it refers to. */
export function principalText(n: IacNode | undefined): string {
  if (n?.t === "prim" && n.value !== null) return String(n.value);
  if (n?.t === "unknown" && n.ref) return n.ref.split(".")[0] ?? n.ref;
  return "(unknown)";
}
