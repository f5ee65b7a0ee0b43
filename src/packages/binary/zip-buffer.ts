// Reading entries of a zip held in memory (a Java archive, or one nested in another), bounded:
// each entry's size, its compression ratio and a byte budget shared by a whole archive tree are
// checked against the declared sizes before reading and against the real ones while inflating, so
// a zip bomb costs at most the bound. (src/vulndb/zip.ts reads OSV zips from a path with the same
// kind of bounds; this one starts from a buffer and serves nested archives.)
import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import { InputError } from "../../core/errors.js";

/** Why an entry was not read; the caller turns it into a warning and goes on. */
export class EntrySkipped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "EntrySkipped";
  }
}

export interface ReadBounds {
  /** Uncompressed bytes of this entry at most. */
  maxBytes: number;
  /** Uncompressed:compressed ratio at most, for entries larger than `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
}

/** Bytes still allowed for the whole archive tree; every read takes from it. */
export interface ByteBudget {
  left: number;
}

export async function openZipBuffer(buf: Buffer, label: string): Promise<ZipFile> {
  try {
    return await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
  } catch (e) {
    throw new InputError(`${label}: not a readable zip archive: ${(e as Error).message}`, { cause: e });
  }
}

/** Entry names as labels: "/"-separated; CP437 names read as latin1, close enough for a label. */
export function entryName(entry: Entry): string {
  const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
  return entry.fileNameRaw.toString(utf8 ? "utf8" : "latin1").replace(/\\/g, "/");
}

/** The entries in central-directory order; a damaged directory is an InputError naming the archive. */
export async function* zipEntries(zip: ZipFile, label: string): AsyncGenerator<Entry> {
  const entries = zip.eachEntry();
  for (;;) {
    let next: IteratorResult<Entry>;
    try {
      next = await entries.next();
    } catch (e) {
      throw new InputError(`${label}: damaged zip archive: ${(e as Error).message}`, { cause: e });
    }
    if (next.done) return;
    yield next.value;
  }
}

export async function readZipEntry(zip: ZipFile, entry: Entry, bounds: ReadBounds, budget: ByteBudget): Promise<Buffer> {
  if (entry.isEncrypted()) throw new EntrySkipped("encrypted");
  if (!entry.canDecodeFileData()) throw new EntrySkipped(`unsupported compression method ${entry.compressionMethod}`);
  checkSize(entry.uncompressedSize, entry.compressedSize, bounds, budget, "declares");
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (e) {
    throw new EntrySkipped(`unreadable: ${(e as Error).message}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      // The declared sizes were checked; these catch sizes that lie.
      checkSize(size, entry.compressedSize, bounds, budget, "inflates to");
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof EntrySkipped) throw e;
    throw new EntrySkipped(`unreadable: ${(e as Error).message}`);
  } finally {
    stream.destroy();
  }
  budget.left -= size;
  return Buffer.concat(chunks, size);
}

function checkSize(size: number, compressed: number, bounds: ReadBounds, budget: ByteBudget, verb: string): void {
  if (size > bounds.maxBytes) throw new EntrySkipped(`${verb} more than ${bounds.maxBytes} bytes`);
  if (size > budget.left) throw new EntrySkipped(`${verb} more bytes than are left of the archive's read budget`);
  const ratio = size / Math.max(1, compressed);
  if (size > bounds.ratioMinBytes && ratio > bounds.maxRatio) {
    throw new EntrySkipped(`compression ratio above ${bounds.maxRatio}:1 (a zip bomb?)`);
  }
}
