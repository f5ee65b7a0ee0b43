// Vulnerability matching as every package-inventorying scan does it: open the database, match,
// apply VEX. Shared by `scan sbom` now and by image and filesystem scans later.
import { existsSync, readFileSync } from "node:fs";
import { describeFsError, InputError } from "../core/errors.js";
import type { Finding, ScanWarning } from "../core/model.js";
import type { Package } from "../packages/types.js";
import { VulnDb, defaultVulnDbPath, dbIsStale } from "../vulndb/index.js";
import { matchPackages, type MatchOptions } from "../vulndb/match.js";
import { applyVex, readVex, type VexStatement } from "../vulndb/vex.js";

export interface VulnScanOptions extends MatchOptions {
  /** The vulnerability database file (default ~/.mamori/vulndb.db). */
  db?: string;
  /** OpenVEX or CycloneDX VEX documents. */
  vex?: readonly string[];
  now?: Date;
}

export interface VulnScanResult {
  findings: Finding[];
  warnings: ScanWarning[];
}

const MAX_VEX_BYTES = 64 * 1024 * 1024;

function readVexFile(path: string): string {
  try {
    const text = readFileSync(path);
    if (text.length > MAX_VEX_BYTES) throw new InputError(`${path}: VEX document larger than 64 MB`);
    return text.toString("utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(describeFsError(path, e));
  }
}

export function scanPackages(packages: Package[], o: VulnScanOptions, embeddedVex: readonly VexStatement[] = []): VulnScanResult {
  const dbPath = o.db ?? defaultVulnDbPath();
  if (!existsSync(dbPath)) {
    throw new InputError(`${dbPath}: no vulnerability database; create one with \`mamori db import <osv dir|zip>\` or \`mamori db update\``);
  }
  // VEX documents are read before the database is opened, so a bad one fails fast.
  const statements = [...embeddedVex, ...(o.vex ?? []).flatMap((f) => readVex(readVexFile(f), f))];
  const db = VulnDb.open(dbPath, { readonly: true });
  try {
    const warnings: ScanWarning[] = [];
    const status = db.status();
    if (status.totalRecords === 0) warnings.push({ path: dbPath, message: "the vulnerability database is empty: no vulnerability can be found" });
    else if (dbIsStale(status, o.now ?? new Date())) {
      warnings.push({ path: dbPath, message: `the vulnerability database is older than 7 days (imported ${status.importedAt}); run \`mamori db update\`` });
    }
    const matched = matchPackages(packages, db, {
      ...(o.ignoreUnfixed !== undefined ? { ignoreUnfixed: o.ignoreUnfixed } : {}),
      ...(o.detection !== undefined ? { detection: o.detection } : {}),
    });
    for (const w of matched.warnings) warnings.push({ ...(w.package !== undefined ? { path: w.package } : {}), message: w.message });
    if (statements.length > 0) applyVex(matched.findings, statements);
    return { findings: matched.findings, warnings };
  } finally {
    db.close();
  }
}
