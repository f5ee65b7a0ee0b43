// A process killed in the middle of an import must leave the database as the previous import left
// it. The import runs in a real child process that kills itself (SIGKILL, no clean-up of any kind)
// part-way through its transaction, via importOsv's MAMORI_TEST_CRASH_AFTER_RECORDS hook. The
// child runs the compiled code in dist/ (npm test builds it first): plain node cannot import TypeScript.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { VulnDb } from "../../../src/vulndb/db.js";
import { osv, tempDir } from "./fixtures.js";

const compiled = resolve(import.meta.dirname, "../../../dist/vulndb/index.js");
const haveDist = existsSync(compiled);
if (!haveDist) console.warn(`skipping the vulnerability database crash test: ${compiled} is missing (run npm run build first)`);

const CHILD = `
import { VulnDb, importOsv } from ${JSON.stringify(pathToFileURL(compiled).href)};
const [dbPath, source] = process.argv.slice(2);
const db = VulnDb.open(dbPath, { create: true });
const r = await importOsv(db, source);
db.close();
process.stdout.write(JSON.stringify(r));
`;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
  writeFileSync(join(tmp.dir, "child.mjs"), CHILD);
});
afterEach(() => tmp.cleanup());

function importInChild(source: string, crashAfter?: number) {
  const env = { ...process.env };
  delete env.MAMORI_TEST_CRASH_AFTER_RECORDS;
  if (crashAfter !== undefined) env.MAMORI_TEST_CRASH_AFTER_RECORDS = String(crashAfter);
  return spawnSync(process.execPath, [join(tmp.dir, "child.mjs"), tmp.db, source], { env, encoding: "utf8", timeout: 60_000 });
}

function snapshot() {
  const db = VulnDb.open(tmp.db, { readonly: true });
  try {
    const { path: _path, ...status } = db.status();
    return { status, leftPad: db.advisories("npm", "left-pad"), rightPad: db.advisories("npm", "right-pad"), byAlias: db.recordsByAlias("CVE-2024-0007") };
  } finally {
    db.close();
  }
}

describe.skipIf(!haveDist)("crash safety of imports", () => {
  it("a process killed mid-import leaves the previous database, usable", () => {
    const first = join(tmp.dir, "first.json");
    writeFileSync(first, JSON.stringify(Array.from({ length: 200 }, (_, i) => osv(`A-${i}`, { aliases: [`CVE-2024-${String(i).padStart(4, "0")}`] }))));
    // The second feed updates the first 100 records (to another package) and adds 3,000 large ones
    // (~24 MB before the kill): the dying transaction overflows SQLite's page cache into the WAL.
    const second = join(tmp.dir, "second.json");
    writeFileSync(
      second,
      JSON.stringify([
        ...Array.from({ length: 100 }, (_, i) => osv(`A-${i}`, { modified: "2024-06-01T00:00:00Z", name: "right-pad" })),
        ...Array.from({ length: 3000 }, (_, i) => osv(`B-${i}`, { details: "y".repeat(8000) })),
      ]),
    );

    const ok = importInChild(first);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ imported: 200 });
    const before = snapshot();
    expect(before.leftPad).toHaveLength(200);

    const killed = importInChild(second, 2500);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stdout).toBe("");
    const wal = `${tmp.db}-wal`;
    expect(existsSync(wal) && statSync(wal).size).toBeGreaterThan(1_000_000);

    expect(snapshot()).toEqual(before);
    const raw = new Database(tmp.db, { readonly: true });
    try {
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(raw.prepare("SELECT COUNT(*) AS n FROM records").get()).toEqual({ n: 200 });
      expect(raw.prepare("SELECT COUNT(*) AS n FROM affected WHERE name = 'right-pad'").get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }

    const again = importInChild(second);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 3000, updated: 100 });
    const after = snapshot();
    expect(after.rightPad).toHaveLength(100);
    expect(after.leftPad).toHaveLength(3100);
  });
});
