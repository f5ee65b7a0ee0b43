// OCI image layouts (a directory, or a tar of one): index.json points at manifests or at nested
// indexes (multi-platform images), every blob is named by its digest under blobs/<alg>/<hex> and
// checked against it. One image is chosen by tag (`<layout>:<tag>`) and by platform.
import { InputError } from "../../core/errors.js";
import type { BlobStore } from "./blob-store.js";
import { parseDigest, verified } from "./digest.js";
import type { ArchiveSelection } from "./docker-archive.js";
import { layerInfos, platformOf } from "./history.js";
import { isObject, readJson } from "./metadata.js";
import { choosePlatform, formatPlatform, normalizePlatform, type Platform } from "./platform.js";
import type { Image, ImageConfig, ImageLayer } from "./types.js";

const MAX_INDEX_DEPTH = 4;
const MAX_MANIFESTS = 256;

const INDEX_TYPES = new Set(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]);
const MANIFEST_TYPES = new Set(["application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"]);
const REF_NAME = "org.opencontainers.image.ref.name";
const CONTAINERD_NAME = "io.containerd.image.name";

interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  annotations?: Record<string, string>;
  platform?: Platform;
}

interface Leaf {
  descriptor: Descriptor;
  /** Names from the annotations of the index entries that lead here. */
  names: string[];
  platform?: Platform;
}

function descriptor(store: BlobStore, v: unknown, what: string): Descriptor {
  if (!isObject(v) || typeof v.digest !== "string") throw new InputError(`${store.location}: ${what} has an entry without a digest`);
  if (!parseDigest(v.digest)) throw new InputError(`${store.location}: ${what} names ${JSON.stringify(v.digest)}, not a sha256 or sha512 digest`);
  const d: Descriptor = { digest: v.digest };
  if (typeof v.mediaType === "string") d.mediaType = v.mediaType;
  if (typeof v.size === "number") d.size = v.size;
  if (isObject(v.annotations)) {
    d.annotations = Object.fromEntries(Object.entries(v.annotations).filter((e): e is [string, string] => typeof e[1] === "string"));
  }
  const p = v.platform;
  if (isObject(p) && typeof p.os === "string" && typeof p.architecture === "string") {
    d.platform = { os: p.os, architecture: p.architecture, ...(typeof p.variant === "string" && p.variant ? { variant: p.variant } : {}) };
  }
  return d;
}

export function blobPath(digest: string): string {
  return `blobs/${digest.replace(":", "/")}`;
}

function readBlobJson(store: BlobStore, d: Descriptor, kind: string, maxBytes: number): Record<string, unknown> {
  const { value } = readJson({ store, path: blobPath(d.digest), what: kind, maxBytes, digest: d.digest });
  if (!isObject(value)) throw new InputError(`${store.location}: ${kind} ${d.digest} is not a JSON object`);
  return value;
}

function namesOf(d: Descriptor): string[] {
  return [d.annotations?.[CONTAINERD_NAME], d.annotations?.[REF_NAME]].filter((n): n is string => typeof n === "string" && n !== "");
}

function isAttestation(d: Descriptor): boolean {
  return d.annotations?.["vnd.docker.reference.type"] === "attestation-manifest" || d.platform?.os === "unknown";
}

/** Every image manifest reachable from index.json, nested indexes flattened. */
function collectLeaves(store: BlobStore, maxBytes: number): Leaf[] {
  const leaves: Leaf[] = [];
  const seen = new Set<string>();
  const visit = (index: Record<string, unknown>, what: string, names: string[], depth: number): void => {
    if (!Array.isArray(index.manifests)) throw new InputError(`${store.location}: ${what} has no manifests list`);
    for (const raw of index.manifests) {
      const d = descriptor(store, raw, what);
      const here = [...new Set([...names, ...namesOf(d)])];
      let type = d.mediaType;
      let content: Record<string, unknown> | undefined;
      if (type === undefined) {
        // Some writers leave mediaType out: the blob itself tells an index from a manifest.
        content = readBlobJson(store, d, "manifest", maxBytes);
        type = Array.isArray(content.manifests) ? [...INDEX_TYPES][0] : [...MANIFEST_TYPES][0];
      }
      if (type !== undefined && INDEX_TYPES.has(type)) {
        if (depth >= MAX_INDEX_DEPTH) throw new InputError(`${store.location}: indexes nested more than ${MAX_INDEX_DEPTH} deep`);
        visit(content ?? readBlobJson(store, d, "index", maxBytes), `index ${d.digest}`, here, depth + 1);
      } else if (type !== undefined && MANIFEST_TYPES.has(type) && !isAttestation(d)) {
        if (seen.has(d.digest)) {
          leaves.find((l) => l.descriptor.digest === d.digest)?.names.push(...here);
          continue;
        }
        seen.add(d.digest);
        if (leaves.length >= MAX_MANIFESTS) throw new InputError(`${store.location}: more than ${MAX_MANIFESTS} image manifests`);
        leaves.push({ descriptor: d, names: here, ...(d.platform ? { platform: d.platform } : {}) });
      }
    }
  };
  const index = readJson({ store, path: "index.json", what: "index.json", maxBytes });
  if (!isObject(index.value)) throw new InputError(`${store.location}: index.json is not a JSON object`);
  visit(index.value, "index.json", [], 0);
  if (leaves.length === 0) throw new InputError(`${store.location}: index.json names no image manifest`);
  return leaves;
}

function nameMatches(name: string, tag: string): boolean {
  return name === tag || name.endsWith(`:${tag}`);
}

interface Manifest {
  config: Descriptor;
  layers: Descriptor[];
}

function readManifest(store: BlobStore, d: Descriptor, maxBytes: number): Manifest {
  const m = readBlobJson(store, d, "manifest", maxBytes);
  if (!Array.isArray(m.layers)) throw new InputError(`${store.location}: manifest ${d.digest} has no layers list`);
  return { config: descriptor(store, m.config, `manifest ${d.digest}`), layers: m.layers.map((l) => descriptor(store, l, `manifest ${d.digest}`)) };
}

function configOf(store: BlobStore, manifest: Manifest, maxBytes: number): ImageConfig {
  return readBlobJson(store, manifest.config, "config", maxBytes) as ImageConfig;
}

export function openOciLayout(store: BlobStore, name: string, selection: ArchiveSelection): Image {
  const { limits } = selection;
  const maxBytes = limits.maxMetadataSize;
  let leaves = collectLeaves(store, maxBytes);
  const tag = selection.tag;
  if (tag !== undefined) {
    const tagged = leaves.filter((l) => l.names.some((n) => nameMatches(n, tag)));
    if (tagged.length === 0) throw new InputError(`${store.location}: no image tagged ${tag}; it has ${[...new Set(leaves.flatMap((l) => l.names))].join(", ") || "no tags"}`);
    leaves = tagged;
  }
  // Manifests listed without a platform (a single-platform layout) take it from their config.
  if (leaves.length > 1 || selection.platform) {
    for (const leaf of leaves) {
      if (leaf.platform) continue;
      const config = configOf(store, readManifest(store, leaf.descriptor, maxBytes), maxBytes);
      if (config.os && config.architecture) leaf.platform = { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) };
    }
  }
  const chosen = choosePlatform(
    leaves.map((l) => ({ ...(l.platform ? { platform: l.platform } : {}), item: l })),
    selection.platform,
    store.location,
  );
  const key = (p?: Platform): string => (p ? formatPlatform(normalizePlatform(p)) : "");
  const alike = leaves.filter((l) => key(l.platform) === key(chosen.platform));
  if (alike.length > 1) {
    throw new InputError(`${store.location}: holds several images (${alike.map((l) => l.names[0] ?? l.descriptor.digest).join(", ")}); name one as ${store.location}:<tag>`);
  }
  const manifest = readManifest(store, chosen.descriptor, maxBytes);
  if (manifest.layers.length > limits.maxLayers) {
    throw new InputError(`${store.location}: the image has ${manifest.layers.length} layers, more than the limit of ${limits.maxLayers} (limits.maxLayers)`);
  }
  const config = configOf(store, manifest, maxBytes);
  const infos = layerInfos(config, manifest.layers.map((l) => l.digest));
  const layers = manifest.layers.map((d, i): ImageLayer => {
    const path = blobPath(d.digest);
    const size = store.size(path);
    if (size === undefined) throw new InputError(`${store.location}: layer ${d.digest} is missing (${path})`);
    const layer: ImageLayer = {
      info: infos[i] as ImageLayer["info"],
      compressedDigest: d.digest,
      size,
      open: async () => verified(store.open(path, `layer ${d.digest}`), "layer", d.digest, d.size ?? size),
    };
    if (d.mediaType) layer.mediaType = d.mediaType;
    return layer;
  });
  const image: Image = {
    name,
    kind: "oci-layout",
    id: chosen.descriptor.digest,
    // A ref.name may be a bare tag ("1.0"); it names the image only where no full name does.
    repoTags: chosen.names.some((n) => n.includes("/")) ? chosen.names.filter((n) => n.includes("/")) : chosen.names,
    config,
    layers,
    close: async () => {},
  };
  const platform = platformOf(config);
  if (platform) image.platform = platform;
  return image;
}
