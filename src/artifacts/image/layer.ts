// Reads one layer as a stream: sniff the compression by magic bytes, decompress, meter, verify the
// diff id, and parse the tar entries, handing each to a visitor while it streams past. Nothing is
// written to disk and only the files a visitor asks for are held in memory, one at a time.
// Entry paths are resolved lexically and never followed; whiteouts become events; every bound
// (entries, bytes, ratio, path length and depth) ends the layer with a warning and a partial
// result instead of running on.
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as zlib from "node:zlib";
import tar from "tar-stream";
import type { ScanWarning } from "../../core/model.js";
import { formatBytes } from "../textfile.js";
import { DigestMismatchError, DigestVerifier } from "./digest.js";
import type { ImageLimits } from "./limits.js";
import { baseName, normalizeEntryPath, parentOf } from "./paths.js";
import { nativeZstd, zstdStage } from "./zstd.js";

export type Compression = "gzip" | "zstd" | "none";
export type EntryKind = "file" | "dir" | "symlink" | "hardlink" | "other";

export interface LayerFile {
  path: string;
  size: number;
  /** Permission bits with the regular-file type bits (0o100000). */
  mode: number;
  /** Position of the entry in the layer, counting entries that occupy a path. */
  seq: number;
}

export interface LayerVisitor {
  /** Every entry that occupies a path (files, directories, links, devices), in stream order, before file(). */
  entry(path: string, kind: EntryKind, seq: number): void;
  /** `.wh.<name>` deletes <name> from lower layers; `.wh..wh..opq` empties its directory (opaque). */
  whiteout(path: string, opaque: boolean): void;
  /** A regular file. `content()` reads its body (once); a file whose content is not read is skipped over. */
  file(file: LayerFile, content: () => Promise<Buffer>): Promise<void>;
}

export interface LayerReadOptions {
  limits: ImageLimits;
  /** Uncompressed bytes left of the image's budget (limits.maxImageBytes). */
  imageBytesLeft: number;
  /** The diff id: the uncompressed stream must hash to it. */
  diffId?: string;
  /** Names the layer in warnings: "layer 3 (sha256:ab..)". */
  what: string;
  warn(w: ScanWarning, kind: string): void;
}

export interface LayerReadResult {
  compression: Compression;
  /** Uncompressed bytes read. */
  bytes: number;
  entries: number;
  files: number;
  partial: boolean;
  /** The image-wide byte budget ran out: later layers must not be read. */
  imageBudgetSpent: boolean;
  /** The stream failed (truncated or corrupt), as opposed to a bound being reached. */
  failed: boolean;
}

class LimitError extends Error {
  constructor(
    message: string,
    readonly imageWide = false,
  ) {
    super(message);
  }
}

const MAGIC: readonly { compression: Compression; bytes: readonly number[] }[] = [
  { compression: "gzip", bytes: [0x1f, 0x8b] },
  { compression: "zstd", bytes: [0x28, 0xb5, 0x2f, 0xfd] },
];

function sniff(head: Buffer): Compression {
  return MAGIC.find((m) => m.bytes.every((b, i) => head[i] === b))?.compression ?? "none";
}

/** Counts the bytes pulled through it, for the decompression ratio. */
async function* counted(head: Buffer, rest: AsyncIterator<Buffer>, counter: { n: number }): AsyncGenerator<Buffer> {
  if (head.length > 0) {
    counter.n += head.length;
    yield head;
  }
  for (;;) {
    const r = await rest.next();
    if (r.done) return;
    counter.n += r.value.length;
    yield r.value;
  }
}

class Meter extends Transform {
  bytes = 0;
  constructor(
    private readonly limits: ImageLimits,
    private readonly compressed: { n: number },
    private readonly imageBytesLeft: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const l = this.limits;
    if (this.bytes > l.maxLayerBytes) done(new LimitError(`more than ${formatBytes(l.maxLayerBytes)} uncompressed (limits.maxLayerBytes)`));
    else if (this.bytes > this.imageBytesLeft) done(new LimitError(`the image is more than ${formatBytes(l.maxImageBytes)} uncompressed (limits.maxImageBytes); later layers are not read`, true));
    else if (this.bytes > l.ratioGraceBytes && this.bytes > l.maxRatio * this.compressed.n) {
      done(new LimitError(`decompresses to more than ${l.maxRatio} times its size, a decompression bomb (limits.maxRatio)`));
    } else done(null, chunk);
  }
}

/** The decompressed, metered and verified stream stages for a layer blob. */
async function stages(blob: NodeJS.ReadableStream, opts: LayerReadOptions) {
  const rest = (blob as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 4) {
    const r = await rest.next();
    if (r.done) break;
    head = Buffer.concat([head, r.value]);
  }
  const compressed = { n: 0 };
  const compression = sniff(head);
  const source = counted(head, rest, compressed);
  const meter = new Meter(opts.limits, compressed, opts.imageBytesLeft);
  const decompress: (Transform | ((s: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>))[] = [];
  if (compression === "gzip") decompress.push(zlib.createGunzip({ chunkSize: 64 * 1024 }));
  else if (compression === "zstd") {
    const native = nativeZstd();
    decompress.push(native ? native() : zstdStage(opts.limits.maxZstdWindow));
  }
  const verify = opts.diffId ? [new DigestVerifier("layer", opts.diffId)] : [];
  return { compression, source, meter, middle: [...decompress, meter, ...verify] };
}

type TarEntry = AsyncIterable<unknown> & { header: tar.Header };

/** stream/promises' pipeline takes an array of stages; its typings only know fixed arities. */
const pipelineOf = pipeline as unknown as (stages: unknown[]) => Promise<void>;

function kindOf(type: tar.Header["type"] | undefined): EntryKind {
  switch (type) {
    case "file":
    case "contiguous-file":
      return "file";
    case "directory":
      return "dir";
    case "symlink":
      return "symlink";
    case "link":
      return "hardlink";
    default:
      return "other";
  }
}

/** 31-bit FNV-1a: hard-link targets are checked against path hashes, so a layer of a million files costs no million strings. */
function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h & 0x7fffffff;
}

async function readAll(entry: TarEntry, size: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(size);
  let at = 0;
  for await (const chunk of entry as AsyncIterable<Buffer>) {
    // Never break out of the loop: that would destroy the whole tar stream, not just this entry.
    if (at + chunk.length <= size) chunk.copy(buf, at);
    at += chunk.length;
  }
  if (at !== size) throw new Error(`entry body of ${at} bytes, not the ${size} its header says`);
  return buf;
}

async function drain(entry: TarEntry): Promise<void> {
  for await (const _ of entry as AsyncIterable<Buffer>) {
    // discarded
  }
}

/**
 * Streams a layer blob to the visitor. Throws DigestMismatchError when the blob or its uncompressed
 * content does not match its digest, and whatever the visitor throws; any other failure (truncated
 * or corrupt data, a bound reached) is a warning and a partial result.
 */
export async function readLayer(blob: NodeJS.ReadableStream, opts: LayerReadOptions, visitor: LayerVisitor): Promise<LayerReadResult> {
  const { limits, what } = opts;
  const warn = (message: string, kind: string, path?: string): void => opts.warn(path === undefined ? { message: `${what}: ${message}` } : { path, message: `${what}: ${message}` }, kind);
  let parts: Awaited<ReturnType<typeof stages>>;
  try {
    parts = await stages(blob, opts);
  } catch (e) {
    if (e instanceof DigestMismatchError) throw e;
    warn(`unreadable (${(e as Error).message}): the result is partial`, "truncated or corrupt layer");
    return { compression: "none", bytes: 0, entries: 0, files: 0, partial: true, imageBudgetSpent: false, failed: true };
  }
  const { compression, source, meter, middle } = parts;
  // Pre-POSIX (v7) headers have no magic; their checksum still has to hold.
  const extract = tar.extract({ allowUnknownFormat: true } as Parameters<typeof tar.extract>[0]);
  const done = pipelineOf([source, ...middle, extract]).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  const result: LayerReadResult = { compression, bytes: 0, entries: 0, files: 0, partial: false, imageBudgetSpent: false, failed: false };
  const fileHashes = new Set<number>();
  let visitorError: { error: unknown } | undefined;
  let streamError: unknown;
  let contentError: unknown;
  let seq = 0;
  try {
    for await (const entry of extract) {
      const header = entry.header;
      const raw = header.name;
      const path = normalizeEntryPath(raw);
      if (++result.entries > limits.maxEntriesPerLayer) {
        warn(`more than ${limits.maxEntriesPerLayer} entries (limits.maxEntriesPerLayer): the rest of the layer is not read`, "too many entries in a layer");
        result.partial = true;
        break;
      }
      try {
        if (path === undefined) warn(`skipped ${JSON.stringify(raw.slice(0, 200))}: the path leaves the image root`, "entry path leaves the image root");
        else if (path.length > limits.maxPathLength || path.split("/").length > limits.maxPathDepth) {
          warn(`skipped an entry whose path is longer than ${limits.maxPathLength} characters or deeper than ${limits.maxPathDepth} (limits.maxPathLength, limits.maxPathDepth)`, "entry path too long or too deep", path.slice(0, 200));
        } else if (path !== "") {
          await visitEntry(entry, path);
        }
      } catch (e) {
        // A body that fails to stream is the layer's failure, not the visitor's.
        if (e === contentError) streamError = e;
        else visitorError = { error: e };
        break;
      }
      await drain(entry);
    }
  } catch (e) {
    streamError = e;
  }

  async function visitEntry(entry: TarEntry, path: string): Promise<void> {
    const header = entry.header;
    const base = baseName(path);
    if (base.startsWith(".wh.")) {
      if (base === ".wh..wh..opq") visitor.whiteout(parentOf(path), true);
      // Other ".wh..wh." names are aufs bookkeeping, not deletions.
      else if (!base.startsWith(".wh..wh.")) visitor.whiteout(path.slice(0, path.length - base.length) + base.slice(4), false);
      return;
    }
    const kind = kindOf(header.type);
    visitor.entry(path, kind, ++seq);
    if (kind !== "dir") fileHashes.add(pathHash(path));
    if (kind === "hardlink") {
      const target = normalizeEntryPath(header.linkname ?? "");
      if (target === undefined) warn(`hard link to ${JSON.stringify(header.linkname)}, outside the image root: not followed`, "hard link leaves the image root", path);
      else if (!fileHashes.has(pathHash(target))) warn(`hard link to ${target}, which is not in this layer`, "hard link to a missing target", path);
    } else if (kind === "symlink") {
      const target = header.linkname ?? "";
      if (!target.startsWith("/") && normalizeEntryPath(`${parentOf(path)}/${target}`) === undefined) {
        warn(`symbolic link to ${JSON.stringify(target.slice(0, 200))}, outside the image root: not followed`, "symbolic link leaves the image root", path);
      }
    } else if (kind === "file") {
      result.files++;
      const size = header.size ?? 0;
      let read = false;
      await visitor.file({ path, size, mode: ((header.mode ?? 0o644) & 0o7777) | 0o100000, seq }, () => {
        if (read) throw new Error("layer entry content read twice");
        read = true;
        return readAll(entry, size).catch((e: unknown) => {
          contentError = e;
          throw e;
        });
      });
    }
  }

  if (visitorError || streamError || result.partial) {
    extract.destroy();
    (blob as Readable).destroy?.();
  }
  const pipeError = await done;
  result.bytes = meter.bytes;
  if (visitorError) throw visitorError.error;
  const failure = pipeError ?? streamError;
  if (failure instanceof DigestMismatchError) throw failure;
  if (result.partial) return result;
  if (failure instanceof LimitError) {
    warn(`${failure.message}: the rest of the layer is not read`, "layer limit");
    result.partial = true;
    result.imageBudgetSpent = failure.imageWide;
  } else if (failure) {
    warn(`truncated or corrupt (${(failure as Error).message ?? String(failure)}): the result is partial`, "truncated or corrupt layer");
    result.partial = true;
    result.failed = true;
  }
  return result;
}

/**
 * Reads a layer blob to its end without decompressing it, after readLayer found it corrupt: a
 * corrupt stream stops before its end, where its digest is checked, so this tells a damaged layer
 * from one that is not what its digest says. The source's stream checks the blob digest; a legacy
 * docker-archive layer (no blob digest) is checked against its diff id when it is an uncompressed tar.
 * Throws DigestMismatchError; returns quietly otherwise.
 */
export async function verifyLayerBlob(blob: NodeJS.ReadableStream, diffIdOfPlainBlob?: string): Promise<void> {
  const hash = createHash("sha256");
  let head: Buffer | undefined;
  try {
    for await (const chunk of blob as AsyncIterable<Buffer>) {
      head ??= chunk;
      hash.update(chunk);
    }
  } catch (e) {
    if (e instanceof DigestMismatchError) throw e;
    return;
  }
  if (diffIdOfPlainBlob?.startsWith("sha256:") && head && sniff(head) === "none" && `sha256:${hash.digest("hex")}` !== diffIdOfPlainBlob) {
    throw new DigestMismatchError("layer", diffIdOfPlainBlob);
  }
}
