// `docker save` / `podman save` archives: manifest.json names, per image, the config and the
// layer files, either in the legacy form (<id>/layer.tar, <hex>.json) or, since Docker 25, as
// OCI blobs (blobs/sha256/<hex>). Works on the tar itself or on a directory it was unpacked to.
import { InputError } from "../../core/errors.js";
import type { BlobStore } from "./blob-store.js";
import { verified } from "./digest.js";
import { layerInfos, platformOf } from "./history.js";
import type { ImageLimits } from "./limits.js";
import { isObject, readJson, stringArray } from "./metadata.js";
import { formatPlatform, platformMatches, type Platform } from "./platform.js";
import type { Image, ImageConfig, ImageLayer } from "./types.js";

export interface ArchiveSelection {
  /** A repo tag ("nginx:1.27") or a bare tag ("1.27") choosing among several images of one archive. */
  tag?: string;
  platform?: Platform;
  limits: ImageLimits;
}

interface ManifestEntry {
  config: string;
  repoTags: string[];
  layers: string[];
}

/** The digest a blob path carries in its name: "blobs/sha256/<hex>" or a legacy "<hex>.json" config. */
function digestInName(path: string): string | undefined {
  const m = /(?:^|\/)(?:blobs\/(sha256|sha512)\/)?([0-9a-f]{64}|[0-9a-f]{128})(?:\.json)?$/.exec(path);
  if (!m?.[2]) return undefined;
  const algorithm = m[1] ?? "sha256";
  return (algorithm === "sha256") === (m[2].length === 64) ? `${algorithm}:${m[2]}` : undefined;
}

function readManifest(store: BlobStore, limits: ImageLimits): ManifestEntry[] {
  const { value } = readJson({ store, path: "manifest.json", what: "manifest.json", maxBytes: limits.maxMetadataSize });
  if (!Array.isArray(value) || value.length === 0) throw new InputError(`${store.location}: manifest.json lists no images`);
  return value.map((e) => {
    if (!isObject(e) || typeof e.Config !== "string" || !Array.isArray(e.Layers)) throw new InputError(`${store.location}: manifest.json is not a docker-archive manifest`);
    return { config: e.Config, repoTags: stringArray(e.RepoTags), layers: stringArray(e.Layers) };
  });
}

function tagMatches(repoTag: string, tag: string): boolean {
  return repoTag === tag || repoTag.endsWith(`:${tag}`) || repoTag.endsWith(`/${tag}`);
}

function chooseEntry(store: BlobStore, entries: ManifestEntry[], tag: string | undefined): ManifestEntry {
  const listed = (): string => entries.map((e) => e.repoTags.join(" ") || e.config).join(", ");
  if (tag !== undefined) {
    const found = entries.find((e) => e.repoTags.some((t) => tagMatches(t, tag)));
    if (!found) throw new InputError(`${store.location}: no image tagged ${tag}; it has ${listed()}`);
    return found;
  }
  if (entries.length > 1) throw new InputError(`${store.location}: holds ${entries.length} images (${listed()}); name one as ${store.location}:<tag>`);
  return entries[0] as ManifestEntry;
}

export function openDockerArchive(store: BlobStore, name: string, selection: ArchiveSelection): Image {
  const { limits } = selection;
  const entry = chooseEntry(store, readManifest(store, limits), selection.tag);
  if (entry.layers.length > limits.maxLayers) {
    throw new InputError(`${store.location}: the image has ${entry.layers.length} layers, more than the limit of ${limits.maxLayers} (limits.maxLayers)`);
  }
  const configDigest = digestInName(entry.config);
  const configRead = readJson({ store, path: entry.config, what: configDigest ? "config" : `config ${entry.config}`, maxBytes: limits.maxMetadataSize, ...(configDigest ? { digest: configDigest } : {}) });
  if (!isObject(configRead.value)) throw new InputError(`${store.location}: the image config is not a JSON object`);
  const config = configRead.value as ImageConfig;
  const platform = platformOf(config);
  if (selection.platform && config.os && config.architecture && !platformMatches(selection.platform, { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) })) {
    throw new InputError(`${store.location}: the image is ${platform}, not ${formatPlatform(selection.platform)}`);
  }
  const blobDigests = entry.layers.map(digestInName);
  const infos = layerInfos(config, blobDigests);
  const layers: ImageLayer[] = entry.layers.map((path, i) => {
    const info = infos[i] as ImageLayer["info"];
    const blobDigest = blobDigests[i];
    const what = `layer ${blobDigest ?? info.digest}`;
    const size = store.size(path);
    if (size === undefined) throw new InputError(`${store.location}: ${what} is missing (${path})`);
    const layer: ImageLayer = {
      info,
      size,
      open: async () => {
        const raw = store.open(path, what);
        return blobDigest ? verified(raw, "layer", blobDigest, size) : raw;
      },
    };
    if (blobDigest) layer.compressedDigest = blobDigest;
    return layer;
  });
  const image: Image = {
    name,
    kind: "docker-archive",
    id: configRead.digest,
    repoTags: entry.repoTags,
    config,
    layers,
    close: async () => {},
  };
  if (platform) image.platform = platform;
  return image;
}
