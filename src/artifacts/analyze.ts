// THE analysis driver (STYLE.md §1): walks an image layer by layer, or a directory, once; offers
// each file to every analyzer that wants it (whole up to limits.maxFileSize, streamed in chunks to
// the analyzers that can take larger files); owns the limits, the per-analyzer bookkeeping (errors
// become warnings, time is measured) and the layer cache; and turns the analyzers' outputs into
// one result with final-filesystem semantics: secrets and malware count in every layer, packages
// and the OS only where their file is still there at the top. A hard link in a layer is analyzed
// as the file it names, under its own path, when an analyzer wants that path.
import { statSync } from "node:fs";
import type { Analyzer, AnalyzerOutput } from "../analyzers/types.js";
import { InputError } from "../core/errors.js";
import type { Finding, ScanWarning } from "../core/model.js";
import type { Package } from "../packages/types.js";
import { fileChunks } from "./file-chunks.js";
import { parseDigest, sha256Of } from "./image/digest.js";
import { FinalFs } from "./image/final-fs.js";
import { decodeRecord, emptyRecord, encodeRecord, layerCacheKey, type LayerRecord } from "./image/layer-cache.js";
import { readLayer, verifyLayerBlob, type EntryKind, type LayerFile } from "./image/layer.js";
import { DEFAULT_IMAGE_LIMITS, imageLimits, type ImageLimits } from "./image/limits.js";
import { collect } from "./image/results.js";
import { walkRootfs } from "./image/rootfs.js";
import { AnalyzerRunner, type AnalyzerStats, type FileResult, type Plan, type Warn } from "./image/runner.js";
import type { Image, ImageLayer } from "./image/types.js";
import { PER_KIND, WarningSink } from "./image/warnings.js";
import { formatBytes, readFileBounded, UnreadableFile } from "./textfile.js";
import type { FileEntry, LayerInfo, OsInfo } from "./types.js";
import { walkFiles, type WalkLimits } from "./walk.js";

export interface LayerCache {
  get(digest: string, key: string): Promise<Buffer | undefined>;
  put(digest: string, key: string, data: Buffer): Promise<void>;
}

export interface Progress {
  /** The layer being read or just read, 1-based (0 for a directory). */
  layer: number;
  layers: number;
  files: number;
  bytes: number;
}

export interface AnalyzeOptions {
  limits?: Partial<ImageLimits>;
  onProgress?: (p: Progress) => void;
  /** The store's layer cache (Store.getLayerCache / putLayerCache). */
  cache?: LayerCache;
  /** Names the scanned thing to analyzers (AnalyzeContext.source); default: the image name. */
  source?: string;
}

export interface DirectoryOptions {
  limits?: Partial<WalkLimits> & { maxFileSize?: number; maxWarnings?: number };
  /** Globs on root-relative paths to skip (on top of the walker's defaults). */
  exclude?: readonly string[];
  onProgress?: (p: Progress) => void;
  source?: string;
}

export type { AnalyzerStats } from "./image/runner.js";

export interface AnalysisResult {
  os?: OsInfo;
  packages: Package[];
  findings: Finding[];
  warnings: ScanWarning[];
  partial: boolean;
  stats: { layers: number; files: number; bytes: number; cachedLayers: number; perAnalyzer: Record<string, AnalyzerStats> };
}

function bufferEntry(path: string, size: number, mode: number, layer: LayerInfo | undefined, data: Buffer): FileEntry {
  const entry: FileEntry = {
    path,
    size,
    mode,
    read: async (maxBytes) => {
      if (maxBytes !== undefined && data.length > maxBytes) throw new UnreadableFile(`larger than the ${formatBytes(maxBytes)} limit (${formatBytes(data.length)})`);
      return data;
    },
  };
  if (layer) entry.layer = layer;
  return entry;
}

/** A file handed to streaming analyzers only: never held whole. */
function streamedEntry(path: string, size: number, mode: number, layer: LayerInfo | undefined): FileEntry {
  const entry: FileEntry = {
    path,
    size,
    mode,
    read: async () => {
      throw new UnreadableFile("streamed to this analyzer, not read whole");
    },
  };
  if (layer) entry.layer = layer;
  return entry;
}

/** The warning for analyzers that want a file whole that is above limits.maxFileSize. */
function tooLarge(plan: Plan, path: string, size: number, maxFileSize: number, prefix: string): ScanWarning | undefined {
  if (plan.tooLarge.length === 0) return undefined;
  return {
    path,
    message: `${prefix}${path}: not analyzed by ${plan.tooLarge.map((a) => a.name).join(", ")}: ${formatBytes(size)} is more than limits.maxFileSize (${formatBytes(maxFileSize)})`,
  };
}

const TOO_LARGE = "file larger than limits.maxFileSize";
/** Files remembered per layer as analyzed without a result (for hard links to them); past it, links to others are read again. */
const MAX_QUIET = 200_000;

function layerLabel(index: number, info: LayerInfo): string {
  return `layer ${index + 1} (${info.digest.slice(0, 19)})`;
}

/** Everything one image analysis accumulates, fed by live layers and by cached ones alike. */
class ImageRun {
  readonly warnings: WarningSink;
  readonly runner: AnalyzerRunner;
  readonly finalFs = new FinalFs<FileResult>();
  readonly results: FileResult[] = [];
  files = 0;
  bytes = 0;
  partial = false;

  constructor(
    readonly image: Image,
    analyzers: readonly Analyzer[],
    readonly limits: ImageLimits,
    readonly opts: AnalyzeOptions,
  ) {
    this.warnings = new WarningSink(limits.maxWarnings);
    this.runner = new AnalyzerRunner(analyzers, { source: opts.source ?? image.name }, this.warnings);
  }

  entry(layer: number, seq: number, path: string, isDirectory: boolean): void {
    this.finalFs.entry(layer, seq, path, isDirectory);
  }

  result(r: FileResult): void {
    this.results.push(r);
    this.finalFs.add(r);
  }

  /** Analyzer failures so far. */
  errors(): number {
    return Object.values(this.runner.stats).reduce((n, s) => n + s.errors, 0);
  }

  /** Replays a cached layer: the same calls, in the same order, as reading it did. */
  replay(index: number, record: LayerRecord): void {
    for (const w of record.whiteouts) this.finalFs.whiteout(index, w.path, w.opaque);
    let next = 0;
    record.entries.forEach((entry, k) => {
      const seq = k + 1;
      const isDirectory = entry.endsWith("/");
      this.entry(index, seq, isDirectory ? entry.slice(0, -1) : entry, isDirectory);
      for (; next < record.results.length && (record.results[next] as LayerRecord["results"][number]).seq === seq; next++) {
        const r = record.results[next] as LayerRecord["results"][number];
        this.result({ layer: index, seq, path: r.path, analyzer: r.analyzer, output: r.output });
      }
    });
    for (const w of record.warnings) this.warnings.add(w.warning, w.kind);
    for (const [kind, n] of Object.entries(record.moreWarnings)) this.warnings.count(kind, n);
    this.files += record.files;
    this.bytes += record.bytes;
  }

  /** Reads a layer, offering its files; returns its record (for the cache) and whether it is complete. */
  async read(index: number, layer: ImageLayer, keepRecord: boolean): Promise<{ record: LayerRecord; complete: boolean; imageBudgetSpent: boolean }> {
    const { limits } = this;
    const info = layer.info;
    const record = emptyRecord();
    const what = layerLabel(index, info);
    const perKind = new Map<string, number>();
    const warn: Warn = (warning, kind) => {
      this.warnings.add(warning, kind);
      if (!keepRecord) return;
      const n = (perKind.get(kind) ?? 0) + 1;
      perKind.set(kind, n);
      if (n <= PER_KIND) record.warnings.push({ warning, kind });
      else record.moreWarnings[kind] = (record.moreWarnings[kind] ?? 0) + 1;
    };
    // Files whose every analyzer ran and found nothing, by seq, with those analyzers' names: a hard
    // link to one wanted by no other analyzer would find nothing again, so the layer is not read twice for it.
    const quiet = new Map<number, string>();
    const names = new Map<string, string>();
    const plan = (file: LayerFile): Plan => this.runner.plan(file.path, file.size, file.mode, limits.maxFileSize, warn);
    const onFile = async (file: LayerFile, content: () => Promise<Buffer>, chunks: () => AsyncIterable<Buffer>): Promise<void> => {
      this.files++;
      record.files++;
      if (this.opts.onProgress && this.files % 1000 === 0) this.opts.onProgress({ layer: index + 1, layers: this.image.layers.length, files: this.files, bytes: this.bytes });
      const p = plan(file);
      const large = tooLarge(p, file.path, file.size, limits.maxFileSize, `${what}: `);
      if (large) warn(large, TOO_LARGE);
      if (p.whole.length === 0 && p.streamed.length === 0) return;
      let found = false;
      const emit = (analyzer: string, output: AnalyzerOutput): void => {
        found = true;
        const r: FileResult = { layer: index, seq: file.seq, path: file.path, analyzer, output };
        this.result(r);
        if (keepRecord) record.results.push({ seq: file.seq, path: file.path, analyzer, output });
      };
      const errors = this.errors();
      if (p.whole.length > 0) {
        const data = await content();
        const entry = bufferEntry(file.path, file.size, file.mode, info, data);
        await this.runner.run(p.whole, entry, emit, warn);
        if (p.streamed.length > 0) await this.runner.stream(p.streamed, entry, [data], emit, warn);
      } else await this.runner.stream(p.streamed, streamedEntry(file.path, file.size, file.mode, info), chunks(), emit, warn);
      if (!found && !large && this.errors() === errors && quiet.size < MAX_QUIET) {
        const key = [...p.whole, ...p.streamed].map((a) => a.name).join("\n");
        quiet.set(file.seq, names.get(key) ?? (names.set(key, key), key));
      }
    };
    const linked = (file: LayerFile, target: { path: string; seq: number }): boolean => {
      const p = plan(file);
      const large = tooLarge(p, file.path, file.size, limits.maxFileSize, `${what}: `);
      if (large) warn(large, TOO_LARGE);
      const wanting = [...p.whole, ...p.streamed].map((a) => a.name);
      if (wanting.length === 0) return false;
      const before = quiet.get(target.seq)?.split("\n");
      return !before || !wanting.every((n) => before.includes(n));
    };
    const firstResult = this.results.length;
    const diffId = info.digest !== layer.compressedDigest && parseDigest(info.digest) ? info.digest : undefined;
    const result = await readLayer(
      await layer.open(),
      { limits, imageBytesLeft: limits.maxImageBytes - this.bytes, what, warn, reopen: () => layer.open(), ...(diffId ? { diffId } : {}) },
      {
        entry: (path: string, kind: EntryKind, seq: number) => {
          this.entry(index, seq, path, kind === "dir");
          if (keepRecord) record.entries.push(kind === "dir" ? `${path}/` : path);
        },
        whiteout: (path: string, opaque: boolean) => {
          this.finalFs.whiteout(index, path, opaque);
          if (keepRecord) record.whiteouts.push({ path, opaque });
        },
        file: onFile,
        linked,
      },
    );
    // Hard links are analyzed after the layer's end: results are put back in stream order, as a replay has them.
    const layerResults = this.results.slice(firstResult).sort((a, b) => a.seq - b.seq);
    layerResults.forEach((r, i) => (this.results[firstResult + i] = r));
    if (keepRecord) record.results.sort((a, b) => a.seq - b.seq);
    // A corrupt stream stops before its end, where digests are checked: read the blob again to
    // tell damage from a blob that is not what its digest says (which is refused).
    if (result.failed) await verifyLayerBlob(await layer.open(), layer.compressedDigest ? undefined : info.digest);
    this.bytes += result.bytes;
    record.bytes = result.bytes;
    if (result.partial) this.partial = true;
    return { record, complete: !result.partial, imageBudgetSpent: result.imageBudgetSpent };
  }
}

/**
 * Analyzes an image: each layer bottom first, each file offered once to every analyzer that wants
 * it. A root filesystem image (kind "rootfs") is walked as a directory. Throws InputError when the
 * image breaks a hard bound (too many layers) or a blob does not match its digest.
 */
export async function analyzeImage(image: Image, analyzers: readonly Analyzer[], opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  if (image.kind === "rootfs") {
    if (image.root === undefined) throw new Error("rootfs image without a root directory");
    return analyzeRootfs(image, image.root, analyzers, opts);
  }
  const limits = imageLimits(opts.limits);
  if (image.layers.length > limits.maxLayers) {
    throw new InputError(`${image.name}: the image has ${image.layers.length} layers, more than the limit of ${limits.maxLayers} (limits.maxLayers)`);
  }
  const run = new ImageRun(image, analyzers, limits, opts);
  const key = opts.cache ? layerCacheKey(analyzers, limits) : undefined;
  let cachedLayers = 0;
  let layersRead = 0;
  for (const [index, layer] of image.layers.entries()) {
    if (run.bytes >= limits.maxImageBytes) {
      run.warnings.add({ message: `${image.name}: layers ${index + 1} to ${image.layers.length} not read: the image is over limits.maxImageBytes` });
      run.partial = true;
      break;
    }
    // The blob digest addresses the cache: the same digest is the same bytes, whatever the config
    // claims. A legacy docker-archive layer has none, so its bytes are hashed (no decompression).
    const cacheDigest = opts.cache ? (layer.compressedDigest ?? (await sha256Of(await layer.open()))) : undefined;
    const cached = opts.cache && cacheDigest && key ? decodeRecord(await opts.cache.get(cacheDigest, key)) : undefined;
    layersRead++;
    if (cached) {
      run.replay(index, cached);
      cachedLayers++;
    } else {
      const { record, complete, imageBudgetSpent } = await run.read(index, layer, opts.cache !== undefined);
      if (opts.cache && cacheDigest && key && complete) await opts.cache.put(cacheDigest, key, encodeRecord(record));
      if (imageBudgetSpent) {
        if (index + 1 < image.layers.length) run.warnings.add({ message: `${image.name}: layers ${index + 2} to ${image.layers.length} not read: the image is over limits.maxImageBytes` });
        break;
      }
    }
    opts.onProgress?.({ layer: index + 1, layers: image.layers.length, files: run.files, bytes: run.bytes });
  }
  const digests = image.layers.map((l) => l.info.digest);
  const collected = collect(run.results, (r) => run.finalFs.superseded.get(r), (r) => digests[r.layer], run.warnings);
  return {
    ...collected,
    warnings: run.warnings.list(),
    partial: run.partial,
    stats: { layers: layersRead, files: run.files, bytes: run.bytes, cachedLayers, perAnalyzer: run.runner.stats },
  };
}


interface TreeFile {
  absPath: string;
  relPath: string;
  size: number;
  mode: number;
}

interface TreeOptions {
  maxFileSize: number;
  maxWarnings: number;
  source: string;
  onProgress?: (p: Progress) => void;
}

/** Offers the files of one final filesystem (a directory tree) to the analyzers. */
async function analyzeTree(
  walk: (warn: Warn, markPartial: () => void) => AsyncIterable<TreeFile> | Iterable<TreeFile>,
  analyzers: readonly Analyzer[],
  opts: TreeOptions,
): Promise<AnalysisResult> {
  const { maxFileSize } = opts;
  const warnings = new WarningSink(opts.maxWarnings);
  const runner = new AnalyzerRunner(analyzers, { source: opts.source }, warnings);
  const results: FileResult[] = [];
  let files = 0;
  let bytes = 0;
  let partial = false;
  for await (const f of walk((w, kind) => warnings.add(w, kind), () => (partial = true))) {
    files++;
    if (opts.onProgress && files % 1000 === 0) opts.onProgress({ layer: 0, layers: 0, files, bytes });
    const plan = runner.plan(f.relPath, f.size, f.mode, maxFileSize);
    const large = tooLarge(plan, f.relPath, f.size, maxFileSize, "");
    if (large) warnings.add(large, TOO_LARGE);
    if (plan.whole.length === 0 && plan.streamed.length === 0) continue;
    let data: Buffer | undefined;
    const entry: FileEntry = {
      path: f.relPath,
      size: f.size,
      mode: f.mode,
      read: async (max) => {
        if (data === undefined) {
          data = readFileBounded(f.absPath, maxFileSize);
          bytes += data.length;
        }
        if (max !== undefined && data.length > max) throw new UnreadableFile(`larger than the ${formatBytes(max)} limit (${formatBytes(data.length)})`);
        return data;
      },
    };
    const seq = files;
    const emit = (analyzer: string, output: AnalyzerOutput): void => void results.push({ layer: 0, seq, path: f.relPath, analyzer, output });
    await runner.run(plan.whole, entry, emit);
    if (plan.streamed.length === 0) continue;
    const counted = async function* (): AsyncGenerator<Buffer> {
      for await (const chunk of fileChunks(f.absPath, f.size)) {
        bytes += chunk.length;
        yield chunk;
      }
    };
    try {
      const streamed = data === undefined ? streamedEntry(f.relPath, f.size, f.mode, undefined) : entry;
      await runner.stream(plan.streamed, streamed, data === undefined ? counted() : [data], emit);
    } catch (e) {
      const reason = e instanceof UnreadableFile ? e.reason : e instanceof Error ? e.message : String(e);
      warnings.add({ path: f.relPath, message: `${f.relPath}: not analyzed by ${plan.streamed.map((a) => a.name).join(", ")}: ${reason}` }, "unreadable file");
    }
  }
  const collected = collect(results, () => undefined, () => undefined, warnings);
  return { ...collected, warnings: warnings.list(), partial, stats: { layers: 0, files, bytes, cachedLayers: 0, perAnalyzer: runner.stats } };
}

/**
 * Analyzes a directory tree (a source tree): every file is final, so this is the image analysis
 * with one layer and no layer bookkeeping. The walker keeps it inside the root.
 */
export async function analyzeDirectory(root: string, analyzers: readonly Analyzer[], opts: DirectoryOptions = {}): Promise<AnalysisResult> {
  const walkLimits: Partial<WalkLimits> = {};
  if (opts.limits?.maxFiles !== undefined) walkLimits.maxFiles = opts.limits.maxFiles;
  if (opts.limits?.maxDepth !== undefined) walkLimits.maxDepth = opts.limits.maxDepth;
  async function* walk(warn: Warn, markPartial: () => void): AsyncGenerator<TreeFile> {
    const walked = walkFiles(root, {
      wants: () => true,
      warn: (w) => {
        if (w.message.includes("the result is partial")) markPartial();
        warn(w, w.message);
      },
      limits: walkLimits,
      ...(opts.exclude ? { exclude: opts.exclude } : {}),
    });
    for await (const f of walked) {
      // The walker hands paths and sizes; the mode (executable bits) costs one more stat.
      const mode = statSync(f.absPath, { throwIfNoEntry: false })?.mode ?? 0o100644;
      yield { ...f, mode };
    }
  }
  return analyzeTree(walk, analyzers, {
    maxFileSize: opts.limits?.maxFileSize ?? DEFAULT_IMAGE_LIMITS.maxFileSize,
    maxWarnings: opts.limits?.maxWarnings ?? DEFAULT_IMAGE_LIMITS.maxWarnings,
    source: opts.source ?? root,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}

/** A root filesystem image: its directory walked as one layer would be read (links are not followed). */
function analyzeRootfs(image: Image, root: string, analyzers: readonly Analyzer[], opts: AnalyzeOptions): Promise<AnalysisResult> {
  const limits = imageLimits(opts.limits);
  const walk = (warn: Warn, markPartial: () => void): Iterable<TreeFile> =>
    walkRootfs(root, {
      maxFiles: limits.maxEntriesPerLayer,
      maxDepth: limits.maxPathDepth,
      warn: (w, kind) => {
        if (kind === "too many files") markPartial();
        warn(w, kind);
      },
    });
  return analyzeTree(walk, analyzers, {
    maxFileSize: limits.maxFileSize,
    maxWarnings: limits.maxWarnings,
    source: opts.source ?? image.name,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}
