// The files of an image archive or layout, whether it is a directory or a tar: each named file is
// a byte range of some file on disk, streamed by offset and never copied. Names come from
// manifests (hostile input), so they are resolved lexically and refused when they leave the root;
// links inside a tar are followed only within the tar, a bounded number of times.
import { closeSync, createReadStream, openSync, readSync, realpathSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { Readable } from "node:stream";
import { InputError } from "../../core/errors.js";
import { formatBytes } from "../textfile.js";
import { normalizeEntryPath, parentOf } from "./paths.js";
import type { TarIndex } from "./tar-index.js";

const MAX_LINK_HOPS = 16;

interface Range {
  file: string;
  start: number;
  size: number;
}

export class BlobStore {
  private constructor(
    /** The archive or directory, for messages. */
    readonly location: string,
    private readonly resolveRange: (path: string) => Range | undefined,
  ) {}

  static fromTar(index: TarIndex): BlobStore {
    return new BlobStore(index.file, (path) => {
      let current = path;
      for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
        const entry = index.entries.get(current);
        if (!entry) return undefined;
        if (entry.type === "file") return { file: index.file, start: entry.offset, size: entry.size };
        if (entry.linkTarget === undefined) return undefined;
        // Hard link targets are archive paths; symbolic ones are relative to the link's directory.
        const target = entry.type === "hardlink" || entry.linkTarget.startsWith("/") ? entry.linkTarget : `${parentOf(current)}/${entry.linkTarget}`;
        const next = normalizeEntryPath(target);
        if (next === undefined || next === "") return undefined;
        current = next;
      }
      return undefined;
    });
  }

  static fromDirectory(dir: string): BlobStore {
    const root = realpathSync(dir);
    return new BlobStore(dir, (path) => {
      let real: string;
      try {
        real = realpathSync(join(root, path));
      } catch {
        return undefined;
      }
      if (!real.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
      const st = statSync(real, { throwIfNoEntry: false });
      return st?.isFile() ? { file: real, start: 0, size: st.size } : undefined;
    });
  }

  private normalize(path: string): string {
    const normalized = normalizeEntryPath(path);
    if (normalized === undefined || normalized === "") throw new InputError(`${this.location}: the manifest names ${JSON.stringify(path)}, a path outside the image`);
    return normalized;
  }

  has(path: string): boolean {
    return this.resolveRange(this.normalize(path)) !== undefined;
  }

  size(path: string): number | undefined {
    return this.resolveRange(this.normalize(path))?.size;
  }

  private range(path: string, what: string): Range {
    const r = this.resolveRange(this.normalize(path));
    if (!r) throw new InputError(`${this.location}: ${what} is missing (${path})`);
    return r;
  }

  /** `what` names the file in the error when it is missing, e.g. "blob sha256:ab..". */
  open(path: string, what: string): NodeJS.ReadableStream {
    const r = this.range(path, what);
    if (r.size === 0) return Readable.from([]);
    return createReadStream(r.file, { start: r.start, end: r.start + r.size - 1, highWaterMark: 256 * 1024 });
  }

  readAll(path: string, what: string, maxBytes: number): Buffer {
    const r = this.range(path, what);
    if (r.size > maxBytes) throw new InputError(`${this.location}: ${what} is ${formatBytes(r.size)}, more than the ${formatBytes(maxBytes)} limit (limits.maxMetadataSize)`);
    const buf = Buffer.alloc(r.size);
    const fd = openSync(r.file, "r");
    try {
      let filled = 0;
      while (filled < r.size) {
        const n = readSync(fd, buf, filled, r.size - filled, r.start + filled);
        if (n === 0) throw new InputError(`${this.location}: ${what} is truncated`);
        filled += n;
      }
    } finally {
      closeSync(fd);
    }
    return buf;
  }
}
