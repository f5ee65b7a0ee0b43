// The database file: where it lives, how it opens (and refuses to), names, timestamps, status, staleness.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { InputError } from "../../../src/core/errors.js";
import {
  VULNDB_SCHEMA_VERSION,
  VulnDb,
  compareModified,
  defaultVulnDbPath,
  ecosystemBase,
  packageNameKey,
  resolveVulnDbPath,
} from "../../../src/vulndb/db.js";
import { dbAgeDays, dbIsStale } from "../../../src/vulndb/index.js";
import type { DbStatus } from "../../../src/vulndb/types.js";
import { osv, tempDir } from "./fixtures.js";

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe("where the database lives", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.MAMORI_HOME;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.MAMORI_HOME;
    else process.env.MAMORI_HOME = saved;
  });

  it("is $MAMORI_HOME/vulndb.db, else ~/.mamori/vulndb.db, and --db overrides", () => {
    process.env.MAMORI_HOME = "/srv/mamori";
    expect(defaultVulnDbPath()).toBe("/srv/mamori/vulndb.db");
    expect(resolveVulnDbPath(undefined)).toBe("/srv/mamori/vulndb.db");
    delete process.env.MAMORI_HOME;
    expect(defaultVulnDbPath()).toBe(join(homedir(), ".mamori", "vulndb.db"));
    expect(resolveVulnDbPath("~/x/v.db")).toBe(join(homedir(), "x", "v.db"));
    expect(resolveVulnDbPath("rel/v.db")).toBe("rel/v.db");
  });
});

describe("VulnDb.open", () => {
  it("creates the file and its directory only when asked", () => {
    const path = join(tmp.dir, "a", "b", "vulndb.db");
    expect(() => VulnDb.open(path)).toThrow(InputError);
    expect(() => VulnDb.open(path, { readonly: true })).toThrow(/no vulnerability database here/);
    expect(existsSync(path)).toBe(false);
    VulnDb.open(path, { create: true }).close();
    const db = VulnDb.open(path, { readonly: true });
    expect(db.status()).toMatchObject({ schemaVersion: VULNDB_SCHEMA_VERSION, totalRecords: 0, kevEntries: 0, epssEntries: 0 });
    expect(() => db.beginWrite()).toThrow(/opened read-only/);
    db.close();
  });

  it.each([
    ["a file that is not SQLite", (p: string) => writeFileSync(p, "x".repeat(4096)), /cannot open the vulnerability database: not a SQLite database/],
    [
      "another application's database",
      (p: string) => {
        const d = new Database(p);
        d.exec("CREATE TABLE customers (id INTEGER)");
        d.close();
      },
      /not a Mamori vulnerability database \(it holds other tables, such as customers\)/,
    ],
    [
      "a database from a newer Mamori",
      (p: string) => {
        VulnDb.open(p, { create: true }).close();
        const d = new Database(p);
        d.prepare("INSERT INTO schema_migrations VALUES (?, 'future', 'x')").run(VULNDB_SCHEMA_VERSION + 1);
        d.close();
      },
      /schema version \d+ is newer than this Mamori/,
    ],
  ])("refuses %s with one line naming it", (_what, make, message) => {
    make(tmp.db);
    for (const options of [{ create: true }, { readonly: true }]) {
      const err = (() => {
        try {
          VulnDb.open(tmp.db, options).close();
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).toContain(tmp.db);
    }
  });

  it("refuses an empty file opened read-only, and makes a database of it when asked", () => {
    writeFileSync(tmp.db, "");
    expect(() => VulnDb.open(tmp.db, { readonly: true })).toThrow(/not a Mamori vulnerability database/);
    VulnDb.open(tmp.db, { create: true }).close();
    expect(VulnDb.open(tmp.db, { readonly: true }).status().schemaVersion).toBe(VULNDB_SCHEMA_VERSION);
  });

  it("reads while another connection holds an import open (WAL)", () => {
    const writerDb = VulnDb.open(tmp.db, { create: true });
    const w = writerDb.beginWrite();
    w.put(osv("A-1"));
    w.commit();
    const w2 = writerDb.beginWrite();
    w2.put(osv("A-2"));
    const reader = VulnDb.open(tmp.db, { readonly: true });
    expect(reader.advisories("npm", "left-pad").map((r) => r.id)).toEqual(["A-1"]);
    w2.rollback();
    reader.close();
    writerDb.close();
  });
});

describe("names and timestamps", () => {
  it.each([
    ["PyPI", "Requests_OAuthlib", "requests-oauthlib"],
    ["PyPI", "zope.interface", "zope-interface"],
    ["PyPI", "a-_.b", "a-b"],
    ["NuGet", "Newtonsoft.Json", "newtonsoft.json"],
    ["npm", "@Scope/Pkg", "@Scope/Pkg"],
    ["Go", "github.com/Masterminds/semver", "github.com/Masterminds/semver"],
    ["Debian:12", "OpenSSL", "OpenSSL"],
  ])("%s name %s is stored under %s", (eco, name, key) => {
    expect(packageNameKey(eco, name)).toBe(key);
  });

  it.each([
    ["Debian:12", "Debian"],
    ["Ubuntu:22.04:LTS", "Ubuntu"],
    ["npm", "npm"],
    ["Root:Alpine:3.18", "Root"],
  ])("%s groups under %s", (eco, base) => {
    expect(ecosystemBase(eco)).toBe(base);
  });

  it.each([
    ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000001Z", -1],
    ["2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00Z", 1],
    ["2024-01-01T00:00:00.100Z", "2024-01-01T00:00:00.1Z", 0],
    ["2024-01-01T01:00:00+01:00", "2024-01-01T00:00:00Z", 0],
    ["0001-01-01T00:00:00Z", "2021-04-14T20:04:52Z", -1],
    ["2023-07-25T16:31:58.309647Z", "2023-07-25T16:31:58.309646Z", 1],
  ])("compareModified(%s, %s) has sign %i", (a, b, sign) => {
    expect(Math.sign(compareModified(a, b))).toBe(sign);
  });
});

describe("KEV and EPSS lookups", () => {
  it("answers membership and scores", () => {
    const db = VulnDb.open(tmp.db, { create: true });
    const w = db.beginWrite();
    w.addKev({ cveId: "CVE-2021-44228", dateAdded: "2021-12-10", knownRansomware: true, vendor: "Apache" });
    w.addEpss({ cveId: "CVE-2021-44228", score: 0.97, percentile: 0.999, date: "2024-01-01" });
    w.commit();
    expect(db.isKev("CVE-2021-44228")).toBe(true);
    expect(db.isKev("CVE-2000-0001")).toBe(false);
    expect(db.kev("CVE-2021-44228")).toEqual({ cveId: "CVE-2021-44228", dateAdded: "2021-12-10", knownRansomware: true, vendor: "Apache" });
    expect(db.epss("CVE-2021-44228")).toBe(0.97);
    expect(db.epss("CVE-2000-0001")).toBeUndefined();
    expect(db.status()).toMatchObject({ kevEntries: 1, epssEntries: 1 });
    db.close();
  });
});

describe("staleness", () => {
  const base: DbStatus = { path: "x", schemaVersion: 1, ecosystems: [], totalRecords: 1, kevEntries: 0, epssEntries: 0 };
  const now = new Date("2026-03-10T12:00:00Z");

  it.each([
    ["imported today", { importedAt: "2026-03-10T08:00:00Z" }, false],
    ["imported 7 days ago", { importedAt: "2026-03-03T12:00:00Z" }, false],
    ["imported 8 days ago", { importedAt: "2026-03-02T11:00:00Z" }, true],
    ["never imported, newest record recent", { ecosystems: [{ ecosystem: "npm", records: 1, newestModified: "2026-03-09T00:00:00Z" }] }, false],
    ["never imported, newest record old", { ecosystems: [{ ecosystem: "npm", records: 1, newestModified: "2025-01-01T00:00:00Z" }] }, true],
    ["no date at all", {}, true],
  ])("%s → stale %s", (_what, extra, stale) => {
    expect(dbIsStale({ ...base, ...extra }, now)).toBe(stale);
  });

  it("gives the age in days", () => {
    expect(dbAgeDays({ ...base, importedAt: "2026-03-07T12:00:00Z" }, now)).toBe(3);
  });
});
