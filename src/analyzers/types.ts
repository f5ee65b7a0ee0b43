// One narrow interface for every plug-in that looks at files (STYLE.md §1): package detectors,
// secret and malware scanners, OS detection. The driver (src/artifacts/analyze.ts) walks a source
// once, offers each file to every analyzer that wants it, owns the limits and collects each
// analyzer's errors and time; an analyzer never walks anything itself.
import type { Finding } from "../core/model.js";
import type { Package } from "../packages/types.js";
import type { FileEntry, OsInfo } from "../artifacts/types.js";

export type AnalyzerKind = "os" | "packages" | "secrets" | "malware" | "config";

export interface AnalyzerOutput {
  /**
   * Packages found in this file. OS package detectors set `ecosystem` to "os:dpkg", "os:apk" or
   * "os:rpm" and leave the purl's distro out: the driver fills both in from the detected OS.
   */
  packages?: Package[];
  /** Secret, malware, license and configuration findings about this file. */
  findings?: Finding[];
  os?: OsInfo;
  /**
   * Paths of files that an OS package owns (dpkg .list, apk db, rpm file lists), so that language
   * packages inside them can be judged by the distribution: package name by owned path.
   */
  ownedFiles?: { owner: string; ecosystem: "os:dpkg" | "os:apk" | "os:rpm"; paths: string[] }[];
  /**
   * Declared licenses of OS packages found apart from the package database (Debian's
   * usr/share/doc/<package>/copyright): the driver gives them to the package of that name.
   */
  licenses?: { ecosystem: "os:dpkg"; name: string; license: string }[];
  warnings?: string[];
}

export interface AnalyzeContext {
  /** Where the scan's files come from, for messages: an image reference or a directory. */
  source: string;
}

/**
 * An analysis fed a file's bytes in order, chunk by chunk, for files the driver does not hold whole
 * (larger than limits.maxFileSize, or than the analyzer's own bound). The driver reads the file
 * once and feeds every streaming analyzer that wants it; an analyzer keeps only what it needs.
 */
export interface StreamAnalysis {
  /** The next bytes of the file (valid only during the call). Returns true when it needs no more. */
  write(chunk: Buffer): boolean;
  /** The end of the file, or of what it asked for: what it found. Throw as analyze() would. */
  end(): AnalyzerOutput | undefined;
}

export interface Analyzer {
  /** Stable name, part of the layer cache key with `version`. */
  name: string;
  /** Bump when the analyzer's output for the same input changes: cached layer results are redone. */
  version: number;
  kind: AnalyzerKind;
  /** Cheap decision by normalized path, size and mode alone; no I/O. */
  wants(path: string, size: number, mode: number): boolean;
  /** Reads the file (file.read) and reports what it found. Throw for a file it cannot understand: the driver records a warning and goes on. */
  analyze(file: FileEntry, ctx: AnalyzeContext): Promise<AnalyzerOutput | undefined>;
  /**
   * Optional, with analyzeStream: the files it can read as a stream. The driver streams a file to it
   * when `wants` is false or the file is above limits.maxFileSize; otherwise it gets analyze().
   */
  wantsStream?(path: string, size: number, mode: number): boolean;
  /** Starts a streamed analysis of `file` (file.read() is not available to it). */
  analyzeStream?(file: FileEntry, ctx: AnalyzeContext): StreamAnalysis;
}
