// Helpers shared by the ARM mappers: the base of every model, case-insensitive property paths
// (ARM property names are case-insensitive), ARM's "Enabled"/"Disabled" switches, and defaults.
import type { ResourceModel, SourceRange } from "../../checks/types.js";
import type { IacNode, Val } from "../../models/value.js";
import type { ArmResource } from "./types.js";

export { boolOf, numberOf, stringOf, stringsOf, unknownVal, valueOf, isString } from "../values.js";

export function base<T extends string>(r: ArmResource, modelType: T): ResourceModel & { modelType: T; address: string } {
  return { modelType, address: r.address, range: r.range };
}

/** An entry of an object node, by case-insensitive key. */
export function child(n: IacNode | undefined, key: string): IacNode | undefined {
  if (n?.t !== "object") return undefined;
  const exact = n.entries.get(key);
  if (exact) return exact;
  const lower = key.toLowerCase();
  for (const [k, v] of n.entries) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/**
 * The value at a dotted path of the resource (`properties.networkAcls.defaultAction`). When an
 * object on the way is unknown (an expression), that unknown node is returned: the value may be
 * there, so it is unknown rather than absent.
 */
export function prop(r: ArmResource, path: string): IacNode | undefined {
  const [head, ...rest] = path.split(".");
  let cur: IacNode | undefined = undefined;
  for (const [k, v] of r.entries) if (k.toLowerCase() === (head ?? "").toLowerCase()) cur = v;
  for (const key of rest) {
    if (cur === undefined || cur.t === "unknown") return cur;
    cur = child(cur, key);
  }
  return cur;
}

/** ARM's switches: `"Enabled"`/`"Disabled"` (any case) as a boolean; booleans as themselves. */
export function enabledOf(n: IacNode | undefined): Val<boolean> | undefined {
  if (!n) return undefined;
  if (n.t === "prim" && typeof n.value === "boolean") return { value: n.value, known: true, range: n.range };
  if (n.t === "prim" && typeof n.value === "string") {
    const v = n.value.toLowerCase();
    if (v === "enabled" || v === "disabled") return { value: v === "enabled", known: true, range: n.range };
  }
  return { value: undefined, known: false, range: n.range };
}

/** The value, or the platform default (placed on the resource) when the template leaves it out. */
export function orDefault<T>(v: Val<T> | undefined, value: T, range: SourceRange): Val<T> {
  return v ?? { value, known: true, range };
}

/** Whether the resource's apiVersion is this date or later; undefined when the version is not known. */
export function apiAtLeast(r: ArmResource, date: string): boolean | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(r.apiVersion ?? "");
  return m ? (m[1] as string) >= date : undefined;
}

/** Whether a companion resource (or an inline value) configures the resource, as in the Terraform mappers. */
export function presenceOf(found: { range: SourceRange } | undefined, unplaced: SourceRange | undefined): Val<true> | undefined {
  if (found) return { value: true, known: true, range: found.range };
  return unplaced ? { value: undefined, known: false, range: unplaced } : undefined;
}
