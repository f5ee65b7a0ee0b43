// Manifests and indexes as a registry serves them: which formats are read, the shape they must
// have, and the choice of one image from a multi-platform index.
import { InputError } from "../../core/errors.js";
import { parseDigest } from "./digest.js";
import { choosePlatform, parsePlatform } from "./platform.js";
import type { Platform } from "./platform.js";

export const MEDIA = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerSchema1: "application/vnd.docker.distribution.manifest.v1+json",
  dockerSchema1Signed: "application/vnd.docker.distribution.manifest.v1+prettyjws",
} as const;

export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.ociManifest, MEDIA.dockerList, MEDIA.dockerManifest].join(", ");

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export type Parsed = { kind: "index"; manifests: Descriptor[] } | { kind: "manifest"; config: Descriptor; layers: Descriptor[] };

/** Reads a manifest or an index; `contentType` is the registry's Content-Type, which may be missing or generic. */
export function parseManifest(body: Buffer, contentType: string | undefined, what: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new InputError(`${what}: the manifest is not JSON`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new InputError(`${what}: the manifest is not a JSON object`);
  const m = json as { schemaVersion?: unknown; mediaType?: unknown; manifests?: unknown; config?: unknown; layers?: unknown };
  const type = typeof m.mediaType === "string" ? m.mediaType : (contentType ?? "").split(";")[0]!.trim();
  if (m.schemaVersion === 1 || type === MEDIA.dockerSchema1 || type === MEDIA.dockerSchema1Signed) {
    throw new InputError(`${what}: uses Docker's schema 1 manifest format, retired in 2019 and not read by Mamori; push the image again with a current client`);
  }
  if (m.schemaVersion !== 2) throw new InputError(`${what}: unknown manifest schemaVersion ${JSON.stringify(m.schemaVersion)}`);
  if (Array.isArray(m.manifests)) return { kind: "index", manifests: m.manifests.map((d, i) => descriptor(d, `${what}: manifests[${i}]`)) };
  if (Array.isArray(m.layers) && m.config !== undefined) {
    return {
      kind: "manifest",
      config: descriptor(m.config, `${what}: config`),
      layers: m.layers.map((d, i) => descriptor(d, `${what}: layers[${i}]`)),
    };
  }
  throw new InputError(`${what}: neither an image manifest nor an index (media type "${type.slice(0, 100)}")`);
}

function descriptor(d: unknown, what: string): Descriptor {
  if (typeof d !== "object" || d === null) throw new InputError(`${what}: not a descriptor object`);
  const x = d as { mediaType?: unknown; digest?: unknown; size?: unknown; platform?: unknown; annotations?: unknown };
  if (typeof x.digest !== "string" || parseDigest(x.digest) === undefined) throw new InputError(`${what}: bad digest ${JSON.stringify(x.digest)?.slice(0, 100)}`);
  if (typeof x.size !== "number" || !Number.isSafeInteger(x.size) || x.size < 0) throw new InputError(`${what}: bad size ${JSON.stringify(x.size)?.slice(0, 40)}`);
  const out: Descriptor = { digest: x.digest, size: x.size };
  if (typeof x.mediaType === "string") out.mediaType = x.mediaType;
  if (typeof x.platform === "object" && x.platform !== null) {
    const p = x.platform as Record<string, unknown>;
    out.platform = {};
    if (typeof p.os === "string") out.platform.os = p.os;
    if (typeof p.architecture === "string") out.platform.architecture = p.architecture;
    if (typeof p.variant === "string" && p.variant !== "") out.platform.variant = p.variant;
  }
  if (typeof x.annotations === "object" && x.annotations !== null) {
    out.annotations = Object.fromEntries(Object.entries(x.annotations).filter((e): e is [string, string] => typeof e[1] === "string"));
  }
  return out;
}

function isAttestation(d: Descriptor): boolean {
  return d.platform?.os === "unknown" || d.annotations?.["vnd.docker.reference.type"] === "attestation-manifest";
}

/**
 * One image manifest of an index, by the rule every image source shares (platform.ts): the asked
 * platform, else linux/amd64, else the only one. Attestation entries are never images.
 */
export function selectManifest(manifests: Descriptor[], platform: string | undefined, what: string): Descriptor {
  const images = manifests.filter((d) => !isAttestation(d));
  if (images.length === 0) throw new InputError(`${what}: the index lists no image`);
  const candidates = images.map((d) => ({ item: d, ...(d.platform?.os !== undefined && d.platform.architecture !== undefined ? { platform: d.platform as Platform } : {}) }));
  return choosePlatform(candidates, platform === undefined ? undefined : parsePlatform(platform), what);
}
