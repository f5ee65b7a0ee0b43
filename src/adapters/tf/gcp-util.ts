// Reading the google provider's nested blocks. The evaluator expands `dynamic` blocks; one it
// leaves unexpanded (or a block written with attribute syntax from a variable) cannot be read, and
// every value under it comes back unknown.
import type { SourceRange } from "../../checks/types.js";
import type { IamMember, Metadata } from "../../models/gcp.js";
import type { IacNode, Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import type { TfResource } from "./types.js";
import { boolOf, stringOf, stringsOf, unknownVal } from "./util.js";

/** A nested block as written, or where a block is that cannot be read. */
export type Child = { block: TfBlock } | { unreadable: SourceRange };

/** Every nested block of `type`, with `dynamic "type"` blocks as unreadable entries. */
export function childrenOf(b: TfBlock | undefined, type: string): Child[] {
  if (!b) return [];
  const out: Child[] = [];
  for (const x of b.blocks) {
    // A stand-in for a `dynamic` block with an unknown for_each may stand for no block at all.
    if (x.type === type) out.push(x.standIn ? { unreadable: x.range } : { block: x });
    else if (x.type === "dynamic" && x.labels[0] === type) out.push({ unreadable: x.range });
  }
  const asAttr = b.attrs.get(type);
  if (asAttr) out.push({ unreadable: asAttr.range });
  return out;
}

/** The first nested block of `type` (a dynamic one included), or undefined when there is none. */
export function childOf(b: TfBlock | undefined, type: string): Child | undefined {
  return childrenOf(b, type)[0];
}

/** The block itself, or undefined when absent or unreadable. */
export function blockOf(c: Child | undefined): TfBlock | undefined {
  return c && "block" in c ? c.block : undefined;
}

/** The value at a path of nested blocks ending in an attribute (`settings.ip_configuration.ipv4_enabled`). */
export function nodeAt(b: TfBlock | undefined, path: string): IacNode | undefined {
  const parts = path.split(".");
  const last = parts.pop() ?? "";
  let cur = b;
  for (const p of parts) {
    const c = childOf(cur, p);
    if (!c) return undefined;
    if ("unreadable" in c) return { t: "unknown", range: c.unreadable };
    cur = c.block;
  }
  return cur?.attrs.get(last);
}

export const boolAt = (b: TfBlock | undefined, path: string): Val<boolean> | undefined => boolOf(nodeAt(b, path));
export const stringAt = (b: TfBlock | undefined, path: string): Val<string> | undefined => stringOf(nodeAt(b, path));
export const stringsAt = (b: TfBlock | undefined, path: string): Val<string>[] => stringsOf(nodeAt(b, path));

/** Whether a nested block is there: known true, unknown when it cannot be read, undefined when absent. */
export function presenceAt(b: TfBlock | undefined, path: string): Val<true> | undefined {
  const parts = path.split(".");
  let cur = b;
  let found: Child | undefined;
  for (const p of parts) {
    found = childOf(cur, p);
    if (!found) return undefined;
    if ("unreadable" in found) return unknownVal(found.unreadable);
    cur = found.block;
  }
  return found && "block" in found ? { value: true, known: true, range: found.block.range } : undefined;
}

/** A metadata map (`metadata = { enable-oslogin = "TRUE" }`). */
export function metadataOf(n: IacNode | undefined): Metadata {
  const items = new Map<string, Val<string>>();
  if (!n) return { items };
  if (n.t !== "object") return { items, unreadable: n.range };
  for (const [k, v] of n.entries) items.set(k, stringOf(v) ?? unknownVal<string>(v.range));
  return { items };
}

/** The members an IAM member resource (`member`) or binding resource (`members`) grants. */
export function grantedMembers(r: TfResource): IamMember[] {
  const role = stringOf(r.block.attrs.get("role"));
  const single = r.block.attrs.get("member");
  const members = single ? [stringOf(single) ?? unknownVal<string>(single.range)] : stringsOf(r.block.attrs.get("members"));
  return members.map((member) => (role ? { role, member, via: r.address } : { member, via: r.address }));
}

/** The reference text of an unknown value (`google_storage_bucket.logs.name`), if any. */
export function refOf(n: IacNode | undefined): string | undefined {
  return n?.t === "unknown" ? n.ref : undefined;
}

