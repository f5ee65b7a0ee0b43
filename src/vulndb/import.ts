// `mamori db import`: OSV records from a directory tree, a zip (osv.dev's per-ecosystem all.zip or
// any zip of OSV files) or one file, into the vulnerability database in ONE transaction: an import
// that fails or is killed part-way leaves the database exactly as it was.
//
// Re-importing is incremental: a record is rewritten only when its `modified` is newer than the
// stored one. Records marked `withdrawn` are kept as tombstones that never match. Records that are
// simply absent from a newer feed are NOT removed: OSV says a record leaves by being withdrawn, and
// an import of one ecosystem's zip must not delete what another source contributed.
//
// Anything in the feed that is not a usable record (a LICENSE, a README, a JSON without id or
// modified, malformed YAML, an alias bomb, a zip entry past a bound) is skipped and counted with
// the file it came from; one bad file never stops an import.
import { closeSync, openSync, readFileSync, readSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";
import { InputError, describeFsError } from "../core/errors.js";
import { walkFiles } from "../artifacts/walk.js";
import { vulnDbFailure, type VulnDb, type VulnDbWriter } from "./db.js";
import { OsvFormatError, osvFormatOf, parseOsvText } from "./osv.js";
import type { ImportSummary } from "./types.js";
import { readZipTexts, type ZipLimits } from "./zip.js";

/** One OSV file larger than this is skipped: the largest real records are a few hundred KB. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** A directory import may be a whole unpacked feed: far more files than a scan's default. */
const WALK_LIMITS = { maxFiles: 5_000_000, maxDepth: 64 };

export interface ImportProgress {
  files: number;
  records: number;
  /** The file being read. */
  current: string;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  now?: () => Date;
  /** Recorded as the database's source: the URL for `db update`; the path by default. */
  sourceLabel?: string;
  zipLimits?: Partial<ZipLimits>;
}

/**
 * What an import did. `imported` counts records new to the database, `updated` those replaced by
 * a newer `modified`, `unchanged` those already stored as new or newer, `withdrawn` those stored
 * as withdrawn (new or updated), `skipped` every file, zip entry or array element that was not a
 * usable record, with its label and why.
 */
export interface ImportResult extends ImportSummary {
  /** Files (or zip entries) read. */
  files: number;
  /** Records stored that name no affected package: kept, but no package can match them. */
  notMatchable: number;
  seconds: number;
}

interface OsvText {
  label: string;
  text: string;
  format: "json" | "yaml";
}

type Skip = (source: string, reason: string) => void;

function statSource(source: string): Stats {
  try {
    return statSync(source);
  } catch (e) {
    throw new InputError(describeFsError(source, e), { cause: e });
  }
}

/** Zip by content, not by name: osv.dev's downloads and renamed copies alike. */
function looksLikeZip(path: string): boolean {
  const head = Buffer.alloc(4);
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const n = readSync(fd, head, 0, 4, 0);
    return n === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
  } catch (e) {
    throw new InputError(describeFsError(path, e), { cause: e });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readOsvFile(absPath: string, label: string, size: number, skip: Skip): OsvText | undefined {
  const format = osvFormatOf(absPath);
  if (format === undefined) {
    skip(label, "not an OSV file (expected .json, .yaml or .yml)");
    return undefined;
  }
  if (size > MAX_FILE_BYTES) {
    skip(label, `larger than ${MAX_FILE_BYTES} bytes`);
    return undefined;
  }
  try {
    return { label, text: readFileSync(absPath, "utf8"), format };
  } catch (e) {
    skip(label, describeFsError("file", e).replace(/^file: /, ""));
    return undefined;
  }
}

async function* directoryTexts(root: string, skip: Skip): AsyncGenerator<OsvText> {
  const walk = walkFiles(root, {
    limits: WALK_LIMITS,
    wants: () => true,
    warn: (w) => skip(w.path === undefined ? root : join(root, w.path), w.message.replace(/^skipped: /, "")),
  });
  for await (const f of walk) {
    const text = readOsvFile(f.absPath, join(root, f.relPath), f.size, skip);
    if (text !== undefined) yield text;
  }
}

async function* zipTexts(path: string, skip: Skip, limits?: Partial<ZipLimits>): AsyncGenerator<OsvText> {
  const entries = readZipTexts(path, {
    ...(limits === undefined ? {} : { limits }),
    wants: (name) => {
      if (osvFormatOf(name) !== undefined) return true;
      skip(`${path}:${name}`, "not an OSV file (expected .json, .yaml or .yml)");
      return false;
    },
    warn: (w) => skip(w.path === undefined ? path : `${path}:${w.path}`, w.message.replace(/^skipped: /, "")),
  });
  for await (const e of entries) {
    yield { label: `${path}:${e.name}`, text: e.text, format: osvFormatOf(e.name) ?? "json" };
  }
}

function sourceTexts(source: string, skip: Skip, limits?: Partial<ZipLimits>): AsyncGenerator<OsvText> {
  const st = statSource(source);
  if (st.isDirectory()) return directoryTexts(source, skip);
  if (!st.isFile()) throw new InputError(`${source}: not a file or directory`);
  if (looksLikeZip(source)) return zipTexts(source, skip, limits);
  if (osvFormatOf(source) === undefined) {
    throw new InputError(`${source}: not an OSV source (expected a directory, a .zip, or a .json, .yaml or .yml file)`);
  }
  return (async function* () {
    const text = readOsvFile(source, source, st.size, skip);
    if (text !== undefined) yield text;
  })();
}

/** TEST HOOK (test/vulndb/db/crash.test.ts): the number of records after which the import kills its own process. */
function testCrashAfter(): number | undefined {
  const v = process.env.MAMORI_TEST_CRASH_AFTER_RECORDS;
  return v === undefined || v === "" ? undefined : Number(v);
}

/** Imports every OSV record under `source` into `db`, in one transaction. */
export async function importOsv(db: VulnDb, source: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const t0 = performance.now();
  const result: ImportResult = { imported: 0, updated: 0, unchanged: 0, withdrawn: 0, skipped: [], files: 0, notMatchable: 0, seconds: 0 };
  const skip: Skip = (s, reason) => {
    result.skipped.push({ source: s, reason });
  };
  const texts = sourceTexts(source, skip, opts.zipLimits);
  const crashAfter = testCrashAfter();
  let records = 0;

  const writer: VulnDbWriter = db.beginWrite();
  try {
    for await (const file of texts) {
      result.files++;
      opts.onProgress?.({ files: result.files, records, current: file.label });
      let parsed;
      try {
        parsed = parseOsvText(file.text, file.label, file.format, (e) => skip(e.label, e.reason));
      } catch (e) {
        if (!(e instanceof OsvFormatError)) throw e;
        skip(e.label, e.reason);
        continue;
      }
      for (const record of parsed) {
        const outcome = writer.put(record);
        if (outcome === "new") result.imported++;
        else result[outcome]++;
        if ((outcome === "new" || outcome === "updated") && !(record.affected ?? []).some((a) => a.package != null)) {
          result.notMatchable++;
        }
        records++;
        // TEST HOOK: die mid-transaction, as a killed process would.
        if (records === crashAfter) process.kill(process.pid, "SIGKILL");
      }
    }
    writer.setMeta("imported_at", (opts.now?.() ?? new Date()).toISOString());
    writer.setMeta("source", opts.sourceLabel ?? source);
    writer.commit();
  } catch (e) {
    writer.rollback();
    throw vulnDbFailure(db.path, "write", e);
  }
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
