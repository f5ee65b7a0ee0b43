import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { InputError, NotAvailableError } from "../../src/core/errors.js";
import { assetId, defaultStorePath, openStore, parseStoreUrl } from "../../src/store/index.js";
import { tempDir } from "./fixtures.js";

describe("parseStoreUrl", () => {
  it.each([
    ["sqlite:/var/lib/mamori/m.db", { kind: "sqlite", path: "/var/lib/mamori/m.db" }],
    ["sqlite:rel/m.db", { kind: "sqlite", path: "rel/m.db" }],
    ["sqlite:///var/lib/mamori/m.db", { kind: "sqlite", path: "/var/lib/mamori/m.db" }],
    ["sqlite://rel/m.db", { kind: "sqlite", path: "rel/m.db" }],
    ["SQLITE:/x.db", { kind: "sqlite", path: "/x.db" }],
    ["sqlite::memory:", { kind: "sqlite", path: ":memory:" }],
    ["sqlite:~/m.db", { kind: "sqlite", path: join(homedir(), "m.db") }],
    ["/abs/m.db", { kind: "sqlite", path: "/abs/m.db" }],
    ["./m.db", { kind: "sqlite", path: "./m.db" }],
    ["m.db", { kind: "sqlite", path: "m.db" }],
    ["postgres://u:p@db:5432/mamori", { kind: "postgres", url: "postgres://u:p@db:5432/mamori" }],
    ["postgresql://db/mamori?sslmode=require", { kind: "postgres", url: "postgresql://db/mamori?sslmode=require" }],
  ])("%s", (url, expected) => {
    expect(parseStoreUrl(url)).toEqual(expected);
  });

  it.each([
    ["mysql://db/mamori", "mysql://db/mamori: unsupported store URL"],
    ["sqlite:", "sqlite:: the store URL names no file"],
    ["sqlite://", "sqlite://: the store URL names no file"],
    ["", ": the store URL names no file"],
  ])("refuses %j", (url, message) => {
    expect(() => parseStoreUrl(url)).toThrow(InputError);
    expect(() => parseStoreUrl(url)).toThrow(message);
  });
});

describe("defaultStorePath", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.MAMORI_HOME;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.MAMORI_HOME;
    else process.env.MAMORI_HOME = saved;
  });

  it("is ~/.mamori/mamori.db, or $MAMORI_HOME/mamori.db", () => {
    delete process.env.MAMORI_HOME;
    expect(defaultStorePath()).toBe(join(homedir(), ".mamori", "mamori.db"));
    process.env.MAMORI_HOME = "/opt/mamori-home";
    expect(defaultStorePath()).toBe("/opt/mamori-home/mamori.db");
    process.env.MAMORI_HOME = "";
    expect(defaultStorePath()).toBe(join(homedir(), ".mamori", "mamori.db"));
  });

  it("is what openStore() opens without a URL", async () => {
    const tmp = tempDir();
    process.env.MAMORI_HOME = join(tmp.dir, "home");
    try {
      const store = await openStore();
      expect(store.location).toBe(`sqlite:${join(tmp.dir, "home", "mamori.db")}`);
      await store.close();
      expect(existsSync(join(tmp.dir, "home", "mamori.db"))).toBe(true);
    } finally {
      tmp.cleanup();
    }
  });
});

describe("openStore", () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => {
    chmodSync(tmp.dir, 0o700);
    tmp.cleanup();
  });

  it("creates the file and its directory (owner-only) from a sqlite: URL", async () => {
    const path = join(tmp.dir, "deep", "er", "m.db");
    const store = await openStore(`sqlite:${path}`);
    expect(store.location).toBe(`sqlite:${path}`);
    expect(await store.assets()).toEqual([]);
    await store.close();
    expect(statSync(join(tmp.dir, "deep", "er")).mode & 0o777).toBe(0o700);
    expect(existsSync(path)).toBe(true);
  });

  it("reports PostgreSQL as not available yet", async () => {
    await expect(openStore("postgres://db/mamori")).rejects.toThrow(NotAvailableError);
    await expect(openStore("postgresql://db/mamori")).rejects.toThrow("the PostgreSQL store is not available yet: it comes with the scale-out issue");
  });

  /** A real store file whose first page (the schema's root) is overwritten past the header. */
  const writeCorrupt = (path: string) => {
    const raw = new Database(path);
    raw.exec("CREATE TABLE t (x TEXT)");
    raw.close();
    const bytes = readFileSync(path);
    bytes.fill(0xff, 100, 4096);
    writeFileSync(path, bytes);
  };

  it.each([
    {
      name: "a path whose parent is a file",
      setup: (dir: string) => {
        writeFileSync(join(dir, "file"), "x");
        return join(dir, "file", "m.db");
      },
      cause: /: cannot open the store: \/.*\/file: not a directory$/,
    },
    {
      name: "a file that is not a SQLite database",
      setup: (dir: string) => {
        writeFileSync(join(dir, "junk.db"), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
        return join(dir, "junk.db");
      },
      cause: /: cannot open the store: not a SQLite database$/,
    },
    {
      name: "a corrupt SQLite database",
      setup: (dir: string) => {
        writeCorrupt(join(dir, "bad.db"));
        return join(dir, "bad.db");
      },
      cause: /: cannot open the store: the database file is corrupt$/,
    },
    {
      name: "a directory",
      setup: (dir: string) => {
        mkdirSync(join(dir, "adir"));
        return join(dir, "adir");
      },
      cause: /: cannot open the store: cannot open the file/,
    },
  ])("refuses $name with one line naming the path", async ({ setup, cause }) => {
    const path = setup(tmp.dir);
    const err = await openStore(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const message = (err as Error).message;
    expect(message.startsWith(`${path}: `)).toBe(true);
    expect(message).toMatch(cause);
    expect(message).not.toContain("\n");
  });

  it.skipIf(process.getuid?.() === 0)("refuses a directory it may not write to", async () => {
    chmodSync(tmp.dir, 0o500);
    const path = join(tmp.dir, "m.db");
    await expect(openStore(path)).rejects.toThrow(InputError);
    await expect(openStore(path)).rejects.toThrow(`${path}: cannot open the store: `);
  });
});

describe("assetId", () => {
  it("is 32 hex characters, stable, and differs by type and name", () => {
    const id = assetId("fs", "/srv/app");
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(assetId("fs", "/srv/app")).toBe(id);
    expect(assetId("iac", "/srv/app")).not.toBe(id);
    expect(assetId("fs", "/srv/app2")).not.toBe(id);
  });
});
