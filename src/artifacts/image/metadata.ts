// Manifests, indexes and configs: small JSON files read whole (bounded), checked against the digest
// that names them, and parsed without trusting their shape.
import { createHash } from "node:crypto";
import { InputError } from "../../core/errors.js";
import type { BlobStore } from "./blob-store.js";
import { DigestMismatchError, parseDigest, sha256OfBuffer } from "./digest.js";

export interface ReadJson {
  store: BlobStore;
  path: string;
  /** Names the file in messages: "manifest.json", or "manifest", "config" (followed by the digest when there is one). */
  what: string;
  maxBytes: number;
  /** When given, the bytes must hash to it. */
  digest?: string;
}

export function readJson(r: ReadJson): { value: unknown; digest: string } {
  const label = r.digest === undefined ? r.what : `${r.what} ${r.digest}`;
  const bytes = r.store.readAll(r.path, label, r.maxBytes);
  let digest = sha256OfBuffer(bytes);
  if (r.digest !== undefined) {
    const parsed = parseDigest(r.digest);
    if (!parsed) throw new InputError(`${r.store.location}: ${label} is not named by a sha256 or sha512 digest`);
    if (createHash(parsed.algorithm).update(bytes).digest("hex") !== parsed.hex) throw new DigestMismatchError(r.what, r.digest);
    digest = r.digest;
  }
  try {
    return { value: JSON.parse(bytes.toString("utf8")) as unknown, digest };
  } catch {
    throw new InputError(`${r.store.location}: ${label} is not valid JSON`);
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
