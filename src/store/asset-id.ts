// An asset's id is derived from what it is, so every scan of the same thing, from any process
// or machine, lands on the same asset without a lookup.
import { createHash } from "node:crypto";
import type { TargetType } from "../core/model.js";

/** sha256 of type and canonical name, first 32 hex characters. */
export function assetId(type: TargetType, canonicalName: string): string {
  return createHash("sha256").update(`${type}\u0000${canonicalName}`).digest("hex").slice(0, 32);
}
