// `mamori scan image <ref>`: what the reference names decides the source. An existing directory is
// an OCI layout (it has an oci-layout file), an unpacked docker-archive (manifest.json) or else a
// root filesystem; an existing file is an image archive tar; `<path>:<tag>` picks one image of a
// layout or archive holding several; anything else is a registry reference.
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../core/errors.js";
import { BlobStore } from "./blob-store.js";
import { openDockerArchive, type ArchiveSelection } from "./docker-archive.js";
import { imageLimits } from "./limits.js";
import { openOciLayout } from "./oci-layout.js";
import { parsePlatform } from "./platform.js";
import { openRootfs } from "./rootfs.js";
import { indexTar } from "./tar-index.js";
import type { Image, OpenImageOptions } from "./types.js";

/** Magic numbers of compressed files that cannot be indexed by offset. */
const COMPRESSED: readonly { magic: number[]; name: string; tool: string }[] = [
  { magic: [0x1f, 0x8b], name: "gzip", tool: "gunzip" },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], name: "zstd", tool: "zstd -d" },
  { magic: [0x42, 0x5a, 0x68], name: "bzip2", tool: "bunzip2" },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a], name: "xz", tool: "unxz" },
];

/** `ref` itself, or `<path>:<tag>` where the tag may be a full name with colons ("x.tar:example.com/app:1.0"). */
function localTarget(ref: string): { path: string; tag?: string } | undefined {
  if (existsSync(ref)) return { path: ref };
  for (let colon = ref.indexOf(":"); colon > 0; colon = ref.indexOf(":", colon + 1)) {
    const tag = ref.slice(colon + 1);
    if (tag !== "" && existsSync(ref.slice(0, colon))) return { path: ref.slice(0, colon), tag };
  }
  return undefined;
}

function looksLikePath(ref: string): boolean {
  return /^(\/|\.\.?\/|~)/.test(ref) || /\.(tar|tar\.gz|tgz|oci)$/.test(ref) || ref.includes("\\");
}

function sniffCompression(file: string): (typeof COMPRESSED)[number] | undefined {
  const head = Buffer.alloc(8);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return COMPRESSED.find((c) => c.magic.every((b, i) => head[i] === b));
}

function openLocal(path: string, name: string, selection: ArchiveSelection): Image {
  const st = statSync(path);
  if (st.isDirectory()) {
    if (existsSync(join(path, "oci-layout"))) return openOciLayout(BlobStore.fromDirectory(path), name, selection);
    if (existsSync(join(path, "manifest.json"))) return openDockerArchive(BlobStore.fromDirectory(path), name, selection);
    if (selection.tag !== undefined) throw new InputError(`${path}: a root filesystem directory has no tag ${selection.tag}`);
    return openRootfs(path, name);
  }
  if (!st.isFile()) throw new InputError(`${path}: not a file or directory`);
  const compressed = sniffCompression(path);
  if (compressed) {
    throw new InputError(`${path}: a ${compressed.name}-compressed file; image archives are read uncompressed`, { hint: `decompress it first: ${compressed.tool} ${path}` });
  }
  const store = BlobStore.fromTar(indexTar(path, selection.limits.maxArchiveEntries));
  if (store.has("oci-layout") && store.has("index.json")) return openOciLayout(store, name, selection);
  if (store.has("manifest.json")) return openDockerArchive(store, name, selection);
  throw new InputError(`${path}: not a docker-archive or OCI layout (no manifest.json or index.json in the tar)`);
}

/**
 * Opens an image for analysis. Local sources are read in place (nothing is unpacked); a registry
 * reference is pulled by streaming, layer by layer, during the analysis.
 */
export async function openImage(ref: string, opts: OpenImageOptions = {}): Promise<Image> {
  const limits = imageLimits(opts.limits);
  const platform = opts.platform === undefined ? undefined : parsePlatform(opts.platform);
  const local = localTarget(ref);
  if (local) {
    const selection: ArchiveSelection = { limits, ...(platform ? { platform } : {}), ...(local.tag !== undefined ? { tag: local.tag } : {}) };
    return openLocal(local.path, ref, selection);
  }
  if (looksLikePath(ref)) throw new InputError(`${ref}: no such file or directory`);
  // Loaded on demand: local scans never need the HTTP client.
  const { openRegistryImage } = await import("./registry.js");
  return openRegistryImage(ref, {
    ...opts.registry,
    ...(opts.platform !== undefined ? { platform: opts.platform } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.warn ? { warn: opts.warn } : {}),
  });
}
