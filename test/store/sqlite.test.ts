import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { InputError } from "../../src/core/errors.js";
import type { Finding } from "../../src/core/model.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { assetId } from "../../src/store/index.js";
import { finding, findings, scan, tempDir } from "./fixtures.js";

let tmp: ReturnType<typeof tempDir>;
let store: SqliteStore;

beforeEach(() => {
  tmp = tempDir();
  store = new SqliteStore(tmp.db);
});
afterEach(async () => {
  await store.close();
  tmp.cleanup();
});

const ids = (list: { id: string }[]) => list.map((f) => f.id);
const byId = async () => new Map((await store.findings()).map((s) => [s.finding.id, s]));

describe("recordScan: the life of a finding", () => {
  it("first scan: every finding is new and first seen now", async () => {
    const s1 = scan(1, findings(5));
    const out = await store.recordScan(s1);
    expect(out.scanId).toBe(1);
    expect(out.assetId).toBe(assetId("iac", "/srv/app"));
    expect(out.previousScanAt).toBeUndefined();
    expect(out.newIds).toEqual(["f0", "f1", "f2", "f3", "f4"]);
    expect(out.fixed).toEqual([]);
    expect(out.firstSeen).toEqual(Object.fromEntries(ids(s1.findings).map((id) => [id, s1.finishedAt])));

    const stored = await store.findings();
    expect(stored).toHaveLength(5);
    for (const s of stored) {
      expect(s).toMatchObject({ status: "open", firstSeen: s1.finishedAt, lastSeen: s1.finishedAt, assetType: "iac", assetName: "/srv/app" });
      expect(s.fixedAt).toBeUndefined();
      expect(s.finding).toEqual(finding(s.finding.id));
    }
    expect(await store.scans()).toEqual([
      {
        id: 1,
        assetId: out.assetId,
        target: { type: "iac", name: "./app" },
        startedAt: s1.startedAt,
        finishedAt: s1.finishedAt,
        toolVersion: "0.1.0-test",
        findingCount: 5,
        newCount: 5,
        fixedCount: 0,
      },
    ]);
  });

  it("an identical second scan: nothing new, nothing fixed, one asset, two scans", async () => {
    const s1 = scan(1, findings(5));
    await store.recordScan(s1);
    const out = await store.recordScan(scan(2, findings(5)));
    expect(out).toMatchObject({ scanId: 2, previousScanAt: s1.finishedAt, newIds: [], fixed: [] });
    expect(Object.values(out.firstSeen)).toEqual(Array(5).fill(s1.finishedAt));

    const assets = await store.assets();
    expect(assets).toEqual([
      { id: out.assetId, type: "iac", name: "/srv/app", firstSeen: s1.finishedAt, lastScanAt: scan(2, []).finishedAt, openFindings: 5 },
    ]);
    const scans = await store.scans();
    expect(scans.map((s) => [s.id, s.findingCount, s.newCount, s.fixedCount])).toEqual([
      [2, 5, 0, 0],
      [1, 5, 5, 0],
    ]);
    for (const s of await store.findings()) expect(s.lastSeen).toBe(scan(2, []).finishedAt);
  });

  it("a dropped finding is fixed; seen again, it is new again (reopened) with its first sighting kept", async () => {
    const s1 = scan(1, findings(4));
    await store.recordScan(s1);

    const s2 = scan(2, findings(4).filter((f) => f.id !== "f2"));
    const out2 = await store.recordScan(s2);
    expect(out2.newIds).toEqual([]);
    expect(out2.fixed).toEqual([
      { id: "f2", ruleId: finding("f2").ruleId, severity: finding("f2").severity, title: "problem f2", location: finding("f2").location },
    ]);
    let f2 = (await byId()).get("f2");
    expect(f2).toMatchObject({ status: "fixed", fixedAt: s2.finishedAt, lastSeen: s1.finishedAt });
    expect((await store.assets())[0]?.openFindings).toBe(3);
    expect((await store.scans({ limit: 1 }))[0]).toMatchObject({ findingCount: 3, newCount: 0, fixedCount: 1 });

    // Still absent: already fixed, so not reported as fixed a second time.
    const out3 = await store.recordScan(scan(3, s2.findings));
    expect(out3.fixed).toEqual([]);

    const s4 = scan(4, findings(4));
    const out4 = await store.recordScan(s4);
    expect(out4.newIds).toEqual(["f2"]);
    expect(out4.fixed).toEqual([]);
    expect(out4.firstSeen.f2).toBe(s1.finishedAt);
    f2 = (await byId()).get("f2");
    expect(f2).toMatchObject({ status: "open", lastSeen: s4.finishedAt, firstSeen: s1.finishedAt });
    expect(f2?.fixedAt).toBeUndefined();
  });

  it("firstSeen stays the first sighting across many scans", async () => {
    await store.recordScan(scan(1, findings(2)));
    await store.recordScan(scan(2, findings(3)));
    const out = await store.recordScan(scan(3, findings(3)));
    expect(out.firstSeen).toEqual({ f0: scan(1, []).finishedAt, f1: scan(1, []).finishedAt, f2: scan(2, []).finishedAt });
    const stored = await byId();
    expect(stored.get("f0")?.firstSeen).toBe(scan(1, []).finishedAt);
    expect(stored.get("f2")?.firstSeen).toBe(scan(2, []).finishedAt);
  });

  it("suppressed findings are stored as suppressed, not counted open, and fixed when gone", async () => {
    const suppressed = { reason: "accepted risk", source: ".mamoriignore:3" };
    await store.recordScan(scan(1, [finding("f0"), finding("f1", { suppressed })]));
    let stored = await byId();
    expect(stored.get("f0")?.status).toBe("open");
    expect(stored.get("f1")?.status).toBe("suppressed");
    expect(stored.get("f1")?.finding.suppressed).toEqual(suppressed);
    expect((await store.assets())[0]?.openFindings).toBe(1);

    // The ignore rule removed: the same finding becomes open, and is not new.
    const out2 = await store.recordScan(scan(2, [finding("f0"), finding("f1")]));
    expect(out2.newIds).toEqual([]);
    stored = await byId();
    expect(stored.get("f1")?.status).toBe("open");
    expect(stored.get("f1")?.finding.suppressed).toBeUndefined();

    await store.recordScan(scan(3, [finding("f0"), finding("f1", { suppressed })]));
    const out4 = await store.recordScan(scan(4, [finding("f0")]));
    expect(ids(out4.fixed)).toEqual(["f1"]);
  });

  it("stores the finding without the store-derived firstSeen and isNew", async () => {
    await store.recordScan(scan(1, [finding("f0", { firstSeen: "1999-01-01T00:00:00.000Z", isNew: false })]));
    const [stored] = await store.findings();
    expect(stored?.finding).toEqual(finding("f0"));
    expect(stored?.finding).not.toHaveProperty("firstSeen");
    expect(stored?.finding).not.toHaveProperty("isNew");
    expect(stored?.firstSeen).toBe(scan(1, []).finishedAt);
  });

  it("keeps two assets apart, even with equal fingerprints", async () => {
    const a = await store.recordScan(scan(1, findings(3), "/srv/a"));
    const b = await store.recordScan(scan(2, findings(3), "/srv/b"));
    expect(a.assetId).not.toBe(b.assetId);
    expect(b.newIds).toEqual(["f0", "f1", "f2"]);
    expect(b.previousScanAt).toBeUndefined();

    const outA = await store.recordScan(scan(3, findings(1), "/srv/a"));
    expect(ids(outA.fixed)).toEqual(["f1", "f2"]);
    expect(await store.findings({ assetId: b.assetId, status: ["open"] })).toHaveLength(3);
    expect(await store.findings({ assetId: a.assetId, status: ["open"] })).toHaveLength(1);
    expect((await store.assets()).map((x) => [x.name, x.openFindings])).toEqual([
      ["/srv/a", 1],
      ["/srv/b", 3],
    ]);
    expect((await store.scans({ assetId: b.assetId })).map((s) => s.id)).toEqual([2]);
  });

  it("counts a repeated id in one scan once (the first wins)", async () => {
    const out = await store.recordScan(scan(1, [finding("f0"), finding("f0", { title: "again" }), finding("f1")]));
    expect(out.newIds).toEqual(["f0", "f1"]);
    expect((await byId()).get("f0")?.finding.title).toBe("problem f0");
    expect((await store.scans())[0]?.findingCount).toBe(2);
  });
});

describe("queries", () => {
  beforeEach(async () => {
    await store.recordScan(scan(1, findings(10), "/srv/a"));
    await store.recordScan(scan(2, findings(4), "/srv/a")); // f4..f9 fixed
    await store.recordScan(scan(3, findings(5, 100, { suppressed: { reason: "r", source: "s" } }), "/srv/b"));
  });

  const a = assetId("iac", "/srv/a");
  const cases: { name: string; query: Parameters<SqliteStore["findings"]>[0]; expected: string[] }[] = [
    { name: "one asset", query: { assetId: a, status: ["open"] }, expected: ["f0", "f1", "f2", "f3"] },
    { name: "fixed, worst first, then by rule", query: { status: ["fixed"] }, expected: ["f5", "f6", "f7", "f8", "f9", "f4"] },
    { name: "suppressed and severe", query: { status: ["suppressed"], severity: ["critical", "high"] }, expected: ["f100", "f101"] },
    { name: "open and middling", query: { status: ["open"], severity: ["medium", "low"] }, expected: ["f2", "f3"] },
    { name: "no status at all", query: { status: [] }, expected: [] },
    { name: "limit and offset", query: { status: ["open"], limit: 2, offset: 1 }, expected: ["f1", "f2"] },
    { name: "offset alone", query: { assetId: a, status: ["open"], offset: 3 }, expected: ["f3"] },
  ];
  it.each(cases)("findings: $name", async ({ query, expected }) => {
    expect((await store.findings(query)).map((s) => s.finding.id)).toEqual(expected);
  });

  it("findings: everything, worst first", async () => {
    const all = await store.findings();
    expect(all.map((s) => s.finding.severity)).toEqual(["critical", "high", "medium", "low", "info"].flatMap((sev) => Array(3).fill(sev)));
    expect(all.filter((s) => s.assetName === "/srv/b").every((s) => s.status === "suppressed")).toBe(true);
  });

  it("rejects a negative or fractional limit", async () => {
    await expect(store.findings({ limit: -1 })).rejects.toThrow(/limit must be a non-negative integer/);
    await expect(store.scans({ limit: 1.5 })).rejects.toThrow(/limit must be a non-negative integer/);
  });

  it("scans: newest first, by asset, limited", async () => {
    expect((await store.scans()).map((s) => s.id)).toEqual([3, 2, 1]);
    expect((await store.scans({ assetId: a })).map((s) => s.id)).toEqual([2, 1]);
    expect((await store.scans({ limit: 1 })).map((s) => s.id)).toEqual([3]);
  });

  it("assets: most recently scanned first, counting open findings only", async () => {
    expect((await store.assets()).map((x) => [x.name, x.openFindings])).toEqual([
      ["/srv/b", 0],
      ["/srv/a", 4],
    ]);
  });
});

describe("atomicity within the process", () => {
  it("an exception part-way through a scan rolls the whole scan back", async () => {
    await store.recordScan(scan(1, findings(3)));
    const before = { findings: await store.findings(), assets: await store.assets(), scans: await store.scans() };

    const poisoned: Finding[] = [...findings(50, 10), finding("f99", { snippet: 10n as unknown as string }), ...findings(5, 200)];
    await expect(store.recordScan(scan(2, poisoned))).rejects.toThrow(TypeError);

    expect({ findings: await store.findings(), assets: await store.assets(), scans: await store.scans() }).toEqual(before);
    const raw = new Database(tmp.db, { readonly: true });
    try {
      expect(raw.prepare("SELECT COUNT(*) AS n FROM findings").get()).toEqual({ n: 3 });
      expect(raw.prepare("SELECT COUNT(*) AS n FROM scans").get()).toEqual({ n: 1 });
    } finally {
      raw.close();
    }

    // And the store goes on working.
    const out = await store.recordScan(scan(3, findings(4)));
    expect(out).toMatchObject({ scanId: 2, newIds: ["f3"], fixed: [] });
  });
});

describe("a store another process holds locked", () => {
  it("gives up after the busy timeout with an InputError, and leaves nothing behind", async () => {
    await store.recordScan(scan(1, findings(2)));
    const other = new Database(tmp.db);
    other.exec("BEGIN IMMEDIATE");
    try {
      const err = await store.recordScan(scan(2, findings(3))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toBe(`${tmp.db}: cannot record the scan: the database is locked by another process`);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(await store.scans()).toHaveLength(1);
    expect((await store.recordScan(scan(3, findings(3)))).newIds).toEqual(["f2"]);
  }, 20_000);
});

describe("performance", () => {
  it("records 20,000 findings, then re-records them, well within seconds", async () => {
    const many = findings(20_000, 0, { snippet: "resource \"aws_s3_bucket\" \"b\" { acl = \"public-read\" }" });
    const t0 = performance.now();
    const first = await store.recordScan(scan(1, many));
    const t1 = performance.now();
    const second = await store.recordScan(scan(2, many.slice(1000)));
    const t2 = performance.now();
    expect(first.newIds).toHaveLength(20_000);
    expect(second.fixed).toHaveLength(1000);
    expect(t1 - t0).toBeLessThan(10_000);
    expect(t2 - t1).toBeLessThan(10_000);
  });
});

describe("layer cache", () => {
  it("stores, returns and replaces a layer's cached analysis by digest and key", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "mamori-layercache-"));
    try {
      const store = new SqliteStore(join(dir, "s.db"));
      expect(await store.getLayerCache("sha256:aa", "k1")).toBeUndefined();
      await store.putLayerCache("sha256:aa", "k1", Buffer.from("first"));
      await store.putLayerCache("sha256:aa", "k2", Buffer.from("other key"));
      expect((await store.getLayerCache("sha256:aa", "k1"))?.toString()).toBe("first");
      await store.putLayerCache("sha256:aa", "k1", Buffer.from("second"));
      expect((await store.getLayerCache("sha256:aa", "k1"))?.toString()).toBe("second");
      expect((await store.getLayerCache("sha256:aa", "k2"))?.toString()).toBe("other key");
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
