// The vulnerability database's public surface: open, import, enrich, update, score, and freshness.
import type { DbStatus } from "./types.js";

export {
  VulnDb,
  VulnDbWriter,
  VULNDB_SCHEMA_VERSION,
  compareModified,
  defaultVulnDbPath,
  ecosystemBase,
  packageNameKey,
  resolveVulnDbPath,
  type EpssEntry,
  type KevEntry,
  type PutOutcome,
  type VulnDbStatus,
} from "./db.js";
export { importOsv, type ImportOptions, type ImportProgress, type ImportResult } from "./import.js";
export { importEpss, importKev, type EnrichResult } from "./enrich.js";
export { OsvFormatError, osvFormatOf, parseOsvText, toOsvRecord } from "./osv.js";
export { DEFAULT_ZIP_LIMITS, readZipTexts, type ZipLimits, type ZipText } from "./zip.js";
export { cvssScore, severityOf, type CvssResult, type CvssVersion, type SeverityVerdict } from "./cvss.js";
export { DEFAULT_ECOSYSTEMS, DEFAULT_OSV_SOURCE, updateDb, type UpdateOptions, type UpdateResult } from "./update.js";
export type * from "./types.js";

/** A database not refreshed for this long makes scans warn. */
export const STALE_AFTER_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Days since the database was last refreshed: its last import, or, for a database that never
 * recorded one, its newest record. Undefined for an empty database.
 */
export function dbAgeDays(status: DbStatus, now: Date): number | undefined {
  let since = status.importedAt;
  if (since === undefined) {
    for (const e of status.ecosystems) if (e.newestModified !== undefined && (since === undefined || e.newestModified > since)) since = e.newestModified;
  }
  const t = since === undefined ? Number.NaN : Date.parse(since);
  return Number.isNaN(t) ? undefined : Math.max(0, (now.getTime() - t) / DAY_MS);
}

/** Whether scans should warn that the database is older than STALE_AFTER_DAYS (or has no date at all). */
export function dbIsStale(status: DbStatus, now: Date): boolean {
  const age = dbAgeDays(status, now);
  return age === undefined || age > STALE_AFTER_DAYS;
}
