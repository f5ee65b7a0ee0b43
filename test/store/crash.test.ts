// A process killed in the middle of recording a scan must leave the store as the previous scan
// left it. The scan runs in a real child process, which kills itself (SIGKILL, no clean-up of any
// kind) part-way through the transaction via the store's MAMORI_TEST_CRASH_AFTER_FINDINGS hook.
// The child runs the compiled store from dist/ (npm test builds it first), since plain node
// cannot import TypeScript.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import type { ScanRecord } from "../../src/store/types.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { findings, scan, tempDir } from "./fixtures.js";

const compiled = resolve(import.meta.dirname, "../../dist/store/sqlite.js");
const haveDist = existsSync(compiled);
if (!haveDist) console.warn(`skipping the crash test: ${compiled} is missing (run npm run build first)`);

const CHILD = `
import { readFileSync } from "node:fs";
import { SqliteStore } from ${JSON.stringify(pathToFileURL(compiled).href)};
const [dbPath, scanPath] = process.argv.slice(2);
const store = new SqliteStore(dbPath);
const outcome = await store.recordScan(JSON.parse(readFileSync(scanPath, "utf8")));
await store.close();
process.stdout.write(JSON.stringify(outcome));
`;

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
  writeFileSync(join(tmp.dir, "child.mjs"), CHILD);
});
afterEach(() => tmp.cleanup());

function recordInChild(record: ScanRecord, crashAfter?: number) {
  const scanPath = join(tmp.dir, `scan-${record.finishedAt.replace(/\W/g, "")}.json`);
  writeFileSync(scanPath, JSON.stringify(record));
  const env = { ...process.env };
  delete env.MAMORI_TEST_CRASH_AFTER_FINDINGS;
  if (crashAfter !== undefined) env.MAMORI_TEST_CRASH_AFTER_FINDINGS = String(crashAfter);
  return spawnSync(process.execPath, [join(tmp.dir, "child.mjs"), tmp.db, scanPath], { env, encoding: "utf8", timeout: 30_000 });
}

async function snapshot(path: string) {
  const store = new SqliteStore(path);
  try {
    return { findings: await store.findings(), assets: await store.assets(), scans: await store.scans() };
  } finally {
    await store.close();
  }
}

describe.skipIf(!haveDist)("crash safety", () => {
  it("a process killed mid-scan leaves the previous scan's state, and the store usable", async () => {
    // Large snippets (~20 MB before the kill), so the dying transaction overflows SQLite's page
    // cache (16 MB in better-sqlite3) into the WAL: recovery must really discard uncommitted frames.
    const first = findings(200, 0, { snippet: "x".repeat(2000) });
    const second = [...findings(100, 0, { snippet: "changed" }), ...findings(3000, 1000, { snippet: "y".repeat(8000) })];

    const ok = recordInChild(scan(1, first));
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).newIds).toHaveLength(200);
    const before = await snapshot(tmp.db);
    expect(before.findings).toHaveLength(200);

    const killed = recordInChild(scan(2, second), 2500);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stdout).toBe("");
    const wal = `${tmp.db}-wal`;
    expect(existsSync(wal) && statSync(wal).size).toBeGreaterThan(1_000_000);

    expect(await snapshot(tmp.db)).toEqual(before);
    const raw = new Database(tmp.db, { readonly: true });
    try {
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(raw.prepare("SELECT COUNT(*) AS n FROM findings").get()).toEqual({ n: 200 });
      expect(raw.prepare("SELECT COUNT(*) AS n FROM scans").get()).toEqual({ n: 1 });
      expect(raw.prepare("SELECT COUNT(*) AS n FROM findings WHERE data LIKE '%changed%' OR last_scan_id <> 1").get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }

    const store = new SqliteStore(tmp.db);
    try {
      const out = await store.recordScan(scan(3, second));
      expect(out.scanId).toBe(2);
      expect(out.previousScanAt).toBe(scan(1, []).finishedAt);
      expect(out.newIds).toHaveLength(3000);
      expect(out.fixed.map((f) => f.id)).toEqual(findings(100, 100).map((f) => f.id).sort());
      expect(await store.scans()).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
