// Exploitation data beside the advisories: CISA's Known Exploited Vulnerabilities catalogue (JSON)
// and FIRST's EPSS scores (CSV, often gzipped). Each import replaces the previous data set in one
// transaction: both are published whole, not as increments.
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { InputError, describeFsError } from "../core/errors.js";
import { vulnDbFailure, type EpssEntry, type KevEntry, type VulnDb } from "./db.js";

const CVE_ID = /^CVE-\d{4}-\d{4,19}$/;
const MAX_KEV_BYTES = 256 * 1024 * 1024;
/** EPSS scores some 300,000 CVEs (~10 MB of CSV); past this many bytes the file is not EPSS. */
const MAX_EPSS_BYTES = 1024 * 1024 * 1024;
const MAX_LINE = 4096;
/** Reasons kept for the report; the count covers them all. */
const MAX_REASONS = 100;

export interface EnrichResult {
  entries: number;
  skippedCount: number;
  /** The first skipped rows and why. */
  skipped: { source: string; reason: string }[];
}

function newResult(): EnrichResult {
  return { entries: 0, skippedCount: 0, skipped: [] };
}

function skipRow(r: EnrichResult, source: string, reason: string): void {
  r.skippedCount++;
  if (r.skipped.length < MAX_REASONS) r.skipped.push({ source, reason });
}

function optionalText(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    if (statSync(file).size > MAX_KEV_BYTES) throw new InputError(`${file}: larger than ${MAX_KEV_BYTES} bytes: not a KEV catalogue`);
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(describeFsError(file, e), { cause: e });
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON: ${(e as Error).message}`, { cause: e });
  }
}

/** Replaces the KEV data with the catalogue in `file` (CISA's known_exploited_vulnerabilities.json). */
export function importKev(db: VulnDb, file: string, opts: { now?: () => Date } = {}): EnrichResult {
  const doc = readJson(file) as Record<string, unknown> | null;
  const list = typeof doc === "object" && doc !== null ? doc.vulnerabilities : undefined;
  if (!Array.isArray(list)) throw new InputError(`${file}: not a CISA KEV catalogue (no "vulnerabilities" array)`);
  const result = newResult();
  const writer = db.beginWrite();
  try {
    writer.clearKev();
    list.forEach((v: unknown, i) => {
      const where = `${file}#${i}`;
      const o = typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
      const cveId = typeof o.cveID === "string" ? o.cveID.trim() : "";
      if (!CVE_ID.test(cveId)) return skipRow(result, where, `no valid cveID (${JSON.stringify(o.cveID ?? null)})`);
      const entry: KevEntry = { cveId, knownRansomware: optionalText(o.knownRansomwareCampaignUse)?.toLowerCase() === "known" };
      const fields: [keyof KevEntry, unknown][] = [
        ["dateAdded", o.dateAdded],
        ["dueDate", o.dueDate],
        ["vendor", o.vendorProject],
        ["product", o.product],
      ];
      for (const [key, value] of fields) {
        const text = optionalText(value);
        if (text !== undefined) (entry as unknown as Record<string, string>)[key] = text;
      }
      writer.addKev(entry);
      result.entries++;
    });
    if (result.entries === 0 && list.length > 0) throw new InputError(`${file}: not a CISA KEV catalogue (no entry has a cveID)`);
    writer.setMeta("kev_imported_at", (opts.now?.() ?? new Date()).toISOString());
    const version = optionalText(doc?.catalogVersion);
    if (version !== undefined) writer.setMeta("kev_catalog_version", version);
    writer.commit();
  } catch (e) {
    writer.rollback();
    throw vulnDbFailure(db.path, "write", e);
  }
  return result;
}

/** Lines of a byte stream, each at most MAX_LINE bytes (a longer one is cut there: no valid EPSS row is that long). */
async function* lines(stream: AsyncIterable<Buffer>, file: string): AsyncGenerator<string> {
  let pending = "";
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > MAX_EPSS_BYTES) throw new InputError(`${file}: more than ${MAX_EPSS_BYTES} bytes: not an EPSS file`);
    pending += chunk.toString("latin1");
    let nl: number;
    while ((nl = pending.indexOf("\n")) >= 0) {
      yield pending.slice(0, Math.min(nl, MAX_LINE)).replace(/\r$/, "");
      pending = pending.slice(nl + 1);
    }
    if (pending.length > MAX_LINE) pending = pending.slice(0, MAX_LINE);
  }
  if (pending !== "") yield pending.replace(/\r$/, "");
}

function startsWithGzipMagic(file: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(file, "r");
  try {
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

function openEpss(file: string): Readable {
  let gz: boolean;
  try {
    // The magic bytes decide, whatever the name says (.csv, .csv.gz, or neither).
    if (statSync(file).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    gz = startsWithGzipMagic(file);
  } catch (e) {
    throw new InputError(describeFsError(file, e), { cause: e });
  }
  const raw = createReadStream(file);
  // pipeline, not pipe: a read error must reach the reader of the gunzipped stream.
  return gz ? pipeline(raw, createGunzip(), () => {}) : raw;
}

/** `#model_version:v2023.03.01,score_date:2023-11-20T00:00:00+0000` → its fields. */
function commentFields(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of line.replace(/^#/, "").split(",")) {
    const colon = part.indexOf(":");
    if (colon > 0) out[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return out;
}

function unitInterval(s: string | undefined): number | undefined {
  // Number("") is 0 and Number("0x1") is 1: accept decimal notation only.
  if (s === undefined || !/^\d*\.?\d+(e-?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return n >= 0 && n <= 1 ? n : undefined;
}

/** Replaces the EPSS data with FIRST's daily CSV in `file` (plain or gzipped). */
export async function importEpss(db: VulnDb, file: string, opts: { now?: () => Date } = {}): Promise<EnrichResult & { scoreDate?: string; modelVersion?: string }> {
  const stream = openEpss(file);
  const result: EnrichResult & { scoreDate?: string; modelVersion?: string } = newResult();
  let columns: { cve: number; epss: number; percentile: number } | undefined;
  let lineNo = 0;
  let date: string | undefined;
  let writer;
  try {
    writer = db.beginWrite();
  } catch (e) {
    stream.destroy();
    throw e;
  }
  try {
    writer.clearEpss();
    for await (const line of lines(stream as AsyncIterable<Buffer>, file)) {
      lineNo++;
      if (line.trim() === "") continue;
      if (line.startsWith("#")) {
        const fields = commentFields(line);
        if (fields.model_version !== undefined) result.modelVersion = fields.model_version;
        if (fields.score_date !== undefined) {
          result.scoreDate = fields.score_date;
          date = fields.score_date.slice(0, 10);
        }
        continue;
      }
      const cells = line.split(",").map((c) => c.trim());
      if (columns === undefined) {
        const names = cells.map((c) => c.toLowerCase());
        columns = { cve: names.indexOf("cve"), epss: names.indexOf("epss"), percentile: names.indexOf("percentile") };
        if (columns.cve < 0 || columns.epss < 0) throw new InputError(`${file}:${lineNo}: not an EPSS CSV (expected a header "cve,epss,percentile")`);
        continue;
      }
      const cveId = cells[columns.cve] ?? "";
      const score = unitInterval(cells[columns.epss]);
      if (!CVE_ID.test(cveId) || score === undefined) {
        skipRow(result, `${file}:${lineNo}`, "not a row of CVE id, score (0..1) and percentile");
        continue;
      }
      const entry: EpssEntry = { cveId, score };
      const percentile = columns.percentile < 0 ? undefined : unitInterval(cells[columns.percentile]);
      if (percentile !== undefined) entry.percentile = percentile;
      if (date !== undefined) entry.date = date;
      writer.addEpss(entry);
      result.entries++;
    }
    if (columns === undefined) throw new InputError(`${file}: not an EPSS CSV (no header "cve,epss,percentile")`);
    writer.setMeta("epss_imported_at", (opts.now?.() ?? new Date()).toISOString());
    if (result.scoreDate !== undefined) writer.setMeta("epss_score_date", result.scoreDate);
    if (result.modelVersion !== undefined) writer.setMeta("epss_model_version", result.modelVersion);
    writer.commit();
  } catch (e) {
    writer.rollback();
    stream.destroy();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR") throw new InputError(`${file}: damaged gzip data: ${(e as Error).message}`, { cause: e });
    throw vulnDbFailure(db.path, "write", e);
  }
  return result;
}
