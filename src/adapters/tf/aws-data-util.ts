// Small readers shared by the Terraform data-service mappers.
import type { IacNode, Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import type { TfIndex, TfResource } from "./types.js";
import { boolOf, numberOf, refTarget, stringOf, stringsOf, unknownVal } from "./util.js";

/** The first nested block along a path of block types (`rule`, `apply_server_side_encryption_by_default`). */
export function block(from: TfResource | TfBlock, ...path: string[]): TfBlock | undefined {
  let cur: TfBlock | undefined = "block" in from ? from.block : from;
  for (const type of path) cur = cur?.blocks.find((b) => b.type === type);
  return cur;
}

/** An attribute of a block or resource, possibly inside nested blocks: `pick(r, "versioning", "enabled")`. */
export function pick(from: TfResource | TfBlock | undefined, ...path: string[]): IacNode | undefined {
  if (!from || path.length === 0) return undefined;
  const name = path[path.length - 1] as string;
  return block(from, ...path.slice(0, -1))?.attrs.get(name);
}

export const bool = (from: TfResource | TfBlock | undefined, ...path: string[]): Val<boolean> | undefined => boolOf(pick(from, ...path));
export const num = (from: TfResource | TfBlock | undefined, ...path: string[]): Val<number> | undefined => numberOf(pick(from, ...path));
export const str = (from: TfResource | TfBlock | undefined, ...path: string[]): Val<string> | undefined => stringOf(pick(from, ...path));
export const strs = (from: TfResource | TfBlock | undefined, ...path: string[]): Val<string>[] | undefined => {
  const n = pick(from, ...path);
  return n ? stringsOf(n) : undefined;
};

/** A value that names something (a key, a log group): present means named, whatever its value. */
export function named(from: TfResource | TfBlock | undefined, ...path: string[]): Val<string> | undefined {
  const n = pick(from, ...path);
  if (!n || (n.t === "prim" && (n.value === null || n.value === ""))) return undefined;
  return stringOf(n) ?? unknownVal(n.range);
}

/**
 * The address of the resource of `type` a value refers to, by reference or by the literal name it
 * is known by (`bucket`/`name`/`identifier`/`cluster_identifier` attributes), if exactly one.
 */
export function targetOf(index: TfIndex, n: IacNode | undefined, type: string, nameAttrs: readonly string[] = ["bucket", "name"]): string | undefined {
  const byRef = refTarget(n, type);
  if (byRef) return byRef;
  if (n?.t !== "prim" || typeof n.value !== "string") return undefined;
  const hits = index.ofType(type).filter((r) => nameAttrs.some((a) => {
    const v = r.block.attrs.get(a);
    return v?.t === "prim" && v.value === n.value;
  }));
  return hits.length === 1 ? hits[0]?.address : undefined;
}

/** How a principal is written: its literal name, or the address of the resource it refers to. */
export function principalText(n: IacNode | undefined): string {
  if (n?.t === "prim" && n.value !== null) return String(n.value);
  if (n?.t === "unknown" && n.ref) return n.ref.replace(/\.(name|id|arn|unique_id)$/, "");
  return "(unknown)";
}
