// What the layer cache keeps for a layer: every analyzer's output tagged by file path and entry
// position, plus what the final-filesystem computation needs (the layer's entries and whiteouts),
// so an unchanged layer is replayed without being opened. Keyed by the blob's digest (content
// addressed: the same digest is the same bytes) and by the analyzers' names and versions.
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { AnalyzerOutput } from "../../analyzers/types.js";
import type { ScanWarning } from "../../core/model.js";
import type { ImageLimits } from "./limits.js";

/** Bump when the record's shape or the driver's semantics change: older records are then misses. */
const FORMAT = 2;
const MAX_RECORD = 1024 * 1024 * 1024;

export interface LayerRecord {
  v: typeof FORMAT;
  /** Paths of the entries occupying a path, in stream order (entry seq = index + 1); directories end with "/". */
  entries: string[];
  whiteouts: { path: string; opaque: boolean }[];
  /** In stream order. */
  results: { seq: number; path: string; analyzer: string; output: AnalyzerOutput }[];
  /** The first warnings of each kind, then only counts (as the scan's warnings keep them). */
  warnings: { warning: ScanWarning; kind: string }[];
  moreWarnings: Record<string, number>;
  files: number;
  bytes: number;
}

export function emptyRecord(): LayerRecord {
  return { v: FORMAT, entries: [], whiteouts: [], results: [], warnings: [], moreWarnings: {}, files: 0, bytes: 0 };
}

/** The analyzers (and the limits that change what they see) that produced a record. */
export function layerCacheKey(analyzers: readonly { name: string; version: number }[], limits: ImageLimits): string {
  const h = createHash("sha256").update(`mamori layer cache ${FORMAT}\n`);
  for (const a of [...analyzers].map((a) => `${a.name}@${a.version}`).sort()) h.update(`${a}\n`);
  h.update(`maxFileSize=${limits.maxFileSize} maxPathLength=${limits.maxPathLength} maxPathDepth=${limits.maxPathDepth}\n`);
  return h.digest("hex");
}

export function encodeRecord(record: LayerRecord): Buffer {
  return gzipSync(JSON.stringify(record), { level: 6 });
}

/** The record, or undefined for anything unreadable (treated as a miss). */
export function decodeRecord(data: Buffer | undefined): LayerRecord | undefined {
  if (!data) return undefined;
  try {
    const r = JSON.parse(gunzipSync(data, { maxOutputLength: MAX_RECORD }).toString("utf8")) as LayerRecord;
    if (r?.v !== FORMAT || !Array.isArray(r.entries) || !Array.isArray(r.whiteouts) || !Array.isArray(r.results) || !Array.isArray(r.warnings) || typeof r.moreWarnings !== "object") return undefined;
    return r;
  } catch {
    return undefined;
  }
}
