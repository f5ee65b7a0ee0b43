// The vulnerability database: OSV records, CISA KEV and FIRST EPSS in one SQLite file of its own
// (not the findings store: it is replaced and shared differently, and scans only read it).
// Opening is cheap on purpose, since every scan opens it: pragmas and a schema version check.
// Writes go through a VulnDbWriter, one transaction per import, so an import that fails or is
// killed part-way leaves the database exactly as the previous import left it (WAL journal).
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { InputError, describeFsError } from "../core/errors.js";
import { pep503 } from "../packages/purl.js";
import type { AdvisorySource, DbStatus, OsvRecord } from "./types.js";

interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Never edit a released migration: add a new one.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "records, affected packages, aliases, KEV and EPSS",
    sql: `
      CREATE TABLE records (
        id        TEXT PRIMARY KEY,
        modified  TEXT NOT NULL,
        published TEXT,
        withdrawn TEXT,
        aliases   TEXT NOT NULL,
        data      TEXT NOT NULL
      );

      -- One row per (ecosystem, package, record): the matcher's only lookup. name_key is the name as
      -- the ecosystem compares names (PEP 503 for PyPI), name the record's own spelling.
      CREATE TABLE affected (
        ecosystem      TEXT NOT NULL,
        name_key       TEXT NOT NULL,
        record_id      TEXT NOT NULL,
        ecosystem_base TEXT NOT NULL,
        name           TEXT NOT NULL,
        PRIMARY KEY (ecosystem, name_key, record_id)
      ) WITHOUT ROWID;
      CREATE INDEX affected_by_record ON affected (record_id);
      CREATE INDEX affected_by_base ON affected (ecosystem_base, record_id);

      CREATE TABLE aliases (
        alias     TEXT NOT NULL,
        record_id TEXT NOT NULL,
        PRIMARY KEY (alias, record_id)
      ) WITHOUT ROWID;
      CREATE INDEX aliases_by_record ON aliases (record_id);

      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE kev (
        cve_id           TEXT PRIMARY KEY,
        date_added       TEXT,
        due_date         TEXT,
        vendor           TEXT,
        product          TEXT,
        known_ransomware INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE epss (
        cve_id     TEXT PRIMARY KEY,
        score      REAL NOT NULL,
        percentile REAL,
        date       TEXT
      );
    `,
  },
];

export const VULNDB_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** `$MAMORI_HOME/vulndb.db` when MAMORI_HOME is set, else `~/.mamori/vulndb.db`. */
export function defaultVulnDbPath(): string {
  const home = process.env.MAMORI_HOME;
  return home !== undefined && home !== "" ? join(home, "vulndb.db") : join(homedir(), ".mamori", "vulndb.db");
}

/** What `--db PATH` names (a leading `~/` is the home directory), or the default. */
export function resolveVulnDbPath(path?: string): string {
  if (path === undefined || path === "") return defaultVulnDbPath();
  if (path === "~" || path.startsWith("~/")) return join(homedir(), path.slice(1));
  return path;
}

/** Ecosystems whose package names compare other than byte for byte, and their comparison key. */
const NAME_KEYS: Record<string, (name: string) => string> = {
  // PEP 503: case-insensitive, and runs of -, _ and . are one separator.
  PyPI: pep503,
  // NuGet package ids are case-insensitive.
  NuGet: (name) => name.toLowerCase(),
};

/** The key a package name is stored and looked up by in `ecosystem`. */
export function packageNameKey(ecosystem: string, name: string): string {
  return NAME_KEYS[ecosystem]?.(name) ?? name;
}

/** "Debian:12" → "Debian", "Ubuntu:22.04:LTS" → "Ubuntu", "npm" → "npm". */
export function ecosystemBase(ecosystem: string): string {
  const colon = ecosystem.indexOf(":");
  return colon < 0 ? ecosystem : ecosystem.slice(0, colon);
}

/**
 * Orders two OSV `modified` timestamps (RFC 3339). Text order is wrong across precisions
 * ("…58Z" sorts after "…58.3Z"), so compare instants, then the digits below a millisecond.
 */
export function compareModified(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a < b ? -1 : a > b ? 1 : 0;
  if (ta !== tb) return ta < tb ? -1 : 1;
  const sub = (s: string) => (/\.(\d+)/.exec(s)?.[1] ?? "").padEnd(9, "0").slice(3, 9);
  const sa = sub(a);
  const sb = sub(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export interface KevEntry {
  cveId: string;
  dateAdded?: string;
  dueDate?: string;
  vendor?: string;
  product?: string;
  knownRansomware: boolean;
}

export interface EpssEntry {
  cveId: string;
  /** Probability of exploitation in the next 30 days, 0..1. */
  score: number;
  percentile?: number;
  date?: string;
}

/** DbStatus with what `mamori db status` shows besides. */
export interface VulnDbStatus extends DbStatus {
  /** Where the last OSV import came from (a path or URL). */
  source?: string;
  /** Records stored as withdrawn: never matched. */
  withdrawnRecords: number;
  kevCatalogVersion?: string;
  epssScoreDate?: string;
}

/** What putting one record did: new, replaced by a newer `modified`, left as it was, or withdrawn. */
export type PutOutcome = "new" | "updated" | "unchanged" | "withdrawn";

/** SQLite result codes a user can cause, and what to tell them. */
const SQLITE_FAILURES: Record<string, string> = {
  SQLITE_NOTADB: "not a SQLite database",
  SQLITE_CORRUPT: "the database file is corrupt",
  SQLITE_CANTOPEN: "cannot open the file (check the path and the permissions of its directory)",
  SQLITE_READONLY: "the database is read-only",
  SQLITE_PERM: "permission denied",
  SQLITE_BUSY: "the database is locked by another process (an import running?)",
  SQLITE_IOERR: "input/output error",
  SQLITE_FULL: "the disk is full",
};

function sqliteCause(e: unknown): string | undefined {
  if (!(e instanceof Database.SqliteError)) return undefined;
  return SQLITE_FAILURES[e.code] ?? SQLITE_FAILURES[e.code.split("_").slice(0, 2).join("_")];
}

/** An environmental SQLite failure (disk full, locked, ...) as an InputError naming the file; anything else unchanged. */
export function vulnDbFailure(path: string, doing: string, e: unknown): unknown {
  if (e instanceof InputError) return e;
  const cause = sqliteCause(e);
  if (cause !== undefined) return new InputError(`${path}: cannot ${doing} the vulnerability database: ${cause}`, { cause: e });
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string" && code.startsWith("E")) {
    const fsError = e as NodeJS.ErrnoException;
    const where = fsError.path ?? dirname(path);
    const why = describeFsError(where, code === "EEXIST" ? { code: "ENOTDIR" } : e);
    return new InputError(`${path}: cannot ${doing} the vulnerability database: ${why}`, { cause: e });
  }
  return e;
}

const NO_DB_HINT = "run `mamori db update`, or `mamori db import <osv zip|dir>` to build it offline";

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function schemaVersion(db: Database.Database): number {
  if (!hasTable(db, "schema_migrations")) return 0;
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

/** Each migration in its own IMMEDIATE transaction, so two processes never both apply one. */
/** Refuses to add our tables to someone else's database (a path mistyped for another file, say). */
function refuseForeign(db: Database.Database, path: string): void {
  const other = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1")
    .get() as { name: string } | undefined;
  if (other !== undefined) {
    throw new InputError(`${path}: not a Mamori vulnerability database (it holds other tables, such as ${other.name})`);
  }
}

function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    if (hasTable(db, "schema_migrations")) return;
    refuseForeign(db, path);
    db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  }).immediate();
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, new Date().toISOString());
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
        String(m.version),
      );
    }).immediate();
  }
}

interface RecordState {
  modified: string;
}
interface KevRow {
  cve_id: string;
  date_added: string | null;
  due_date: string | null;
  vendor: string | null;
  product: string | null;
  known_ransomware: number;
}
interface EpssRow {
  cve_id: string;
  score: number;
  percentile: number | null;
  date: string | null;
}

export class VulnDb implements AdvisorySource {
  readonly path: string;
  readonly readonly: boolean;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private writing = false;

  private constructor(path: string, db: Database.Database, readonly: boolean) {
    this.path = path;
    this.db = db;
    this.readonly = readonly;
  }

  /**
   * Opens the database at `path`. Without `create`, a missing file is an InputError telling how to
   * build one; `readonly` (what scans use) never writes, so it cannot migrate an older schema either.
   */
  static open(path: string, options: { readonly?: boolean; create?: boolean } = {}): VulnDb {
    const memory = path === ":memory:";
    const file = memory ? path : resolve(path);
    const readonly = options.readonly === true;
    const create = options.create === true && !readonly;
    if (!memory && !existsSync(file)) {
      if (!create) throw new InputError(`${file}: no vulnerability database here`, { hint: NO_DB_HINT });
      try {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      } catch (e) {
        throw vulnDbFailure(file, "create", e);
      }
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly, fileMustExist: !create, timeout: 5000 });
      if (!readonly) {
        db.pragma("journal_mode = WAL");
        // In WAL mode NORMAL loses no committed transaction on a process crash, only on power loss.
        db.pragma("synchronous = NORMAL");
      }
      const found = schemaVersion(db);
      if (found > VULNDB_SCHEMA_VERSION) {
        throw new InputError(`${file}: vulnerability database schema version ${found} is newer than this Mamori (${VULNDB_SCHEMA_VERSION}); upgrade Mamori`);
      }
      if (found < VULNDB_SCHEMA_VERSION) {
        if (found === 0) refuseForeign(db, file);
        if (found === 0 && !create) throw new InputError(`${file}: not a Mamori vulnerability database`, { hint: NO_DB_HINT });
        if (readonly) {
          throw new InputError(`${file}: vulnerability database schema version ${found} is older than this Mamori's (${VULNDB_SCHEMA_VERSION})`, {
            hint: "run `mamori db update` or `mamori db import` once to upgrade it",
          });
        }
        migrate(db, file);
      }
    } catch (e) {
      db?.close();
      throw vulnDbFailure(file, "open", e);
    }
    return new VulnDb(file, db, readonly);
  }

  advisories(ecosystem: string, name: string): OsvRecord[] {
    const rows = this.stmt(
      `SELECT r.data FROM affected a JOIN records r ON r.id = a.record_id
       WHERE a.ecosystem = ? AND a.name_key = ? ORDER BY r.id`,
    ).all(ecosystem, packageNameKey(ecosystem, name)) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as OsvRecord);
  }

  /** One record by id, withdrawn or not. */
  record(id: string): OsvRecord | undefined {
    const row = this.stmt("SELECT data FROM records WHERE id = ?").get(id) as { data: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.data) as OsvRecord);
  }

  /** The records that are `id` or list it among their aliases (a CVE id, a GHSA id, ...); withdrawn ones never. */
  recordsByAlias(id: string): OsvRecord[] {
    const rows = this.stmt(
      `SELECT data FROM records WHERE withdrawn IS NULL
       AND (id = ? OR id IN (SELECT record_id FROM aliases WHERE alias = ?)) ORDER BY id`,
    ).all(id, id) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as OsvRecord);
  }

  isKev(cveId: string): boolean {
    return this.stmt("SELECT 1 FROM kev WHERE cve_id = ?").get(cveId) !== undefined;
  }

  kev(cveId: string): KevEntry | undefined {
    const r = this.stmt("SELECT * FROM kev WHERE cve_id = ?").get(cveId) as KevRow | undefined;
    if (r === undefined) return undefined;
    const entry: KevEntry = { cveId: r.cve_id, knownRansomware: r.known_ransomware === 1 };
    if (r.date_added !== null) entry.dateAdded = r.date_added;
    if (r.due_date !== null) entry.dueDate = r.due_date;
    if (r.vendor !== null) entry.vendor = r.vendor;
    if (r.product !== null) entry.product = r.product;
    return entry;
  }

  epss(cveId: string): number | undefined {
    return this.epssEntry(cveId)?.score;
  }

  epssEntry(cveId: string): EpssEntry | undefined {
    const r = this.stmt("SELECT * FROM epss WHERE cve_id = ?").get(cveId) as EpssRow | undefined;
    if (r === undefined) return undefined;
    const entry: EpssEntry = { cveId: r.cve_id, score: r.score };
    if (r.percentile !== null) entry.percentile = r.percentile;
    if (r.date !== null) entry.date = r.date;
    return entry;
  }

  meta(key: string): string | undefined {
    return (this.stmt("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
  }

  /** Ecosystems (grouped by base name: "Debian:11" and "Debian:12" are "Debian"), counts and freshness. */
  status(): VulnDbStatus {
    const groups = this.stmt(
      `SELECT a.ecosystem_base AS ecosystem, COUNT(DISTINCT a.record_id) AS records, MAX(r.modified) AS newest
       FROM affected a JOIN records r ON r.id = a.record_id
       GROUP BY a.ecosystem_base ORDER BY a.ecosystem_base`,
    ).all() as { ecosystem: string; records: number; newest: string | null }[];
    const ecosystems: DbStatus["ecosystems"] = groups.map((g) => (g.newest === null ? { ecosystem: g.ecosystem, records: g.records } : { ecosystem: g.ecosystem, records: g.records, newestModified: g.newest }));
    const unmatchable = this.count(
      "SELECT COUNT(*) AS n FROM records r WHERE r.withdrawn IS NULL AND NOT EXISTS (SELECT 1 FROM affected a WHERE a.record_id = r.id)",
    );
    if (unmatchable > 0) ecosystems.push({ ecosystem: "(no package)", records: unmatchable });
    const status: VulnDbStatus = {
      path: this.path,
      schemaVersion: schemaVersion(this.db),
      ecosystems,
      totalRecords: this.count("SELECT COUNT(*) AS n FROM records WHERE withdrawn IS NULL"),
      withdrawnRecords: this.count("SELECT COUNT(*) AS n FROM records WHERE withdrawn IS NOT NULL"),
      kevEntries: this.count("SELECT COUNT(*) AS n FROM kev"),
      epssEntries: this.count("SELECT COUNT(*) AS n FROM epss"),
    };
    const importedAt = this.meta("imported_at");
    const source = this.meta("source");
    const kevVersion = this.meta("kev_catalog_version");
    const epssDate = this.meta("epss_score_date");
    if (importedAt !== undefined) status.importedAt = importedAt;
    if (source !== undefined) status.source = source;
    if (kevVersion !== undefined) status.kevCatalogVersion = kevVersion;
    if (epssDate !== undefined) status.epssScoreDate = epssDate;
    return status;
  }

  /** Starts the one write transaction of an import; the writer must end with commit() or rollback(). */
  beginWrite(): VulnDbWriter {
    if (this.readonly) throw new InputError(`${this.path}: the vulnerability database was opened read-only`);
    if (this.writing) throw new Error("VulnDb: a write is already in progress on this connection");
    try {
      this.db.exec("BEGIN IMMEDIATE");
    } catch (e) {
      throw vulnDbFailure(this.path, "write", e);
    }
    this.writing = true;
    return new VulnDbWriter(this.db, this.path, (sql) => this.stmt(sql), () => {
      this.writing = false;
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private count(sql: string): number {
    return (this.stmt(sql).get() as { n: number }).n;
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}

/**
 * The writes of one import, inside one IMMEDIATE transaction. The transaction spans asynchronous
 * reading (zip entries, gunzip), which better-sqlite3's transaction() wrapper cannot, hence plain
 * BEGIN / COMMIT; nothing else uses the connection meanwhile.
 */
export class VulnDbWriter {
  private done = false;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly stmt: (sql: string) => Database.Statement,
    private readonly onEnd: () => void,
  ) {}

  /**
   * Stores `record` unless the stored one is as new or newer. A withdrawn record stays as a
   * tombstone without affected packages or aliases, so it is never matched, and re-importing
   * the same feed finds it unchanged.
   */
  put(record: OsvRecord): PutOutcome {
    const prev = this.stmt("SELECT modified FROM records WHERE id = ?").get(record.id) as RecordState | undefined;
    if (prev !== undefined && compareModified(record.modified, prev.modified) <= 0) return "unchanged";
    const row = [record.modified, record.published ?? null, record.withdrawn ?? null, JSON.stringify(record.aliases ?? []), JSON.stringify(record)];
    if (prev === undefined) {
      this.stmt("INSERT INTO records (modified, published, withdrawn, aliases, data, id) VALUES (?, ?, ?, ?, ?, ?)").run(...row, record.id);
    } else {
      this.stmt("DELETE FROM affected WHERE record_id = ?").run(record.id);
      this.stmt("DELETE FROM aliases WHERE record_id = ?").run(record.id);
      this.stmt("UPDATE records SET modified = ?, published = ?, withdrawn = ?, aliases = ?, data = ? WHERE id = ?").run(...row, record.id);
    }
    if (record.withdrawn !== undefined) return "withdrawn";
    const addAffected = this.stmt(
      "INSERT OR IGNORE INTO affected (ecosystem, name_key, record_id, ecosystem_base, name) VALUES (?, ?, ?, ?, ?)",
    );
    for (const a of record.affected ?? []) {
      if (a.package === undefined || a.package === null) continue;
      const { ecosystem, name } = a.package;
      addAffected.run(ecosystem, packageNameKey(ecosystem, name), record.id, ecosystemBase(ecosystem), name);
    }
    const addAlias = this.stmt("INSERT OR IGNORE INTO aliases (alias, record_id) VALUES (?, ?)");
    for (const alias of record.aliases ?? []) addAlias.run(alias, record.id);
    return prev === undefined ? "new" : "updated";
  }

  setMeta(key: string, value: string): void {
    this.stmt("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  /** KEV is a whole catalogue: an import replaces the previous one. */
  clearKev(): void {
    this.stmt("DELETE FROM kev").run();
  }

  addKev(e: KevEntry): void {
    this.stmt(
      `INSERT INTO kev (cve_id, date_added, due_date, vendor, product, known_ransomware) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (cve_id) DO UPDATE SET date_added = excluded.date_added, due_date = excluded.due_date,
         vendor = excluded.vendor, product = excluded.product, known_ransomware = excluded.known_ransomware`,
    ).run(e.cveId, e.dateAdded ?? null, e.dueDate ?? null, e.vendor ?? null, e.product ?? null, e.knownRansomware ? 1 : 0);
  }

  /** EPSS is published as one file a day scoring every CVE: an import replaces the previous one. */
  clearEpss(): void {
    this.stmt("DELETE FROM epss").run();
  }

  addEpss(e: EpssEntry): void {
    this.stmt(
      `INSERT INTO epss (cve_id, score, percentile, date) VALUES (?, ?, ?, ?)
       ON CONFLICT (cve_id) DO UPDATE SET score = excluded.score, percentile = excluded.percentile, date = excluded.date`,
    ).run(e.cveId, e.score, e.percentile ?? null, e.date ?? null);
  }

  commit(): void {
    this.end("COMMIT");
    try {
      // One import can leave a WAL as large as the database: fold it back in now, not at some later open.
      this.db.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      // A reader holding the WAL only delays the checkpoint; the import itself is committed.
    }
  }

  rollback(): void {
    if (this.done) return;
    this.end("ROLLBACK");
  }

  private end(sql: "COMMIT" | "ROLLBACK"): void {
    if (this.done) throw new Error(`VulnDbWriter: ${sql} after the transaction ended`);
    this.done = true;
    try {
      if (this.db.inTransaction) this.db.exec(sql);
    } catch (e) {
      throw vulnDbFailure(this.path, "write", e);
    } finally {
      this.onEnd();
    }
  }
}
