// `importOsv` on small feeds written here: directories, zips and single files; what is stored,
// updated, withdrawn and skipped; hostile archives; and that a failed import changes nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../../src/core/errors.js";
import { VulnDb } from "../../../src/vulndb/db.js";
import { importOsv } from "../../../src/vulndb/import.js";
import { osv, tempDir, writeTree } from "./fixtures.js";
import { buildZip } from "./zipwriter.js";

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

const BOMB_YAML = (() => {
  const names = "abcdefghi";
  const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(", ")}]`);
  return `id: BOMB-1\nmodified: "2024-01-01T00:00:00Z"\n${lines.join("\n")}\n`;
})();

function ids(records: { id: string }[]): string[] {
  return records.map((r) => r.id);
}

describe("importing a directory", () => {
  it("stores the records and counts what it skips, naming each file", async () => {
    const feed = join(tmp.dir, "feed");
    writeTree(feed, {
      "npm/GHSA-1.json": osv("GHSA-1", { aliases: ["CVE-2024-0001"] }),
      "npm/nested/deeper/GHSA-2.json": osv("GHSA-2", { name: "lodash" }),
      "pypi/requests/PYSEC-1.yaml": "id: PYSEC-1\nmodified: '2024-01-01T00:00:00Z'\naffected:\n- package: {ecosystem: PyPI, name: Requests_OAuthlib}\n",
      "list.json": [osv("ARR-1"), osv("ARR-2")],
      "odd/FOO-1.json": osv("FOO-1", { ecosystem: "SomeNewEcosystem:3", name: "thing" }),
      "nopkg/GIT-1.json": { id: "GIT-1", modified: "2024-01-01T00:00:00Z", affected: [{ ranges: [{ type: "GIT", repo: "https://x", events: [{ introduced: "0" }] }] }] },
      LICENSE: "Creative Commons Attribution 4.0",
      "README.md": "# advisories",
      "bad/broken.json": "{ \"id\": ",
      "bad/noid.json": { modified: "2024-01-01T00:00:00Z", affected: [] },
      "bad/bomb.yaml": BOMB_YAML,
    });
    const progress: number[] = [];
    const r = await importOsv(db, feed, { onProgress: (p) => progress.push(p.files) });

    expect(r).toMatchObject({ imported: 7, updated: 0, unchanged: 0, withdrawn: 0, notMatchable: 1 });
    expect(progress.length).toBe(r.files);
    const skipped = Object.fromEntries(r.skipped.map((s) => [s.source.slice(feed.length + 1), s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(["LICENSE", "README.md", "bad/bomb.yaml", "bad/broken.json", "bad/noid.json"]);
    expect(skipped.LICENSE).toMatch(/not an OSV file/);
    expect(skipped["bad/broken.json"]).toMatch(/not valid JSON/);
    expect(skipped["bad/noid.json"]).toMatch(/no id/);
    expect(skipped["bad/bomb.yaml"]).toMatch(/not valid YAML.*alias/i);

    expect(ids(db.advisories("npm", "left-pad"))).toEqual(["ARR-1", "ARR-2", "GHSA-1"]);
    expect(ids(db.advisories("npm", "lodash"))).toEqual(["GHSA-2"]);
    // PEP 503 names: any spelling finds the record.
    expect(ids(db.advisories("PyPI", "requests-oauthlib"))).toEqual(["PYSEC-1"]);
    expect(ids(db.advisories("PyPI", "REQUESTS.OAUTHLIB"))).toEqual(["PYSEC-1"]);
    // An ecosystem Mamori does not know yet is kept, exactly as written.
    expect(ids(db.advisories("SomeNewEcosystem:3", "thing"))).toEqual(["FOO-1"]);
    expect(ids(db.recordsByAlias("CVE-2024-0001"))).toEqual(["GHSA-1"]);
    expect(db.record("GIT-1")?.id).toBe("GIT-1");

    const status = db.status();
    expect(status.totalRecords).toBe(7);
    expect(status.source).toBe(feed);
    expect(status.ecosystems.map((e) => [e.ecosystem, e.records])).toEqual([
      ["PyPI", 1],
      ["SomeNewEcosystem", 1],
      ["npm", 4],
      ["(no package)", 1],
    ]);
  });

  it("re-imports incrementally: newer records replace, same or older are unchanged, withdrawn ones stop matching", async () => {
    const feed = join(tmp.dir, "feed");
    writeTree(feed, {
      "A-1.json": osv("A-1", { aliases: ["CVE-1"] }),
      "A-2.json": osv("A-2"),
      "A-3.json": osv("A-3", { modified: "2024-05-01T00:00:00.5Z" }),
    });
    expect(await importOsv(db, feed)).toMatchObject({ imported: 3, unchanged: 0 });
    expect(await importOsv(db, feed)).toMatchObject({ imported: 0, updated: 0, unchanged: 3, withdrawn: 0, skipped: [] });

    writeTree(feed, {
      // Newer: now about another package, with another alias.
      "A-1.json": osv("A-1", { modified: "2024-02-01T00:00:00Z", name: "right-pad", aliases: ["CVE-9"] }),
      // Withdrawn.
      "A-2.json": osv("A-2", { modified: "2024-03-01T00:00:00Z", withdrawn: "2024-03-01T00:00:00Z" }),
      // Older by a fraction of a second, in another precision: text order would call it newer.
      "A-3.json": osv("A-3", { modified: "2024-05-01T00:00:00Z", name: "should-not-appear" }),
    });
    expect(await importOsv(db, feed)).toMatchObject({ imported: 0, updated: 1, unchanged: 1, withdrawn: 1 });
    expect(ids(db.advisories("npm", "left-pad"))).toEqual(["A-3"]);
    expect(ids(db.advisories("npm", "right-pad"))).toEqual(["A-1"]);
    expect(db.advisories("npm", "should-not-appear")).toEqual([]);
    expect(db.recordsByAlias("CVE-1")).toEqual([]);
    expect(ids(db.recordsByAlias("CVE-9"))).toEqual(["A-1"]);
    expect(db.recordsByAlias("A-2")).toEqual([]);
    expect(db.record("A-2")?.withdrawn).toBe("2024-03-01T00:00:00Z");
    expect(db.status()).toMatchObject({ totalRecords: 2, withdrawnRecords: 1 });

    // The withdrawn tombstone makes the next re-import a no-op too.
    expect(await importOsv(db, feed)).toMatchObject({ updated: 0, unchanged: 3, withdrawn: 0 });
  });

  it("does not remove records that are merely absent from a later import", async () => {
    const feed = join(tmp.dir, "feed");
    writeTree(feed, { "A-1.json": osv("A-1"), "A-2.json": osv("A-2") });
    await importOsv(db, feed);
    const smaller = join(tmp.dir, "smaller");
    writeTree(smaller, { "A-1.json": osv("A-1") });
    await importOsv(db, smaller);
    expect(ids(db.advisories("npm", "left-pad"))).toEqual(["A-1", "A-2"]);
  });
});

describe("importing one file", () => {
  it("reads a single JSON or YAML file", async () => {
    const file = join(tmp.dir, "one.yaml");
    writeFileSync(file, "id: Y-1\nmodified: '2024-01-01T00:00:00Z'\naffected:\n- package: {ecosystem: Go, name: example.com/m}\n");
    expect(await importOsv(db, file)).toMatchObject({ imported: 1, files: 1 });
    expect(ids(db.advisories("Go", "example.com/m"))).toEqual(["Y-1"]);
  });

  it.each([
    ["a missing path", (dir: string) => join(dir, "nope"), /nope: no such file or directory/],
    ["a file of another kind", (dir: string) => (writeFileSync(join(dir, "notes.txt"), "hi"), join(dir, "notes.txt")), /notes\.txt: not an OSV source/],
  ])("refuses %s with an InputError", async (_what, make, message) => {
    const source = make(tmp.dir);
    await expect(importOsv(db, source)).rejects.toThrow(InputError);
    await expect(importOsv(db, source)).rejects.toThrow(message);
  });
});

describe("importing a zip", () => {
  function writeZip(name: string, entries: Parameters<typeof buildZip>[0]): string {
    const path = join(tmp.dir, name);
    writeFileSync(path, buildZip(entries));
    return path;
  }

  it("reads stored and deflated entries, and skips entries that are not records", async () => {
    const zip = writeZip("all.zip", [
      { name: "GHSA-1.json", data: JSON.stringify(osv("GHSA-1")) },
      { name: "dir/", data: "" },
      { name: "dir/GHSA-2.json", data: JSON.stringify(osv("GHSA-2")), deflate: true },
      { name: "dir/PYSEC-1.yaml", data: "id: PYSEC-1\nmodified: '2024-01-01T00:00:00Z'\n", deflate: true },
      { name: "LICENSE", data: "license text" },
      { name: "broken.json", data: "[1," },
    ]);
    const r = await importOsv(db, zip);
    expect(r).toMatchObject({ imported: 3, notMatchable: 1 });
    expect(r.skipped).toEqual([
      { source: `${zip}:LICENSE`, reason: "not an OSV file (expected .json, .yaml or .yml)" },
      { source: `${zip}:broken.json`, reason: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect(ids(db.advisories("npm", "left-pad"))).toEqual(["GHSA-1", "GHSA-2"]);
  });

  it("skips zip bombs and hostile names with a warning, and reads the rest", async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const zip = writeZip("hostile.zip", [
      // 20 MB of zeros in ~20 KB: the declared ratio alone rules it out, nothing is inflated.
      { name: "bomb.json", data: zeros, deflate: true },
      // Declares 100 bytes, inflates to 20 MB: cut off at the declared size.
      { name: "liar.json", data: zeros, deflate: true, declaredSize: 100 },
      { name: "../../etc/GHSA-evil.json", data: JSON.stringify(osv("GHSA-evil")) },
      { name: "GHSA-ok.json", data: JSON.stringify(osv("GHSA-ok")), deflate: true },
    ]);
    const before = process.memoryUsage().rss;
    const r = await importOsv(db, zip);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(r.imported).toBe(1);
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.source.slice(zip.length + 1), s.reason]));
    expect(reasons["bomb.json"]).toMatch(/compression ratio \d+:1 above 200:1/);
    expect(reasons["liar.json"]).toMatch(/unreadable data: too many bytes/);
    expect(reasons["../../etc/GHSA-evil.json"]).toMatch(/'\.\.' in the entry name/);
    expect(ids(db.advisories("npm", "left-pad"))).toEqual(["GHSA-ok"]);
  });

  it("applies the entry, total and count limits", async () => {
    const entries = [1, 2, 3, 4].map((i) => ({ name: `R-${i}.json`, data: JSON.stringify(osv(`R-${i}`, { details: "x".repeat(1000) })) }));
    const zip = writeZip("limits.zip", entries);
    const size = Buffer.byteLength(entries[0]!.data);

    const perEntry = await importOsv(db, zip, { zipLimits: { maxEntryBytes: size - 1 } });
    expect(perEntry.imported).toBe(0);
    expect(perEntry.skipped).toHaveLength(4);
    expect(perEntry.skipped[0]?.reason).toMatch(/limit maxEntryBytes/);

    const total = await importOsv(db, zip, { zipLimits: { maxTotalBytes: size * 2 + 10 } });
    expect(total.imported).toBe(2);
    expect(total.skipped).toEqual([{ source: `${zip}:R-3.json`, reason: expect.stringMatching(/limit maxTotalBytes\): reading stops here/) }]);

    const count = await importOsv(db, zip, { zipLimits: { maxEntries: 3 } });
    expect(count.imported).toBe(1);
    expect(count.skipped).toEqual([{ source: zip, reason: expect.stringMatching(/holds 4 entries; only the first 3 are read/) }]);
  });

  it.each([
    ["garbage named .zip", () => Buffer.from("PK\u0003\u0004 this is not really a zip"), /not a readable zip archive/],
    ["a truncated zip", () => buildZip([{ name: "A.json", data: JSON.stringify(osv("A")) }]).subarray(0, 60), /not a readable zip archive/],
  ])("refuses %s with an InputError naming the file", async (_what, bytes, message) => {
    const path = join(tmp.dir, "corrupt.zip");
    writeFileSync(path, bytes());
    const err = await importOsv(db, path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).toMatch(message);
  });

  it("leaves the database unchanged when an archive turns out damaged part-way", async () => {
    await importOsv(db, writeZip("first.zip", [{ name: "OLD-1.json", data: JSON.stringify(osv("OLD-1")) }]));
    const good = buildZip([
      { name: "NEW-1.json", data: JSON.stringify(osv("NEW-1")) },
      { name: "NEW-2.json", data: JSON.stringify(osv("NEW-2")) },
    ]);
    // Break the second central directory record's signature: yauzl fails after the first entry.
    const cdStart = good.readUInt32LE(good.length - 6);
    const second = good.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), cdStart + 4);
    good.writeUInt32LE(0xdeadbeef, second);
    const path = join(tmp.dir, "damaged.zip");
    writeFileSync(path, good);

    await expect(importOsv(db, path)).rejects.toThrow(/damaged zip archive/);
    expect(ids(db.advisories("npm", "left-pad"))).toEqual(["OLD-1"]);
    expect(db.status().source).toBe(join(tmp.dir, "first.zip"));
    // And the connection is usable for the next import.
    expect(await importOsv(db, writeZip("next.zip", [{ name: "NEW-3.json", data: JSON.stringify(osv("NEW-3")) }]))).toMatchObject({ imported: 1 });
  });
});
