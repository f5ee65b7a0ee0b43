// Reading typed values out of an IacNode tree, the same way for every format. A value that is
// present but not of the wanted type (a function result, a reference) comes back unknown, so
// checks stay quiet on it; an absent value comes back undefined.
import type { SourceRange } from "../checks/types.js";
import type { IacNode, Val } from "../models/value.js";

export function unknownVal<T>(range: SourceRange): Val<T> {
  return { value: undefined, known: false, range };
}

export function valueOf<T>(n: IacNode | undefined, is: (v: unknown) => v is T): Val<T> | undefined {
  if (!n) return undefined;
  if (n.t === "prim" && is(n.value)) return { value: n.value, known: true, range: n.range };
  return unknownVal(n.range);
}

export const isString = (v: unknown): v is string => typeof v === "string";
export const isNumber = (v: unknown): v is number => typeof v === "number";
export const isAny = (v: unknown): v is unknown => v !== null;

export function stringOf(n: IacNode | undefined): Val<string> | undefined {
  if (n?.t === "prim" && (typeof n.value === "number" || typeof n.value === "boolean")) return { value: String(n.value), known: true, range: n.range };
  return valueOf(n, isString);
}

/** Numbers, also when written as strings (`"443"`, as CloudFormation and HCL both allow). */
export function numberOf(n: IacNode | undefined): Val<number> | undefined {
  if (n?.t === "prim" && typeof n.value === "string" && /^-?\d+(\.\d+)?$/.test(n.value.trim())) return { value: Number(n.value), known: true, range: n.range };
  return valueOf(n, isNumber);
}

/** Booleans, also when written as the strings "true"/"false" (any case). */
export function boolOf(n: IacNode | undefined): Val<boolean> | undefined {
  if (n?.t === "prim" && typeof n.value === "string" && /^(true|false)$/i.test(n.value)) return { value: n.value.toLowerCase() === "true", known: true, range: n.range };
  return valueOf(n, (v): v is boolean => typeof v === "boolean");
}

/** A list of strings; a single string counts as a list of one, an unreadable list as one unknown entry. */
export function stringsOf(n: IacNode | undefined): Val<string>[] {
  if (!n) return [];
  if (n.t === "list") return n.items.map((i) => stringOf(i) ?? unknownVal<string>(i.range));
  if (n.t === "prim" && typeof n.value === "string") return [{ value: n.value, known: true, range: n.range }];
  return [unknownVal(n.range)];
}

/** The node at a dotted path of object keys (`a.b.c`); a list on the way is entered at its first item. */
export function at(n: IacNode | undefined, path: string): IacNode | undefined {
  let cur = n;
  for (const key of path.split(".")) {
    if (cur?.t === "list") cur = cur.items[0];
    if (cur?.t !== "object") return undefined;
    cur = cur.entries.get(key);
  }
  return cur;
}

/** The items of a list node (a single value is a list of one). */
export function itemsOf(n: IacNode | undefined): IacNode[] {
  if (!n) return [];
  return n.t === "list" ? n.items : [n];
}

/** Whether a value is present and could not be worked out (checks stay quiet on such values). */
export function isUnknown(n: IacNode | undefined): boolean {
  return n?.t === "unknown";
}
