// The store's schema, as an ordered list of migrations. Each is plain SQL that the PostgreSQL
// store can mirror one for one: TEXT timestamps (ISO-8601, which sort as text), TEXT JSON, and
// INTEGER ids. The one SQLite-specific spelling is `scans.id INTEGER PRIMARY KEY` (a rowid
// alias, so inserts number themselves); PostgreSQL spells it `BIGINT GENERATED ALWAYS AS IDENTITY`.
// Never edit a released migration: add a new one.
import type Database from "better-sqlite3";
import { InputError } from "../core/errors.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "assets, scans and findings",
    sql: `
      CREATE TABLE assets (
        id           TEXT PRIMARY KEY,
        type         TEXT NOT NULL,
        name         TEXT NOT NULL,
        first_seen   TEXT NOT NULL,
        last_scan_at TEXT NOT NULL
      );

      CREATE TABLE scans (
        id            INTEGER PRIMARY KEY,
        asset_id      TEXT NOT NULL REFERENCES assets (id),
        target_type   TEXT NOT NULL,
        target_name   TEXT NOT NULL,
        started_at    TEXT NOT NULL,
        finished_at   TEXT NOT NULL,
        tool_version  TEXT NOT NULL,
        finding_count INTEGER NOT NULL DEFAULT 0,
        new_count     INTEGER NOT NULL DEFAULT 0,
        fixed_count   INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX scans_by_asset ON scans (asset_id, id);

      CREATE TABLE findings (
        asset_id     TEXT NOT NULL REFERENCES assets (id),
        id           TEXT NOT NULL,
        rule_id      TEXT NOT NULL,
        kind         TEXT NOT NULL,
        severity     TEXT NOT NULL,
        title        TEXT NOT NULL,
        path         TEXT,
        start_line   INTEGER,
        status       TEXT NOT NULL CHECK (status IN ('open', 'fixed', 'suppressed')),
        first_seen   TEXT NOT NULL,
        last_seen    TEXT NOT NULL,
        fixed_at     TEXT,
        last_scan_id INTEGER NOT NULL REFERENCES scans (id),
        data         TEXT NOT NULL,
        PRIMARY KEY (asset_id, id)
      );
      -- "what is open on this asset" (the fixed-detection of every scan, the asset's page)
      CREATE INDEX findings_by_asset_status ON findings (asset_id, status);
      -- "what is open anywhere, worst first" (the dashboard)
      CREATE INDEX findings_by_status_severity ON findings (status, severity);
      CREATE INDEX findings_by_rule ON findings (rule_id);
    `,
  },
  {
    version: 2,
    name: "layer cache",
    sql: `
      -- What the analyzers found in one image layer, so a rescan of an image whose layers were
      -- seen reads this instead of the layer. Keyed by the layer digest and the analyzer set.
      CREATE TABLE layer_cache (
        digest     TEXT NOT NULL,
        cache_key  TEXT NOT NULL,
        created_at TEXT NOT NULL,
        used_at    TEXT NOT NULL,
        data       BLOB NOT NULL,
        PRIMARY KEY (digest, cache_key)
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function currentVersion(db: Database.Database): number {
  if (!hasTable(db, "schema_migrations")) return 0;
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings the database at `path` up to this build's schema, each migration in its own
 * transaction, so a failed migration leaves the previous version intact. Runs under
 * BEGIN IMMEDIATE so that two processes opening a fresh store do not both migrate it.
 */
export function migrate(db: Database.Database, path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const ordered = [...migrations].sort((a, b) => a.version - b.version);

  db.transaction(() => {
    if (!hasTable(db, "schema_migrations")) {
      // Refuse to add our tables to someone else's database (say, a path mistyped for another file).
      const other = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1")
        .get() as { name: string } | undefined;
      if (other !== undefined) {
        throw new InputError(`${path}: not a Mamori store (it holds other tables, such as ${other.name})`);
      }
    }
    db.exec(CREATE_MIGRATIONS_TABLE);
  }).immediate();

  const found = currentVersion(db);
  if (found > known) {
    throw new InputError(`${path}: store schema version ${found} is newer than this Mamori (${known}); upgrade Mamori`);
  }

  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const m of ordered) {
    db.transaction(() => {
      // Re-read inside the lock: another process may have applied it meanwhile.
      if (currentVersion(db) >= m.version) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}
