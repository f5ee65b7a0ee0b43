// Reads one layer as a stream: sniff the compression by magic bytes, decompress, meter, verify the
// diff id, and parse the tar entries, handing each to a visitor while it streams past. Nothing is
// written to disk and only the files a visitor asks for are held in memory, one at a time (or
// streamed to it in chunks). Entry paths are resolved lexically and never followed; whiteouts
// become events; every bound (entries, bytes, ratio, path length and depth) ends the layer with a
// warning and a partial result instead of running on. Hard links the visitor wants as files of
// their own get their content from a second read of the layer, up to the last file they name.
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as zlib from "node:zlib";
import tar from "tar-stream";
import type { ScanWarning } from "../../core/model.js";
import { formatBytes } from "../textfile.js";
import { DigestMismatchError, DigestVerifier } from "./digest.js";
import { LayerLinks, MAX_FOLLOWED_LINKS } from "./hard-links.js";
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
  /**
   * A regular file. `content()` reads its body whole, or `chunks()` streams it (stopping early skips
   * the rest); only one of them, once. A file whose content is not read is skipped over.
   */
  file(file: LayerFile, content: () => Promise<Buffer>, chunks: () => AsyncIterable<Buffer>): Promise<void>;
  /**
   * A hard link to a regular file earlier in the layer (`target`: that file's path and seq; `file`:
   * the link, with the file's size). Return true to have file() called for the link too, with the
   * file's content, after the layer's end: that content went by before the link, so the layer is
   * read again. Asked only when LayerReadOptions.reopen is given.
   */
  linked?(file: LayerFile, target: { path: string; seq: number }): boolean;
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
  /** Opens the blob again, for the hard links the visitor wants (LayerVisitor.linked). */
  reopen?: () => Promise<NodeJS.ReadableStream>;
}

export interface LayerReadResult {
  compression: Compression;
  /** Uncompressed bytes read, a second read for hard links included. */
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

/** One entry's body, read once: whole or chunk by chunk; what is left is skipped over by drain(). */
class Body {
  /** The entry's one iterator: ending a loop over it early would destroy the whole tar stream, not just this entry. */
  private readonly it: AsyncIterator<Buffer>;
  private used = false;
  /** The body's own failure (truncated or corrupt stream), told apart from the visitor's. */
  error: unknown;

  constructor(
    entry: TarEntry,
    private readonly size: number,
  ) {
    this.it = (entry as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  private use(): void {
    if (this.used) throw new Error("layer entry content read twice");
    this.used = true;
  }

  private async next(): Promise<IteratorResult<Buffer>> {
    try {
      return await this.it.next();
    } catch (e) {
      this.error = e;
      throw e;
    }
  }

  readonly content = async (): Promise<Buffer> => {
    this.use();
    const buf = Buffer.allocUnsafe(this.size);
    let at = 0;
    for (let r = await this.next(); !r.done; r = await this.next()) {
      if (at + r.value.length <= this.size) r.value.copy(buf, at);
      at += r.value.length;
    }
    if (at !== this.size) {
      this.error = new Error(`entry body of ${at} bytes, not the ${this.size} its header says`);
      throw this.error;
    }
    return buf;
  };

  readonly chunks = (): AsyncIterable<Buffer> => {
    this.use();
    const next = () => this.next();
    return {
      [Symbol.asyncIterator]: () => ({ next }),
    };
  };

  async drain(): Promise<void> {
    while (!(await this.next()).done) {
      // discarded
    }
  }
}

/** Where an entry goes: a path that occupies the filesystem, a whiteout, or why it is skipped. */
type Placement = { path: string; whiteout: boolean } | { skip: "outside" } | { skip: "too long" | "root"; path: string };

function place(raw: string, limits: ImageLimits): Placement {
  const path = normalizeEntryPath(raw);
  if (path === undefined) return { skip: "outside" };
  if (path.length > limits.maxPathLength || path.split("/").length > limits.maxPathDepth) return { skip: "too long", path };
  if (path === "") return { skip: "root", path };
  return { path, whiteout: baseName(path).startsWith(".wh.") };
}

/** The tar entries of a blob, decompressed and metered, with the pipeline's outcome. */
async function entriesOf(blob: NodeJS.ReadableStream, opts: LayerReadOptions) {
  const parts = await stages(blob, opts);
  // Pre-POSIX (v7) headers have no magic; their checksum still has to hold.
  const extract = tar.extract({ allowUnknownFormat: true } as Parameters<typeof tar.extract>[0]);
  const done = pipelineOf([parts.source, ...parts.middle, extract]).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  return { ...parts, extract, done };
}

/**
 * Streams a layer blob to the visitor. Throws DigestMismatchError when the blob or its uncompressed
 * content does not match its digest, and whatever the visitor throws; any other failure (truncated
 * or corrupt data, a bound reached) is a warning and a partial result.
 */
export async function readLayer(blob: NodeJS.ReadableStream, opts: LayerReadOptions, visitor: LayerVisitor): Promise<LayerReadResult> {
  const { limits } = opts;
  const warn = warnFor(opts);
  let parts: Awaited<ReturnType<typeof entriesOf>>;
  try {
    parts = await entriesOf(blob, opts);
  } catch (e) {
    if (e instanceof DigestMismatchError) throw e;
    warn(`unreadable (${(e as Error).message}): the result is partial`, "truncated or corrupt layer");
    return { compression: "none", bytes: 0, entries: 0, files: 0, partial: true, imageBudgetSpent: false, failed: true };
  }
  const { compression, meter, extract, done } = parts;
  const result: LayerReadResult = { compression, bytes: 0, entries: 0, files: 0, partial: false, imageBudgetSpent: false, failed: false };
  const links = new LayerLinks<LayerFile>();
  const followLinks = opts.reopen !== undefined && visitor.linked !== undefined;
  let tooManyLinks = false;
  let visitorError: { error: unknown } | undefined;
  let streamError: unknown;
  let seq = 0;
  try {
    for await (const entry of extract) {
      const raw = entry.header.name;
      if (++result.entries > limits.maxEntriesPerLayer) {
        warn(`more than ${limits.maxEntriesPerLayer} entries (limits.maxEntriesPerLayer): the rest of the layer is not read`, "too many entries in a layer");
        result.partial = true;
        break;
      }
      const placed = place(raw, limits);
      const body = new Body(entry, entry.header.size ?? 0);
      try {
        if ("skip" in placed) {
          if (placed.skip === "outside") warn(`skipped ${JSON.stringify(raw.slice(0, 200))}: the path leaves the image root`, "entry path leaves the image root");
          else if (placed.skip === "too long") {
            warn(`skipped an entry whose path is longer than ${limits.maxPathLength} characters or deeper than ${limits.maxPathDepth} (limits.maxPathLength, limits.maxPathDepth)`, "entry path too long or too deep", placed.path.slice(0, 200));
          }
        } else if (placed.whiteout) whiteout(placed.path);
        else await visitEntry(entry.header, placed.path, body);
      } catch (e) {
        // A body that fails to stream is the layer's failure, not the visitor's.
        if (e === body.error) streamError = e;
        else visitorError = { error: e };
        break;
      }
      await body.drain();
    }
  } catch (e) {
    streamError = e;
  }

  function whiteout(path: string): void {
    const base = baseName(path);
    if (base === ".wh..wh..opq") visitor.whiteout(parentOf(path), true);
    // Other ".wh..wh." names are aufs bookkeeping, not deletions.
    else if (!base.startsWith(".wh..wh.")) visitor.whiteout(path.slice(0, path.length - base.length) + base.slice(4), false);
  }

  async function visitEntry(header: tar.Header, path: string, body: Body): Promise<void> {
    const kind = kindOf(header.type);
    const size = header.size ?? 0;
    const mode = ((header.mode ?? 0o644) & 0o7777) | 0o100000;
    visitor.entry(path, kind, ++seq);
    links.occupy(path, kind, seq, size);
    if (kind === "hardlink") {
      const target = normalizeEntryPath(header.linkname ?? "");
      if (target === undefined) {
        warn(`hard link to ${JSON.stringify(header.linkname)}, outside the image root: not followed`, "hard link leaves the image root", path);
        links.occupy(path, "other", seq, 0);
        return;
      }
      const outcome = links.link(path, target);
      if (outcome === "missing") warn(`hard link to ${target}, which is not in this layer`, "hard link to a missing target", path);
      else if (outcome === "self") warn("hard link to itself: not followed", "hard link to itself", path);
      else if (outcome === "too many") {
        if (!tooManyLinks) warn(`more than ${MAX_FOLLOWED_LINKS} hard links: the rest are analyzed under the path they name only`, "too many hard links");
        tooManyLinks = true;
      } else if (typeof outcome === "object" && followLinks) {
        const link: LayerFile = { path, size: outcome.size, mode, seq };
        if (visitor.linked?.(link, { path: outcome.path, seq: outcome.seq })) links.want(link, outcome);
      }
    } else if (kind === "symlink") {
      const target = header.linkname ?? "";
      if (!target.startsWith("/") && normalizeEntryPath(`${parentOf(path)}/${target}`) === undefined) {
        warn(`symbolic link to ${JSON.stringify(target.slice(0, 200))}, outside the image root: not followed`, "symbolic link leaves the image root", path);
      }
    } else if (kind === "file") {
      result.files++;
      await visitor.file({ path, size, mode, seq }, body.content, body.chunks);
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
  } else if (links.wanted.size > 0 && opts.reopen) {
    await readLinkedFiles(opts.reopen, opts, links.wanted, visitor, result);
  }
  return result;
}

function warnFor(opts: LayerReadOptions): (message: string, kind: string, path?: string) => void {
  return (message, kind, path) => opts.warn(path === undefined ? { message: `${opts.what}: ${message}` } : { path, message: `${opts.what}: ${message}` }, kind);
}

/**
 * The second read, for the hard links the visitor wants: up to the last file they name, each such
 * file handed to the visitor once per link (read once and shared, or streamed to one link when it
 * is above limits.maxFileSize). Bytes count against the layer's and the image's budgets.
 */
async function readLinkedFiles(
  reopen: () => Promise<NodeJS.ReadableStream>,
  opts: LayerReadOptions,
  wanted: ReadonlyMap<number, { path: string; links: LayerFile[] }>,
  visitor: LayerVisitor,
  result: LayerReadResult,
): Promise<void> {
  const warn = warnFor(opts);
  const left = new Map(wanted);
  const last = Math.max(...left.keys());
  const notAnalyzed = (reason: string, kind: string): void => {
    for (const [seq, w] of left) {
      for (const l of w.links) warn(`hard link to ${w.path}: not analyzed: ${reason}`, kind, l.path);
      left.delete(seq);
    }
  };
  let blob: NodeJS.ReadableStream;
  let parts: Awaited<ReturnType<typeof entriesOf>>;
  try {
    blob = await reopen();
    // Verified on the first read: only the budgets apply to this one.
    parts = await entriesOf(blob, { ...opts, diffId: undefined, imageBytesLeft: opts.imageBytesLeft - result.bytes });
  } catch (e) {
    if (e instanceof DigestMismatchError) throw e;
    notAnalyzed(`the layer could not be read again (${(e as Error).message})`, "hard link not analyzed");
    result.partial = true;
    return;
  }
  let seq = 0;
  let failure: unknown;
  let visitorError: { error: unknown } | undefined;
  try {
    for await (const entry of parts.extract) {
      const placed = place(entry.header.name, opts.limits);
      const body = new Body(entry, entry.header.size ?? 0);
      if (!("skip" in placed) && !placed.whiteout) {
        const w = left.get(++seq);
        if (w) {
          left.delete(seq);
          if (kindOf(entry.header.type) === "file" && placed.path === w.path) {
            try {
              await handLinks(entry.header.size ?? 0, w, body, visitor, opts);
            } catch (e) {
              if (e === body.error) failure = e;
              else visitorError = { error: e };
              break;
            }
          } else for (const l of w.links) warn(`hard link to ${w.path}: not analyzed: the file was not found when the layer was read again`, "hard link not analyzed", l.path);
        }
      }
      if (seq >= last) break;
      await body.drain();
    }
  } catch (e) {
    failure = e;
  }
  parts.extract.destroy();
  (blob as Readable).destroy?.();
  const pipeError = await parts.done;
  result.bytes += parts.meter.bytes;
  if (visitorError) throw visitorError.error;
  if (pipeError instanceof DigestMismatchError) throw pipeError;
  failure ??= pipeError instanceof LimitError ? pipeError : undefined;
  if (left.size === 0) return;
  if (failure instanceof LimitError) {
    notAnalyzed(failure.message, "layer limit");
    result.imageBudgetSpent = failure.imageWide;
  } else notAnalyzed(`the layer could not be read again (${failure instanceof Error ? failure.message : "it ended early"})`, "hard link not analyzed");
  result.partial = true;
}

/** One file named by wanted hard links: each link handed to the visitor as a file of its own. */
async function handLinks(size: number, w: { path: string; links: LayerFile[] }, body: Body, visitor: LayerVisitor, opts: LayerReadOptions): Promise<void> {
  const [first, ...rest] = w.links as [LayerFile, ...LayerFile[]];
  if (rest.length === 0 || size > opts.limits.maxFileSize) {
    await visitor.file(first, body.content, body.chunks);
    for (const l of rest) {
      warnFor(opts)(`hard link to ${w.path}: not analyzed: a file above limits.maxFileSize is streamed to one of its names only (${first.path})`, "hard link not analyzed", l.path);
    }
    return;
  }
  let shared: Promise<Buffer> | undefined;
  const content = (): Promise<Buffer> => (shared ??= body.content());
  const chunks = (): AsyncIterable<Buffer> => ({
    async *[Symbol.asyncIterator]() {
      yield await content();
    },
  });
  for (const l of [first, ...rest]) await visitor.file(l, content, chunks);
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
