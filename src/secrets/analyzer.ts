// The secret scanner as an Analyzer (src/analyzers/types.ts): offered every regular file of every
// layer, it reads the file once and reports secrets with the secret masked. Image config text
// (Env entries, history lines) is not a file: the image scan passes it to scanText.
import type { Analyzer, AnalyzerOutput } from "../analyzers/types.js";
import type { FileEntry } from "../artifacts/types.js";
import { DEFAULT_MAX_FILE_SIZE } from "./engine.js";
import { BUILTIN_SECRET_RULES } from "./rules/index.js";
import { SecretScanner } from "./scanner.js";
import type { SecretRule, SecretScanOptions } from "./types.js";

export { scanText } from "./scanner.js";

/** Bump when the engine's output for the same rules and input changes (layer cache key). */
const ENGINE_VERSION = 1;

/** Media, fonts and compressed archives: no readable text inside, so never worth reading. */
const SKIPPED_EXTENSIONS = new Set([
  "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "heic", "avif", "psd",
  "mp3", "mp4", "m4a", "m4v", "aac", "flac", "ogg", "oga", "opus", "wav", "avi", "mov", "mkv", "webm",
  "woff", "woff2", "ttf", "otf", "eot",
  "gz", "tgz", "bz2", "xz", "zst", "lz4", "lzma", "zip", "7z", "rar", "jar", "war", "ear", "whl", "apk", "deb", "rpm", "nupkg",
]);

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

function extensionOf(path: string): string {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : "";
}

/** A 31-bit FNV-1a hash: rules and options change the output, so they are part of the cache key. */
function versionOf(rules: readonly SecretRule[], opts: SecretScanOptions): number {
  let h = 0x811c9dc5;
  const text = JSON.stringify([ENGINE_VERSION, rules, opts]);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 1) || 1;
}

/** Names the layer by digest, not position: a cached layer's findings are reused in other images. */
function layerNote(file: FileEntry): string {
  return file.layer === undefined ? "" : ` in layer ${file.layer.digest.slice(0, 19)}`;
}

/**
 * The secret scanner over files. `rules` default to Mamori's built-in set (a gitleaks
 * configuration loads through loadGitleaksConfig); they are compiled here, once.
 */
export function secretAnalyzer(rules: readonly SecretRule[] = BUILTIN_SECRET_RULES, opts: SecretScanOptions = {}): Analyzer {
  const scanner = new SecretScanner(rules);
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  return {
    name: "secrets",
    version: versionOf(rules, opts),
    kind: "secrets",
    // A file over the size limit is not wanted, so the driver never holds it in memory for us.
    wants(path: string, size: number, mode: number): boolean {
      const type = mode & S_IFMT;
      return (type === S_IFREG || type === 0) && size <= maxFileSize && !SKIPPED_EXTENSIONS.has(extensionOf(path));
    },
    async analyze(file: FileEntry): Promise<AnalyzerOutput | undefined> {
      // Offered anyway (a driver that does not ask, a size that changed): say so, read nothing.
      if (file.size > maxFileSize) {
        const findings = scanner.scanPath(file.path, opts);
        return { findings, warnings: [`${file.path}: not scanned for secrets: ${file.size} bytes is over the ${maxFileSize}-byte limit`] };
      }
      const { findings, warnings } = scanner.scan(await file.read(maxFileSize), file.path, opts);
      const where = layerNote(file);
      for (const f of findings) f.message = `${f.message ?? f.title}${where}`;
      return findings.length === 0 && warnings.length === 0 ? undefined : { findings, warnings };
    },
  };
}
