// A finding's id is a fingerprint of what the problem is, never of where it happens to sit:
// rule, target scope, file, IaC address and a check-chosen key (the offending instruction or
// value, whitespace-folded). Line numbers are left out on purpose, so that unrelated edits that
// move lines keep the id; a repeated identical problem in one file is told apart by its
// occurrence number in file order.
import { createHash } from "node:crypto";

export interface FingerprintInput {
  ruleId: string;
  /** The target type and a stable name of the scanned thing's scope (e.g. "iac"). */
  scope: string;
  path?: string;
  address?: string;
  resourceId?: string;
  /** What identifies this instance within the file: e.g. the normalized instruction text. */
  key?: string;
}

export function normalizeKey(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

export function fingerprintBase(i: FingerprintInput): string {
  return [i.ruleId, i.scope, i.path ?? "", i.address ?? "", i.resourceId ?? "", normalizeKey(i.key ?? "")].join("\u0000");
}

export function hashFingerprint(base: string, occurrence: number): string {
  const h = createHash("sha256").update(base);
  if (occurrence > 0) h.update(`\u0000#${occurrence}`);
  return h.digest("hex").slice(0, 32);
}

/**
 * Assigns ids to a list of fingerprint inputs given in file order: the n-th identical input gets
 * occurrence n, so two identical problems in one file have two ids, stable while their order is.
 */
export function assignFingerprints(inputs: readonly FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  return inputs.map((i) => {
    const base = fingerprintBase(i);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return hashFingerprint(base, n);
  });
}
