// Imports the real public feeds in ../shared/data/osv (Go vulndb, RustSec, the PyPI advisory
// database in YAML): counts, incremental re-import, opening speed and import speed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { VulnDb } from "../../../src/vulndb/db.js";
import { importOsv, type ImportResult } from "../../../src/vulndb/import.js";
import { haveOsvData, osvData, tempDir } from "./fixtures.js";

if (!haveOsvData) console.warn(`skipping the real-data import tests: ${osvData} is absent (see ../shared/data/SOURCES.md)`);

describe.skipIf(!haveOsvData)("importing the real OSV feeds", () => {
  let tmp: ReturnType<typeof tempDir>;
  const first: Record<string, ImportResult> = {};
  let importSeconds = 0;

  beforeAll(async () => {
    tmp = tempDir();
    const db = VulnDb.open(tmp.db, { create: true });
    try {
      const t0 = performance.now();
      for (const feed of ["go", "rustsec", "pypi"]) first[feed] = await importOsv(db, join(osvData, feed));
      importSeconds = (performance.now() - t0) / 1000;
    } finally {
      db.close();
    }
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const total = Object.values(first).reduce((n, r) => n + r.imported, 0);
    console.log(`real-data import: ${total} records in ${importSeconds.toFixed(2)} s; peak RSS of the test process ${rssMb.toFixed(0)} MB`);
  });
  afterAll(() => tmp.cleanup());

  it("stores every record, and skips only the files that are not records", () => {
    // Withdrawn records are stored as tombstones that never match, and counted apart.
    for (const [feed, files] of [["go", 4291], ["rustsec", 1206]] as const) {
      const r = first[feed];
      expect(r?.updated).toBe(0);
      expect(r?.unchanged).toBe(0);
      expect(r?.withdrawn).toBeGreaterThan(0);
      expect((r?.imported ?? 0) + (r?.withdrawn ?? 0)).toBe(files);
    }
    expect((first.pypi?.imported ?? 0) + (first.pypi?.withdrawn ?? 0)).toBe(2661);
    // go/LICENSE, rustsec/LICENSE, pypi/LICENSE and pypi/.id-allocator.
    const skipped = Object.values(first).flatMap((r) => r.skipped);
    expect(skipped.map((s) => s.source.replace(/^.*\/osv\//, "")).sort()).toEqual(["go/LICENSE", "pypi/.id-allocator", "pypi/LICENSE", "rustsec/LICENSE"]);
    for (const s of skipped) expect(s.reason).toMatch(/not an OSV file/);
  });

  it("imports within the time budget (target 5 s; asserted 15 s for CI headroom)", () => {
    expect(importSeconds).toBeLessThan(15);
  });

  it("answers by ecosystem and package, and by alias", () => {
    const db = VulnDb.open(tmp.db, { readonly: true });
    try {
      const gin = db.advisories("Go", "github.com/gin-gonic/gin").map((r) => r.id);
      expect(gin).toContain("GO-2020-0001");
      expect(db.recordsByAlias("CVE-2020-36567").map((r) => r.id)).toEqual(["GO-2020-0001"]);
      // PEP 503: the PyPI record for "oslo.middleware" is found by any spelling of the name.
      const a = db.advisories("PyPI", "oslo.middleware").map((r) => r.id);
      expect(a.length).toBeGreaterThan(0);
      expect(db.advisories("PyPI", "Oslo_Middleware").map((r) => r.id)).toEqual(a);
      expect(db.advisories("crates.io", "smallvec").length).toBeGreaterThan(0);
      const status = db.status();
      const byEco = Object.fromEntries(status.ecosystems.map((e) => [e.ecosystem, e.records]));
      expect(byEco.crates).toBeUndefined();
      expect(byEco["crates.io"]).toBe(first.rustsec?.imported);
      expect(byEco.PyPI).toBeGreaterThan(2600);
      expect(byEco.Go).toBeGreaterThan(4000);
    } finally {
      db.close();
    }
  });

  it("re-importing the same feeds changes nothing", async () => {
    const db = VulnDb.open(tmp.db, { create: true });
    try {
      for (const feed of ["go", "rustsec", "pypi"]) {
        const again = await importOsv(db, join(osvData, feed));
        expect(again.imported).toBe(0);
        expect(again.updated).toBe(0);
        expect(again.withdrawn).toBe(0);
        expect(again.unchanged).toBe((first[feed]?.imported ?? 0) + (first[feed]?.withdrawn ?? 0));
      }
    } finally {
      db.close();
    }
  });

  it("opens a populated database fast (target 100 ms; asserted 300 ms)", () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const db = VulnDb.open(tmp.db, { readonly: true });
      times.push(performance.now() - t0);
      db.close();
    }
    const best = Math.min(...times);
    console.log(`open of the populated database: first ${times[0]?.toFixed(1)} ms, best ${best.toFixed(1)} ms`);
    expect(times[0]).toBeLessThan(300);
  });
});
