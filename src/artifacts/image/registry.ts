// Images pulled from a registry over the OCI distribution API: manifest (and platform choice from
// an index), config, then layers streamed from the blob endpoint and verified against their
// digests as they arrive. Nothing is written to disk.
import { createHash } from "node:crypto";
import { InputError } from "../../core/errors.js";
import { parseDigest, verified } from "./digest.js";
import { imageLimits } from "./limits.js";
import type { ImageLimits } from "./limits.js";
import { findCredentials } from "./registry-auth.js";
import { header, makeDispatcher, readBounded } from "./registry-http.js";
import { layerInfos, platformOf } from "./history.js";
import { formatPlatform, parsePlatform, platformMatches } from "./platform.js";
import { MANIFEST_ACCEPT, parseManifest, selectManifest } from "./registry-manifest.js";
import type { Descriptor } from "./registry-manifest.js";
import { parseReference } from "./registry-ref.js";
import type { RegistryRef } from "./registry-ref.js";
import { RegistrySession } from "./registry-session.js";
import type { LayerInfo } from "../types.js";
import type { Image, ImageConfig, ImageLayer, RegistryOptions } from "./types.js";

export interface OpenRegistryOptions extends RegistryOptions {
  /** "os/arch[/variant]" to pick from a multi-platform index. */
  platform?: string;
  limits?: Partial<ImageLimits>;
  /** Non-fatal notes for the scan's warnings (e.g. a Docker credential helper that is not run). */
  warn?: (message: string) => void;
}

export async function openRegistryImage(ref: string, opts: OpenRegistryOptions = {}): Promise<Image> {
  const parsed = parseReference(ref);
  const limits = imageLimits(opts.limits);
  const warn = opts.warn ?? (() => {});
  if (opts.platform !== undefined) parsePlatform(opts.platform);
  const credentials = findCredentials(parsed.registry, opts, warn, opts.dockerConfig);
  // The session refuses a URL it may not reach before anything is sent.
  const dispatcher = makeDispatcher(opts.caFile);
  try {
    const session = new RegistrySession(parsed, dispatcher, opts.insecure === true, credentials);
    const image = await pull(session, parsed, ref, opts, limits, warn);
    return { ...image, close: () => dispatcher.close() };
  } catch (e) {
    await dispatcher.close();
    throw e;
  }
}

async function pull(session: RegistrySession, ref: RegistryRef, name: string, opts: OpenRegistryOptions, limits: ImageLimits, warn: (m: string) => void): Promise<Omit<Image, "close">> {
  const what = ref.display;
  let manifest = await fetchManifest(session, ref.digest ?? ref.tag ?? "latest", ref.digest, undefined, limits);
  let parsed = parseManifest(manifest.body, manifest.contentType, what);
  if (parsed.kind === "index") {
    const chosen = selectManifest(parsed.manifests, opts.platform, what);
    manifest = await fetchManifest(session, chosen.digest, chosen.digest, chosen.size, limits);
    parsed = parseManifest(manifest.body, manifest.contentType, `${what}@${chosen.digest}`);
    if (parsed.kind !== "manifest") throw new InputError(`${what}: the index points at another index (${chosen.digest}); nested indexes are not followed`);
  }
  const { config: configDesc, layers } = parsed;
  if (layers.length > limits.maxLayers) throw new InputError(`${what}: ${layers.length} layers, more than the limit of ${limits.maxLayers}`);
  // Compressed sizes bound the uncompressed ones from below: an image already over the limit is refused before any download.
  const total = layers.reduce((sum, l) => sum + l.size, 0);
  if (total > limits.maxImageBytes) throw new InputError(`${what}: layers total ${total} bytes compressed, more than the limit of ${limits.maxImageBytes}`);
  const big = layers.find((l) => l.size > limits.maxLayerBytes);
  if (big !== undefined) throw new InputError(`${what}: layer ${big.digest} is ${big.size} bytes, more than the limit of ${limits.maxLayerBytes}`);
  if (configDesc.size > limits.maxMetadataSize) throw new InputError(`${what}: config of ${configDesc.size} bytes, more than the limit of ${limits.maxMetadataSize}`);

  const config = await fetchConfig(session, configDesc, limits);
  const platform = platformOf(config);
  if (opts.platform !== undefined && config.os !== undefined && config.architecture !== undefined) {
    const have = { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) };
    if (!platformMatches(parsePlatform(opts.platform), have)) warn(`${what}: the image is ${formatPlatform(have)}, not the requested ${opts.platform}`);
  }
  const diffIds = config.rootfs!.diff_ids;
  if (diffIds.length !== layers.length) throw new InputError(`${what}: the config lists ${diffIds.length} layer diff ids for ${layers.length} layers`);
  const infos = layerInfos(config, layers.map((l) => l.digest));

  return {
    name,
    kind: "registry",
    id: manifest.digest,
    repoTags: ref.tag !== undefined ? [`${ref.registry}/${ref.repository}:${ref.tag}`] : [],
    config,
    layers: layers.map((l, index) => blobLayer(session, l, infos[index]!)),
    ...(platform !== undefined ? { platform } : {}),
  };
}

interface FetchedManifest {
  body: Buffer;
  contentType: string | undefined;
  digest: string;
}

async function fetchManifest(session: RegistrySession, reference: string, digest: string | undefined, size: number | undefined, limits: ImageLimits): Promise<FetchedManifest> {
  const what = session.ref.display;
  const r = await session.get(`manifests/${reference}`, MANIFEST_ACCEPT);
  if (r.status === 404) throw new InputError(`${what}: not found in ${session.ref.registry} (${await session.explain(r)})`);
  if (r.status !== 200) throw new InputError(`${what}: the registry refused the manifest: ${await session.explain(r)}`);
  const max = Math.min(limits.maxMetadataSize, size ?? Infinity);
  const body = await readBounded(r.body, max, `${what}: manifest`);
  const algorithm = parseDigest(digest ?? header(r.headers, "docker-content-digest") ?? "")?.algorithm ?? "sha256";
  const actual = `${algorithm}:${createHash(algorithm).update(body).digest("hex")}`;
  if (digest !== undefined && actual !== digest) throw new InputError(`${what}: the manifest served for ${digest} hashes to ${actual}`);
  const claimed = header(r.headers, "docker-content-digest");
  if (digest === undefined && claimed !== undefined && parseDigest(claimed) !== undefined && claimed !== actual) {
    throw new InputError(`${what}: the registry names the manifest ${claimed} but it hashes to ${actual}`);
  }
  return { body, contentType: header(r.headers, "content-type"), digest: actual };
}

async function fetchConfig(session: RegistrySession, d: Descriptor, limits: ImageLimits): Promise<ImageConfig> {
  const what = `${session.ref.display}: config ${d.digest}`;
  const r = await session.get(`blobs/${d.digest}`);
  if (r.status !== 200) throw new InputError(`${what}: ${r.status === 404 ? "missing from the registry" : "not served"} (${await session.explain(r)})`);
  const body = await readBounded(r.body, Math.min(limits.maxMetadataSize, d.size), what);
  const parsed = parseDigest(d.digest)!;
  if (body.length !== d.size || createHash(parsed.algorithm).update(body).digest("hex") !== parsed.hex) {
    throw new InputError(`${what}: content does not match its digest`);
  }
  let config: unknown;
  try {
    config = JSON.parse(body.toString("utf8"));
  } catch {
    throw new InputError(`${what}: not JSON`);
  }
  if (typeof config !== "object" || config === null || Array.isArray(config)) throw new InputError(`${what}: not a JSON object`);
  // The fields used here are checked; the rest of the config is read by whoever needs it, as untrusted.
  const c = config as Record<string, unknown>;
  for (const field of ["os", "architecture", "variant"]) {
    if (c[field] !== undefined && typeof c[field] !== "string") throw new InputError(`${what}: "${field}" is not a string`);
  }
  const diffIds = (c.rootfs as { diff_ids?: unknown } | undefined)?.diff_ids;
  if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === "string" && parseDigest(d) !== undefined)) {
    throw new InputError(`${what}: rootfs.diff_ids is not a list of digests`);
  }
  return config as ImageConfig;
}

function blobLayer(session: RegistrySession, d: Descriptor, info: LayerInfo): ImageLayer {
  const what = `${session.ref.display}: layer`;
  return {
    info,
    ...(d.mediaType !== undefined ? { mediaType: d.mediaType } : {}),
    compressedDigest: d.digest,
    size: d.size,
    async open() {
      const r = await session.get(`blobs/${d.digest}`);
      if (r.status !== 200) throw new InputError(`${what} ${d.digest}: ${r.status === 404 ? "missing from the registry" : "not served"} (${await session.explain(r)})`);
      return verified(r.body, what, d.digest, d.size);
    },
  };
}
