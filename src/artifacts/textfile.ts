// Reads a file that should be text (IaC, manifests), with the checks hostile input needs:
// a size bound read without trusting stat (the file may grow), no binary content, and a
// decode that never throws on invalid UTF-8.
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from "node:fs";

export const DEFAULT_MAX_TEXT_FILE = 10 * 1024 * 1024;

/** Why a file was not scanned; the walker turns this into a warning, a named file into an error. */
export class UnreadableFile extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "UnreadableFile";
  }
}

export interface TextFile {
  text: string;
  lines: string[];
  /** True when the bytes were not valid UTF-8 and were decoded with replacement characters. */
  invalidUtf8: boolean;
}

const BINARY_PROBE = 8000;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

export function decodeText(bytes: Buffer): TextFile {
  const probe = bytes.subarray(0, BINARY_PROBE);
  if (probe.includes(0)) throw new UnreadableFile("not a text file (contains NUL bytes)");
  let text: string;
  let invalidUtf8 = false;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    invalidUtf8 = true;
    text = new TextDecoder("utf-8").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, lines: text.split(/\r\n|\r|\n/), invalidUtf8 };
}

/**
 * Reads a regular file whole, bounded without trusting stat (the file may grow while read) and
 * without blocking on a FIFO. Synchronous, like the walker: small files, one at a time, no
 * thread-pool hop. Throws UnreadableFile for what is not a regular file or is over the bound.
 */
export function readFileBounded(path: string, maxBytes: number): Buffer {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below as not a regular file.
  const fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnreadableFile("not a regular file");
    if (st.size > maxBytes) throw new UnreadableFile(`larger than the ${formatBytes(maxBytes)} limit (${formatBytes(st.size)}; raise limits.maxFileSize)`);
    // Sized by stat, one byte over to notice growth; a file that grew is read on in chunks.
    // (Chunk-sized buffers for every small file cost 10,000 one-megabyte allocations on 10,000 files.)
    const chunks: Buffer[] = [];
    let total = 0;
    let want = st.size + 1;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, total);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new UnreadableFile(`larger than the ${formatBytes(maxBytes)} limit (it grew while being read)`);
      chunks.push(buf.subarray(0, n));
      want = 1024 * 1024;
    }
    if (chunks.length === 0) return Buffer.alloc(0);
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

export async function readTextFile(path: string, maxBytes = DEFAULT_MAX_TEXT_FILE): Promise<TextFile> {
  return decodeText(readFileBounded(path, maxBytes));
}
