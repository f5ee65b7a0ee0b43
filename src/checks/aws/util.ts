import type { TfValue } from "../../models/aws.js";

/** True only for a value read from the source and equal to `want`. */
export function isKnown<T>(v: TfValue<T> | undefined, want?: T): v is TfValue<T> & { value: T } {
  return v !== undefined && v.known && v.value !== undefined && (want === undefined || v.value === want);
}

export const OPEN_CIDRS = new Set(["0.0.0.0/0", "::/0"]);
