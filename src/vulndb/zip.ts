// Reading the text files of a zip archive (osv.dev's per-ecosystem all.zip, or any zip of OSV files)
// entry by entry, in memory, never extracting to disk. A zip is hostile input: the number of
// entries, each entry's size, the total and each entry's compression ratio are bounded, and an
// entry past a bound is skipped with a warning while the rest of the archive is still read.
import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import { InputError, describeFsError } from "../core/errors.js";
import type { ScanWarning } from "../core/model.js";

export interface ZipLimits {
  /** Entries read at most; the rest are left with one warning. */
  maxEntries: number;
  /** Uncompressed bytes of one entry at most. */
  maxEntryBytes: number;
  /** Uncompressed bytes of the whole archive at most; reading stops past it, with a warning. */
  maxTotalBytes: number;
  /** Uncompressed:compressed ratio at most for an entry larger than `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000_000,
  maxEntryBytes: 64 * MB,
  maxTotalBytes: 8 * 1024 * MB,
  maxRatio: 200,
  ratioMinBytes: MB,
};

export interface ZipText {
  /** The entry's name inside the archive, "/"-separated: a label only, nothing is written there. */
  name: string;
  text: string;
}

export interface ZipReadOptions {
  limits?: Partial<ZipLimits>;
  /** Which entries to read, by name; directories are never offered. */
  wants: (name: string) => boolean;
  /** Entries skipped for a bound, a bad name or unreadable data. `path` is the entry name. */
  warn: (w: ScanWarning) => void;
}

/** An entry whose data is being skipped, and why (thrown inside the reader only). */
class EntrySkip extends Error {
  constructor(
    message: string,
    /** Whether the rest of the archive is left unread too (the total bound). */
    readonly stop = false,
  ) {
    super(message);
  }
}

function entryName(entry: Entry): string {
  // decodeStrings is off (so that yauzl does not reject the whole archive for one hostile name):
  // bit 11 says UTF-8, otherwise the name is CP437, close enough to latin1 for a label.
  const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
  return entry.fileNameRaw.toString(utf8 ? "utf8" : "latin1").replace(/\\/g, "/");
}

function badName(name: string): string | undefined {
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name)) return "absolute path in the archive";
  if (name.split("/").includes("..")) return "'..' in the entry name";
  if (name.includes("\0")) return "NUL in the entry name";
  return undefined;
}

async function openZip(path: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: false });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("E")) throw new InputError(describeFsError(path, e), { cause: e });
    throw new InputError(`${path}: not a readable zip archive: ${(e as Error).message}`, { cause: e });
  }
}

/** Opens and closes the archive: whether it is a zip this reader can list. */
export async function checkZip(path: string): Promise<void> {
  const zip = await openZip(path);
  zip.close();
}

async function readEntry(zip: ZipFile, entry: Entry, limits: ZipLimits, budget: { left: number }): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      // The declared sizes were checked before reading; these guard against sizes that lie.
      if (size > limits.maxEntryBytes) throw new EntrySkip(`larger than ${limits.maxEntryBytes} bytes (limit maxEntryBytes)`);
      if (size > budget.left) throw new EntrySkip(`the archive holds more than ${limits.maxTotalBytes} bytes (limit maxTotalBytes): reading stops here`, true);
      if (size > limits.ratioMinBytes && size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
        throw new EntrySkip(`compression ratio above ${limits.maxRatio}:1 (limit maxRatio; a zip bomb?)`);
      }
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  budget.left -= size;
  return Buffer.concat(chunks, size);
}

/**
 * Yields the wanted entries' texts (UTF-8) in archive order. A file that is not a zip, or whose
 * central directory is damaged, is an InputError naming the file; a bad entry is a warning.
 */
export async function* readZipTexts(path: string, options: ZipReadOptions): AsyncGenerator<ZipText> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const zip = await openZip(path);
  const budget = { left: limits.maxTotalBytes };
  let seen = 0;
  try {
    if (zip.entryCount > limits.maxEntries) {
      options.warn({ message: `${path}: holds ${zip.entryCount} entries; only the first ${limits.maxEntries} are read (limit maxEntries)` });
    }
    const entries = zip.eachEntry();
    while (true) {
      let next: IteratorResult<Entry>;
      try {
        next = await entries.next();
      } catch (e) {
        throw new InputError(`${path}: damaged zip archive: ${(e as Error).message}`, { cause: e });
      }
      if (next.done) return;
      const entry = next.value;
      if (++seen > limits.maxEntries) return;
      const name = entryName(entry);
      if (name.endsWith("/") || !options.wants(name)) continue;
      let data: Buffer;
      try {
        checkBeforeReading(entry, name, limits, budget.left);
        data = await readEntry(zip, entry, limits, budget);
      } catch (e) {
        const message = e instanceof EntrySkip ? e.message : `unreadable data: ${(e as Error).message}`;
        options.warn({ path: name, message: `skipped: ${message}` });
        if (e instanceof EntrySkip && e.stop) return;
        continue;
      }
      yield { name, text: data.toString("utf8") };
    }
  } finally {
    zip.close();
  }
}

/** Throws EntrySkip for an entry whose header alone rules it out. */
function checkBeforeReading(entry: Entry, name: string, limits: ZipLimits, budgetLeft: number): void {
  const bad = badName(name);
  if (bad !== undefined) throw new EntrySkip(bad);
  if (entry.isEncrypted()) throw new EntrySkip("encrypted");
  if (!entry.canDecodeFileData()) throw new EntrySkip(`unsupported compression method ${entry.compressionMethod}`);
  const size = entry.uncompressedSize;
  if (size > limits.maxEntryBytes) throw new EntrySkip(`declares ${size} bytes, more than ${limits.maxEntryBytes} (limit maxEntryBytes)`);
  if (size > budgetLeft) {
    throw new EntrySkip(`the archive holds more than ${limits.maxTotalBytes} bytes (limit maxTotalBytes): reading stops here`, true);
  }
  const ratio = size / Math.max(1, entry.compressedSize);
  if (size > limits.ratioMinBytes && ratio > limits.maxRatio) {
    throw new EntrySkip(`compression ratio ${Math.round(ratio)}:1 above ${limits.maxRatio}:1 (limit maxRatio; a zip bomb?)`);
  }
}
