// KEV and EPSS imports: the real CISA catalogue, the demo list, FIRST's CSV plain and gzipped,
// and files that are not what they claim.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { InputError } from "../../../src/core/errors.js";
import { VulnDb } from "../../../src/vulndb/db.js";
import { importEpss, importKev } from "../../../src/vulndb/enrich.js";
import { repoRoot, sharedData, tempDir } from "./fixtures.js";

const kevFile = join(sharedData, "kev", "known_exploited_vulnerabilities.json");
const haveKev = existsSync(kevFile);
if (!haveKev) console.warn(`skipping the real KEV import: ${kevFile} is absent`);

let tmp: ReturnType<typeof tempDir>;
let db: VulnDb;
beforeEach(() => {
  tmp = tempDir();
  db = VulnDb.open(tmp.db, { create: true });
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe("importKev", () => {
  it.skipIf(!haveKev)("imports CISA's catalogue", () => {
    const r = importKev(db, kevFile);
    expect(r).toMatchObject({ entries: 1404, skippedCount: 0 });
    expect(db.isKev("CVE-2025-48384")).toBe(true);
    expect(db.kev("CVE-2025-48384")).toMatchObject({ dateAdded: "2025-08-25", dueDate: "2025-09-15", vendor: "Git", product: "Git", knownRansomware: false });
    expect(db.status()).toMatchObject({ kevEntries: 1404, kevCatalogVersion: "2025.08.25" });
  });

  it("replaces the previous catalogue", () => {
    importKev(db, join(repoRoot, "demo", "kev.json"));
    expect(db.kev("CVE-2021-44228")?.knownRansomware).toBe(true);
    const smaller = join(tmp.dir, "kev.json");
    writeFileSync(smaller, JSON.stringify({ catalogVersion: "2", vulnerabilities: [{ cveID: "CVE-2023-44487" }, { cveID: "not-a-cve" }, null] }));
    const r = importKev(db, smaller);
    expect(r.entries).toBe(1);
    expect(r.skipped.map((s) => s.source)).toEqual([`${smaller}#1`, `${smaller}#2`]);
    expect(db.isKev("CVE-2021-44228")).toBe(false);
    expect(db.isKev("CVE-2023-44487")).toBe(true);
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["JSON of another kind", JSON.stringify({ items: [] }), /not a CISA KEV catalogue \(no "vulnerabilities" array\)/],
    ["entries without CVE ids", JSON.stringify({ vulnerabilities: [{ id: 1 }] }), /no entry has a cveID/],
  ])("refuses %s, keeping the previous data", (_what, text, message) => {
    importKev(db, join(repoRoot, "demo", "kev.json"));
    const file = join(tmp.dir, "bad.json");
    writeFileSync(file, text);
    expect(() => importKev(db, file)).toThrow(InputError);
    expect(() => importKev(db, file)).toThrow(message);
    expect(db.status().kevEntries).toBe(2);
  });
});

const EPSS_CSV = [
  "#model_version:v2023.03.01,score_date:2024-03-01T00:00:00+0000",
  "cve,epss,percentile",
  "CVE-2021-44228,0.97565,0.99996",
  "CVE-2023-44487,0.72,0.98",
  "CVE-1999-0001,0.0107,0.8237",
  "CVE-2024-0001,1.5,0.5",
  "garbage",
  "",
].join("\r\n");

describe("importEpss", () => {
  it.each([
    ["plain CSV", "epss.csv", Buffer.from(EPSS_CSV)],
    ["gzipped CSV", "epss_scores-2024-03-01.csv.gz", gzipSync(EPSS_CSV)],
    ["gzipped CSV without the .gz name", "epss.csv", gzipSync(EPSS_CSV)],
  ])("reads %s", async (_what, name, bytes) => {
    const file = join(tmp.dir, name);
    writeFileSync(file, bytes);
    const r = await importEpss(db, file);
    expect(r).toMatchObject({ entries: 3, skippedCount: 2, scoreDate: "2024-03-01T00:00:00+0000", modelVersion: "v2023.03.01" });
    expect(r.skipped.map((s) => s.source)).toEqual([`${file}:6`, `${file}:7`]);
    expect(db.epss("CVE-2021-44228")).toBe(0.97565);
    expect(db.epssEntry("CVE-1999-0001")).toEqual({ cveId: "CVE-1999-0001", score: 0.0107, percentile: 0.8237, date: "2024-03-01" });
    expect(db.epss("CVE-2024-0001")).toBeUndefined();
    expect(db.status()).toMatchObject({ epssEntries: 3, epssScoreDate: "2024-03-01T00:00:00+0000" });
  });

  it.each([
    ["a CSV of another kind", Buffer.from("name,value\na,1\n"), /not an EPSS CSV/],
    ["an empty file", Buffer.alloc(0), /not an EPSS CSV/],
    ["damaged gzip", gzipSync(EPSS_CSV).subarray(0, 40), /unexpected end of file|damaged gzip/],
  ])("refuses %s, keeping the previous scores", async (_what, bytes, message) => {
    const good = join(tmp.dir, "good.csv");
    writeFileSync(good, EPSS_CSV);
    await importEpss(db, good);
    const file = join(tmp.dir, "bad.csv");
    writeFileSync(file, bytes);
    const err = await importEpss(db, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(file);
    expect(db.status().epssEntries).toBe(3);
  });

  it("refuses a missing file", async () => {
    await expect(importEpss(db, join(tmp.dir, "nope.csv"))).rejects.toThrow(/nope\.csv: no such file or directory/);
  });
});
