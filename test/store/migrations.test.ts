import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { InputError } from "../../src/core/errors.js";
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from "../../src/store/migrations.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { findings, scan, tempDir } from "./fixtures.js";

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function inspect(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const names = (type: string) =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as { name: string }[]).map((r) => r.name);
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    return {
      tables: names("table"),
      indexes: names("index"),
      columns: Object.fromEntries(["assets", "scans", "findings", "layer_cache", "schema_migrations"].map((t) => [t, columns(t)])),
      migrations: db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all(),
      journal: db.pragma("journal_mode", { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe("migrations", () => {
  it("are numbered 1, 2, ... without gaps", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it("create the schema on a new store", async () => {
    await new SqliteStore(tmp.db).close();
    const s = inspect(tmp.db);
    expect(s.tables).toEqual(["assets", "findings", "layer_cache", "scans", "schema_migrations"]);
    expect(s.indexes).toEqual(["findings_by_asset_status", "findings_by_rule", "findings_by_status_severity", "scans_by_asset"]);
    expect(s.columns).toEqual({
      assets: ["id", "type", "name", "first_seen", "last_scan_at"],
      scans: ["id", "asset_id", "target_type", "target_name", "started_at", "finished_at", "tool_version", "finding_count", "new_count", "fixed_count"],
      findings: ["asset_id", "id", "rule_id", "kind", "severity", "title", "path", "start_line", "status", "first_seen", "last_seen", "fixed_at", "last_scan_id", "data"],
      layer_cache: ["digest", "cache_key", "created_at", "used_at", "data"],
      schema_migrations: ["version", "name", "applied_at"],
    });
    expect(s.migrations).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(s.journal).toBe("wal");
  });

  it("re-opening is idempotent and keeps the data", async () => {
    const first = new SqliteStore(tmp.db);
    await first.recordScan(scan(1, findings(3)));
    await first.close();
    for (let i = 0; i < 3; i++) {
      const again = new SqliteStore(tmp.db);
      expect(await again.findings()).toHaveLength(3);
      await again.close();
    }
    expect(inspect(tmp.db).migrations).toHaveLength(MIGRATIONS.length);
  });

  it("refuse a store whose schema is newer than this build", async () => {
    await new SqliteStore(tmp.db).close();
    const raw = new Database(tmp.db);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(999, "from the future", "2030-01-01T00:00:00Z");
    raw.close();
    const open = () => new SqliteStore(tmp.db);
    expect(open).toThrow(InputError);
    expect(open).toThrow(`${tmp.db}: store schema version 999 is newer than this Mamori (${LATEST_SCHEMA_VERSION}); upgrade Mamori`);
  });

  it("refuse to add the schema to a database that is not a store", () => {
    const raw = new Database(tmp.db);
    raw.exec("CREATE TABLE advisories (id TEXT)");
    raw.close();
    expect(() => new SqliteStore(tmp.db)).toThrow(`${tmp.db}: not a Mamori store (it holds other tables, such as advisories)`);
  });

  it("apply each migration in its own transaction: a failing one leaves the previous version", () => {
    const db = new Database(":memory:");
    try {
      const steps = [
        { version: 1, name: "one", sql: "CREATE TABLE one (x INTEGER)" },
        { version: 2, name: "two", sql: "CREATE TABLE two (x INTEGER); INSERT INTO nowhere VALUES (1)" },
      ];
      expect(() => migrate(db, "mem", steps)).toThrow(/no such table: nowhere/);
      expect(db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get()).toEqual({ v: 1 });
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'two'").get()).toBeUndefined();

      // Fixed, it applies from where it stopped.
      migrate(db, "mem", [steps[0]!, { version: 2, name: "two", sql: "CREATE TABLE two (x INTEGER)" }]);
      expect(db.prepare("SELECT version FROM schema_migrations ORDER BY version").all()).toEqual([{ version: 1 }, { version: 2 }]);
    } finally {
      db.close();
    }
  });
});
