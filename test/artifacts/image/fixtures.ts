// Builds small images inside the tests: layer tars with tar-stream, gzip with zlib, zstd with the
// zstd tool, then docker-archives (legacy and blobs forms) and OCI layouts (directory and tar).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, createWriteStream, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pipeline } from "node:stream/promises";
import { gzipSync } from "node:zlib";
import tar from "tar-stream";
import type { ImageConfig } from "../../../src/artifacts/image/types.js";

export interface Entry {
  name: string;
  type?: "file" | "directory" | "symlink" | "link";
  content?: string | Buffer;
  linkname?: string;
  mode?: number;
}

export type Compression = "gzip" | "zstd" | "none";

export const zstdAvailable = spawnSync("zstd", ["--version"]).status === 0;

export async function tarOf(entries: readonly Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const c of pack) chunks.push(Buffer.from(c as Uint8Array));
  })();
  for (const e of entries) {
    const type = e.type ?? "file";
    const body = type === "file" ? Buffer.from(e.content ?? "") : undefined;
    await new Promise<void>((resolve, reject) => {
      const header = { name: e.name, type, mode: e.mode ?? (type === "directory" ? 0o755 : 0o644), ...(e.linkname !== undefined ? { linkname: e.linkname } : {}) };
      if (body) pack.entry({ ...header, size: body.length }, body, (err) => (err ? reject(err) : resolve()));
      else pack.entry(header, (err) => (err ? reject(err) : resolve()));
    });
  }
  pack.finalize();
  await collected;
  return Buffer.concat(chunks);
}

export function compress(data: Buffer, c: Compression): Buffer {
  if (c === "gzip") return gzipSync(data);
  if (c === "zstd") {
    const r = spawnSync("zstd", ["-c", "-q", "-3"], { input: data, maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error("zstd failed");
    return r.stdout;
  }
  return data;
}

export function sha256(data: Buffer | string): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

export interface LayerSpec {
  entries?: readonly Entry[];
  /** Raw layer blob bytes instead of entries (for broken layers); diffId then defaults to the blob's digest. */
  blob?: Buffer;
  diffId?: string;
  compression?: Compression;
  createdBy?: string;
}

export interface BuiltLayer {
  blob: Buffer;
  digest: string;
  diffId: string;
  mediaType: string;
}

const MEDIA: Record<Compression, string> = {
  gzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  zstd: "application/vnd.oci.image.layer.v1.tar+zstd",
  none: "application/vnd.oci.image.layer.v1.tar",
};

export async function buildLayer(spec: LayerSpec): Promise<BuiltLayer> {
  const compression = spec.compression ?? "gzip";
  if (spec.blob) return { blob: spec.blob, digest: sha256(spec.blob), diffId: spec.diffId ?? sha256(spec.blob), mediaType: MEDIA[compression] };
  const plain = await tarOf(spec.entries ?? []);
  const blob = compress(plain, compression);
  return { blob, digest: sha256(blob), diffId: spec.diffId ?? sha256(plain), mediaType: MEDIA[compression] };
}

export interface ImageSpec {
  layers: readonly LayerSpec[];
  platform?: { os: string; architecture: string; variant?: string };
  config?: Partial<ImageConfig>;
  /** Extra history lines that made no layer, placed before the layers' lines. */
  emptyHistory?: string[];
  tag?: string;
}

export interface BuiltImage {
  layers: BuiltLayer[];
  config: Buffer;
  configDigest: string;
  manifest: Buffer;
  manifestDigest: string;
}

export async function buildImage(spec: ImageSpec): Promise<BuiltImage> {
  const layers: BuiltLayer[] = [];
  for (const l of spec.layers) layers.push(await buildLayer(l));
  const platform = spec.platform ?? { os: "linux", architecture: "amd64" };
  const history = [
    ...(spec.emptyHistory ?? []).map((created_by) => ({ created_by, empty_layer: true })),
    ...spec.layers.map((l, i) => ({ created_by: l.createdBy ?? `/bin/sh -c #(nop) ADD layer${i} /` })),
  ];
  const config = Buffer.from(
    JSON.stringify({ ...platform, config: { Env: ["PATH=/usr/bin"] }, history, rootfs: { type: "layers", diff_ids: layers.map((l) => l.diffId) }, ...spec.config }),
  );
  const configDigest = sha256(config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: configDigest, size: config.length },
      layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.blob.length })),
    }),
  );
  return { layers, config, configDigest, manifest, manifestDigest: sha256(manifest) };
}

const dirs: string[] = [];

export function tempDir(prefix = "mamori-img-"): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

function writeBlob(dir: string, digest: string, data: Buffer): void {
  const [alg, hex] = digest.split(":") as [string, string];
  mkdirSync(join(dir, "blobs", alg), { recursive: true });
  writeFileSync(join(dir, "blobs", alg, hex), data);
}

export interface LayoutOptions {
  /** Put the per-platform manifests under a nested index (as docker and buildx do). */
  nested?: boolean;
  /** Leave these blobs out (by digest). */
  omit?: string[];
}

/** Writes an OCI image layout directory holding the images (one index entry each, or one nested index). */
export async function ociLayoutDir(images: readonly BuiltImage[], specs: readonly ImageSpec[], opts: LayoutOptions = {}): Promise<string> {
  const dir = tempDir("mamori-oci-");
  writeFileSync(join(dir, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
  const descriptors = images.map((img, i) => {
    const spec = specs[i] as ImageSpec;
    for (const l of img.layers) if (!opts.omit?.includes(l.digest)) writeBlob(dir, l.digest, l.blob);
    if (!opts.omit?.includes(img.configDigest)) writeBlob(dir, img.configDigest, img.config);
    if (!opts.omit?.includes(img.manifestDigest)) writeBlob(dir, img.manifestDigest, img.manifest);
    return {
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      digest: img.manifestDigest,
      size: img.manifest.length,
      ...(spec.platform ? { platform: spec.platform } : {}),
      ...(spec.tag ? { annotations: { "org.opencontainers.image.ref.name": spec.tag } } : {}),
    };
  });
  let manifests: object[] = descriptors;
  if (opts.nested) {
    const nested = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: descriptors }));
    writeBlob(dir, sha256(nested), nested);
    manifests = [{ mediaType: "application/vnd.oci.image.index.v1+json", digest: sha256(nested), size: nested.length, annotations: { "io.containerd.image.name": "example.com/app:1.0" } }];
  }
  writeFileSync(join(dir, "index.json"), JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests }));
  return dir;
}

/** A tar of a directory's files (paths relative to it), as `tar -C dir -cf file .` would make. */
export async function tarDirectory(dir: string, file: string): Promise<string> {
  const pack = tar.pack();
  const out = pipeline(pack, createWriteStream(file));
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  for (const f of walk(dir).sort()) {
    const data = readFileSync(f);
    await new Promise<void>((resolve, reject) => pack.entry({ name: relative(dir, f), size: data.length }, data, (e) => (e ? reject(e) : resolve())));
  }
  pack.finalize();
  await out;
  return file;
}

export interface ArchiveOptions {
  form: "legacy" | "blobs";
  repoTags?: string[][];
  /** Replace a file's bytes after digests are computed (to break them). */
  tamper?: (name: string, data: Buffer) => Buffer;
  omit?: string[];
}

/** A `docker save` archive of the images: legacy (<id>/layer.tar, <hex>.json) or Docker 25 (blobs/sha256/...). */
export async function dockerArchive(images: readonly BuiltImage[], opts: ArchiveOptions): Promise<string> {
  const file = join(tempDir("mamori-docker-"), "image.tar");
  const files = new Map<string, Buffer>();
  const manifest = images.map((img, i) => {
    const configName = opts.form === "legacy" ? `${img.configDigest.slice(7)}.json` : `blobs/sha256/${img.configDigest.slice(7)}`;
    files.set(configName, img.config);
    const layers = img.layers.map((l) => {
      // Legacy archives store layers uncompressed, in a directory named by a v1 id (not a digest).
      const name = opts.form === "legacy" ? `${createHash("sha256").update(`v1:${l.diffId}`).digest("hex")}/layer.tar` : `blobs/sha256/${l.digest.slice(7)}`;
      files.set(name, l.blob);
      return name;
    });
    return { Config: configName, RepoTags: opts.repoTags?.[i] ?? [`example.com/app${i}:latest`], Layers: layers };
  });
  files.set("manifest.json", Buffer.from(JSON.stringify(manifest)));
  const pack = tar.pack();
  const out = pipeline(pack, createWriteStream(file));
  for (const [name, data] of files) {
    if (opts.omit?.includes(name)) continue;
    const bytes = opts.tamper ? opts.tamper(name, data) : data;
    await new Promise<void>((resolve, reject) => pack.entry({ name, size: bytes.length }, bytes, (e) => (e ? reject(e) : resolve())));
  }
  pack.finalize();
  await out;
  return file;
}
