// The embedded store: one SQLite file, WAL journal. Every scan is recorded in one transaction,
// so a crash or an error part-way leaves the store exactly as the previous scan left it.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { InputError, describeFsError } from "../core/errors.js";
import type { Finding, FixedFinding, Location, Severity, TargetType } from "../core/model.js";
import { migrate } from "./migrations.js";
import { assetId } from "./asset-id.js";
import type {
  FindingQuery,
  FindingStatus,
  ScanOutcome,
  ScanRecord,
  Store,
  StoredAsset,
  StoredFinding,
  StoredScan,
} from "./types.js";

/** SQLite result codes a user can cause, and what to tell them. */
const SQLITE_FAILURES: Record<string, string> = {
  SQLITE_NOTADB: "not a SQLite database",
  SQLITE_CORRUPT: "the database file is corrupt",
  SQLITE_CANTOPEN: "cannot open the file (check the path and the permissions of its directory)",
  SQLITE_READONLY: "the database is read-only",
  SQLITE_PERM: "permission denied",
  SQLITE_BUSY: "the database is locked by another process",
  SQLITE_IOERR: "input/output error",
  SQLITE_FULL: "the disk is full",
};

const SEVERITY_ORDER = "CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END";

interface FindingStateRow {
  status: FindingStatus;
  first_seen: string;
}
interface FixedRow {
  id: string;
  rule_id: string;
  severity: Severity;
  title: string;
  data: string;
}
interface FindingRow {
  asset_id: string;
  asset_type: TargetType;
  asset_name: string;
  status: FindingStatus;
  first_seen: string;
  last_seen: string;
  fixed_at: string | null;
  data: string;
}
interface AssetRow {
  id: string;
  type: TargetType;
  name: string;
  first_seen: string;
  last_scan_at: string;
  open_findings: number;
}
interface ScanRow {
  id: number;
  asset_id: string;
  target_type: TargetType;
  target_name: string;
  started_at: string;
  finished_at: string;
  tool_version: string;
  finding_count: number;
  new_count: number;
  fixed_count: number;
}

/** SQLite's extended codes (SQLITE_IOERR_READ) fall back to their primary code (SQLITE_IOERR). */
function sqliteCause(e: InstanceType<typeof Database.SqliteError>): string | undefined {
  return SQLITE_FAILURES[e.code] ?? SQLITE_FAILURES[e.code.split("_").slice(0, 2).join("_")];
}

/** Anything that goes wrong opening the file is about the file the user named. */
function openFailure(path: string, e: unknown): unknown {
  if (e instanceof InputError) return e;
  if (e instanceof Database.SqliteError) {
    return new InputError(`${path}: cannot open the store: ${sqliteCause(e) ?? e.message}`, { cause: e });
  }
  const fsError = e as NodeJS.ErrnoException | undefined;
  if (typeof fsError?.code === "string" && fsError.code.startsWith("E")) {
    // mkdir meeting a file where a directory should be says EEXIST; the user needs "not a directory".
    const where = fsError.path ?? dirname(path);
    const cause = describeFsError(where, fsError.code === "EEXIST" ? { code: "ENOTDIR" } : e);
    return new InputError(`${path}: cannot open the store: ${cause}`, { cause: e });
  }
  return e;
}

/** Once open, only the known environmental failures (disk full, locked, ...) are the user's; the rest are bugs. */
function writeFailure(path: string, e: unknown): unknown {
  const cause = e instanceof Database.SqliteError ? sqliteCause(e) : undefined;
  return cause === undefined ? e : new InputError(`${path}: cannot record the scan: ${cause}`, { cause: e });
}

/** The finding as stored: without the fields the store itself derives on the way out. */
function storedData(f: Finding): string {
  const { firstSeen: _firstSeen, isNew: _isNew, ...rest } = f;
  return JSON.stringify(rest);
}

function checkCount(name: string, n: number | undefined): void {
  if (n !== undefined && !(Number.isSafeInteger(n) && n >= 0)) {
    throw new InputError(`store query: ${name} must be a non-negative integer, not ${n}`);
  }
}

/** Every fixed-shape statement, prepared once per open store. */
function prepareStatements(db: Database.Database) {
  return {
    asset: db.prepare<[string], { last_scan_at: string }>("SELECT last_scan_at FROM assets WHERE id = ?"),
    upsertAsset: db.prepare(
      `INSERT INTO assets (id, type, name, first_seen, last_scan_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET last_scan_at = excluded.last_scan_at`,
    ),
    insertScan: db.prepare(
      `INSERT INTO scans (asset_id, target_type, target_name, started_at, finished_at, tool_version)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    countScan: db.prepare("UPDATE scans SET finding_count = ?, new_count = ?, fixed_count = ? WHERE id = ?"),
    findingState: db.prepare<[string, string], FindingStateRow>(
      "SELECT status, first_seen FROM findings WHERE asset_id = ? AND id = ?",
    ),
    insertFinding: db.prepare(
      `INSERT INTO findings (asset_id, id, rule_id, kind, severity, title, path, start_line, status,
                             first_seen, last_seen, fixed_at, last_scan_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    ),
    updateFinding: db.prepare(
      `UPDATE findings SET rule_id = ?, kind = ?, severity = ?, title = ?, path = ?, start_line = ?, status = ?,
                           last_seen = ?, fixed_at = NULL, last_scan_id = ?, data = ?
       WHERE asset_id = ? AND id = ?`,
    ),
    markFixed: db.prepare<[string, string, number], FixedRow>(
      `UPDATE findings SET status = 'fixed', fixed_at = ?
       WHERE asset_id = ? AND status IN ('open', 'suppressed') AND last_scan_id <> ?
       RETURNING id, rule_id, severity, title, data`,
    ),
    layerGet: db.prepare<[string, string], { data: Buffer }>("SELECT data FROM layer_cache WHERE digest = ? AND cache_key = ?"),
    layerTouch: db.prepare("UPDATE layer_cache SET used_at = ? WHERE digest = ? AND cache_key = ?"),
    layerPut: db.prepare(
      `INSERT INTO layer_cache (digest, cache_key, created_at, used_at, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (digest, cache_key) DO UPDATE SET data = excluded.data, used_at = excluded.used_at`,
    ),
    assets: db.prepare<[], AssetRow>(
      `SELECT a.id, a.type, a.name, a.first_seen, a.last_scan_at,
              (SELECT COUNT(*) FROM findings f WHERE f.asset_id = a.id AND f.status = 'open') AS open_findings
       FROM assets a ORDER BY a.last_scan_at DESC, a.id`,
    ),
  };
}

export class SqliteStore implements Store {
  readonly location: string;
  private readonly file: string;
  private readonly db: Database.Database;
  private readonly stmt: ReturnType<typeof prepareStatements>;
  /** Statements whose text depends on the query's shape: a handful of shapes, each prepared once. */
  private readonly queries = new Map<string, Database.Statement>();

  constructor(path: string) {
    const memory = path === ":memory:";
    const file = memory ? path : resolve(path);
    this.file = file;
    this.location = `sqlite:${file}`;
    let db: Database.Database | undefined;
    try {
      if (!memory) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      db = new Database(file, { timeout: 5000 });
      db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
      migrate(db, file);
    } catch (e) {
      db?.close();
      throw openFailure(file, e);
    }
    this.db = db;
    this.stmt = prepareStatements(db);
  }

  async recordScan(scan: ScanRecord): Promise<ScanOutcome> {
    const { stmt } = this;
    const id = assetId(scan.asset.type, scan.asset.name);
    // A scan's findings are "seen" when the scan finished, the moment its result became the truth.
    const now = scan.finishedAt;
    const crashAfter = testCrashAfter();

    const record = this.db.transaction((): ScanOutcome => {
      const previousScanAt = stmt.asset.get(id)?.last_scan_at;
      stmt.upsertAsset.run(id, scan.asset.type, scan.asset.name, now, now);
      const scanId = Number(
        stmt.insertScan.run(id, scan.target.type, scan.target.name, scan.startedAt, scan.finishedAt, scan.toolVersion)
          .lastInsertRowid,
      );

      const newIds: string[] = [];
      const firstSeen: Record<string, string> = {};
      const seen = new Set<string>();
      let written = 0;
      for (const f of scan.findings) {
        // A repeated id is a fingerprinting bug upstream; the first occurrence wins.
        if (seen.has(f.id)) continue;
        seen.add(f.id);
        const status: FindingStatus = f.suppressed ? "suppressed" : "open";
        const data = storedData(f);
        const path = f.location.path ?? null;
        const line = f.location.startLine ?? null;
        const before = stmt.findingState.get(id, f.id);
        if (before === undefined) {
          stmt.insertFinding.run(id, f.id, f.ruleId, f.kind, f.severity, f.title, path, line, status, now, now, scanId, data);
          newIds.push(f.id);
          firstSeen[f.id] = now;
        } else {
          // A finding that comes back after being fixed is new again; its first sighting stays.
          stmt.updateFinding.run(f.ruleId, f.kind, f.severity, f.title, path, line, status, now, scanId, data, id, f.id);
          if (before.status === "fixed") newIds.push(f.id);
          firstSeen[f.id] = before.first_seen;
        }
        written++;
        // TEST HOOK (test/store/crash.test.ts): die mid-transaction, as a killed process would.
        if (written === crashAfter) process.kill(process.pid, "SIGKILL");
      }

      const fixed: FixedFinding[] = stmt.markFixed.all(now, id, scanId).map((r) => ({
        id: r.id,
        ruleId: r.rule_id,
        severity: r.severity,
        title: r.title,
        location: (JSON.parse(r.data) as { location?: Location }).location ?? {},
      }));
      fixed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      stmt.countScan.run(written, newIds.length, fixed.length, scanId);

      const outcome: ScanOutcome = { scanId, assetId: id, newIds, fixed, firstSeen };
      if (previousScanAt !== undefined) outcome.previousScanAt = previousScanAt;
      return outcome;
    });
    try {
      return record.immediate();
    } catch (e) {
      throw writeFailure(this.file, e);
    }
  }

  async findings(query: FindingQuery = {}): Promise<StoredFinding[]> {
    checkCount("limit", query.limit);
    checkCount("offset", query.offset);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.assetId !== undefined) {
      where.push("f.asset_id = ?");
      params.push(query.assetId);
    }
    for (const [column, values] of [
      ["f.status", query.status],
      ["f.severity", query.severity],
    ] as const) {
      if (values === undefined) continue;
      where.push(values.length === 0 ? "0 = 1" : `${column} IN (${values.map(() => "?").join(", ")})`);
      params.push(...values);
    }
    let sql =
      `SELECT f.asset_id, a.type AS asset_type, a.name AS asset_name, f.status, f.first_seen, f.last_seen, f.fixed_at, f.data
       FROM findings f JOIN assets a ON a.id = f.asset_id` +
      (where.length > 0 ? ` WHERE ${where.join(" AND ")}` : "") +
      ` ORDER BY ${SEVERITY_ORDER}, f.asset_id, f.rule_id, f.id`;
    if (query.limit !== undefined || query.offset !== undefined) {
      sql += " LIMIT ? OFFSET ?";
      params.push(query.limit ?? -1, query.offset ?? 0);
    }
    const rows = this.query(sql).all(...params) as FindingRow[];
    return rows.map((r) => {
      const stored: StoredFinding = {
        assetId: r.asset_id,
        assetType: r.asset_type,
        assetName: r.asset_name,
        status: r.status,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
        finding: JSON.parse(r.data) as Finding,
      };
      if (r.fixed_at !== null) stored.fixedAt = r.fixed_at;
      return stored;
    });
  }

  async assets(): Promise<StoredAsset[]> {
    return this.stmt.assets.all().map((r) => ({
      id: r.id,
      type: r.type,
      name: r.name,
      firstSeen: r.first_seen,
      lastScanAt: r.last_scan_at,
      openFindings: r.open_findings,
    }));
  }

  async scans(query: { assetId?: string; limit?: number } = {}): Promise<StoredScan[]> {
    checkCount("limit", query.limit);
    const params: unknown[] = [];
    let sql = "SELECT * FROM scans";
    if (query.assetId !== undefined) {
      sql += " WHERE asset_id = ?";
      params.push(query.assetId);
    }
    sql += " ORDER BY id DESC";
    if (query.limit !== undefined) {
      sql += " LIMIT ?";
      params.push(query.limit);
    }
    const rows = this.query(sql).all(...params) as ScanRow[];
    return rows.map((r) => ({
      id: r.id,
      assetId: r.asset_id,
      target: { type: r.target_type, name: r.target_name },
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      toolVersion: r.tool_version,
      findingCount: r.finding_count,
      newCount: r.new_count,
      fixedCount: r.fixed_count,
    }));
  }

  async getLayerCache(digest: string, key: string): Promise<Buffer | undefined> {
    const row = this.stmt.layerGet.get(digest, key);
    if (row === undefined) return undefined;
    this.stmt.layerTouch.run(new Date().toISOString(), digest, key);
    return row.data;
  }

  async putLayerCache(digest: string, key: string, data: Buffer): Promise<void> {
    const now = new Date().toISOString();
    this.stmt.layerPut.run(digest, key, now, now, data);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private query(sql: string): Database.Statement {
    let s = this.queries.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.queries.set(sql, s);
    }
    return s;
  }
}

/** TEST HOOK: the number of findings after which recordScan kills its own process, if set. */
function testCrashAfter(): number | undefined {
  const v = process.env.MAMORI_TEST_CRASH_AFTER_FINDINGS;
  return v === undefined || v === "" ? undefined : Number(v);
}
