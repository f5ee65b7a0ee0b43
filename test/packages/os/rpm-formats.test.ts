// The rpm header reader and the rpmdb containers on bytes built in the test: package fields and
// file lists, Berkeley DB hash files with many buckets and chained pages in both byte orders, ndb
// files, damaged databases (warnings, partial results) and random corruption (never a crash).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { parseRpmDb, parseSourceRpm, rpmAnalyzer } from "../../../src/packages/os/rpm.js";
import { parseRpmHeader, RpmHeaderError } from "../../../src/packages/os/rpm-header.js";
import { bdbPackages, hasCommand, headerBlob, memoryFile, ndbPackages, rpmHeader, type TestRpm } from "./helpers.js";

const OPENSSL: TestRpm = {
  name: "openssl-libs",
  version: "3.0.7",
  release: "27.el9",
  epoch: 1,
  arch: "x86_64",
  license: "Apache-2.0",
  sourceRpm: "openssl-3.0.7-27.el9.src.rpm",
  files: ["/usr/lib64/libssl.so.3", "/usr/lib64/libcrypto.so.3", "/etc/pki/tls/openssl.cnf"],
};

describe("rpm header fields", () => {
  const rows: [string, TestRpm, Record<string, unknown>][] = [
    [
      "epoch, source RPM of another name, license",
      OPENSSL,
      { name: "openssl-libs", version: "1:3.0.7-27.el9", license: "Apache-2.0", source: { name: "openssl", version: "1:3.0.7-27.el9" } },
    ],
    [
      "epoch 0 is left out",
      { name: "bash", version: "5.1.8", release: "6.el9", epoch: 0, sourceRpm: "bash-5.1.8-6.el9.src.rpm" },
      { version: "5.1.8-6.el9", source: { name: "bash", version: "5.1.8-6.el9" } },
    ],
    [
      "dashes in the source name",
      { name: "python3-pip-wheel", version: "21.2.3", release: "7.el9", sourceRpm: "python-pip-21.2.3-7.el9.src.rpm" },
      { source: { name: "python-pip", version: "21.2.3-7.el9" } },
    ],
    ["no source RPM", { name: "gpg-pubkey-like", version: "1", release: "2" }, { version: "1-2", source: undefined }],
    ["nosrc package", { name: "rar", version: "6.0", release: "1", sourceRpm: "rar-6.0-1.nosrc.rpm" }, { source: { name: "rar", version: "6.0-1" } }],
  ];
  it.each(rows)("%s", (_label, input, expected) => {
    const out = parseRpmDb(ndbPackages([rpmHeader(input)]), "var/lib/rpm/Packages.db");
    expect(out.packages).toHaveLength(1);
    const { source, ...rest } = expected;
    expect(out.packages?.[0]).toMatchObject({ ecosystem: "os:rpm", path: "var/lib/rpm/Packages.db", ...rest });
    if ("source" in expected) expect(out.packages?.[0]?.source).toEqual(source);
  });

  it("puts arch, epoch and the source RPM in the provisional purl", () => {
    const pkg = parseRpmDb(ndbPackages([rpmHeader(OPENSSL)]), "p").packages?.[0];
    expect(pkg?.purl).toBe("pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm");
  });

  it("lists owned files from dirnames, dirindexes and basenames, without the leading slash", () => {
    const out = parseRpmDb(ndbPackages([rpmHeader(OPENSSL)]), "p");
    expect(out.ownedFiles).toEqual([
      { owner: "openssl-libs", ecosystem: "os:rpm", paths: ["usr/lib64/libssl.so.3", "usr/lib64/libcrypto.so.3", "etc/pki/tls/openssl.cnf"] },
    ]);
  });

  it("reads the old uncompressed file list and i18n strings", () => {
    const blob = headerBlob([
      { tag: 1000, type: "string", value: "old" },
      { tag: 1001, type: "string", value: "1.0" },
      { tag: 1002, type: "string", value: "1" },
      { tag: 1014, type: "i18n", value: "GPL" },
      { tag: 1027, type: "strings", value: ["/bin/old", "/etc/old.conf"] },
    ]);
    expect(parseRpmHeader(blob)).toMatchObject({ name: "old", license: "GPL", files: ["/bin/old", "/etc/old.conf"] });
  });

  it("skips gpg-pubkey pseudo-packages", () => {
    const out = parseRpmDb(ndbPackages([rpmHeader({ name: "gpg-pubkey", version: "fd431d51", release: "4ae0493b" }), rpmHeader(OPENSSL)]), "p");
    expect(out.packages?.map((p) => p.name)).toEqual(["openssl-libs"]);
  });

  it.each([
    ["openssl-3.0.7-27.el9.src.rpm", { name: "openssl", versionRelease: "3.0.7-27.el9" }],
    ["perl-Data-Dumper-2.174-462.el9.src.rpm", { name: "perl-Data-Dumper", versionRelease: "2.174-462.el9" }],
    ["notansrpm.rpm", undefined],
    ["-1-2.src.rpm", undefined],
    ["a-1-.src.rpm", undefined],
  ])("source RPM file name %s", (file, expected) => {
    expect(parseSourceRpm(file)).toEqual(expected);
  });
});

describe("malformed rpm headers", () => {
  const valid = rpmHeader(OPENSSL);
  const truncatedIndex = Buffer.from(valid.subarray(0, 20));
  const hugeCount = Buffer.from(valid);
  hugeCount.writeUInt32BE(0x10000, 0);
  const badOffset = Buffer.from(valid);
  badOffset.writeUInt32BE(0xfffffff0, 8 + 8); // first entry's offset
  const countPastData = rpmHeader({ ...OPENSSL, files: ["/a"] });
  // The last entry is dirnames (string array): claim a million strings.
  const il = countPastData.readUInt32BE(0);
  countPastData.writeUInt32BE(1_000_000, 8 + (il - 1) * 16 + 12);
  const noName = headerBlob([{ tag: 1001, type: "string", value: "1" }]);
  it.each([
    ["shorter than its intro", Buffer.alloc(4)],
    ["truncated index", truncatedIndex],
    ["index count past rpm's bound", hugeCount],
    ["offset past the data", badOffset],
    ["string array count past the data", countPastData],
    ["no name", noName],
  ])("%s is refused with RpmHeaderError", (_label, blob) => {
    expect(() => parseRpmHeader(blob)).toThrow(RpmHeaderError);
  });

  it("a damaged header becomes a warning and the others are still read", () => {
    const out = parseRpmDb(ndbPackages([noName, rpmHeader(OPENSSL)]), "var/lib/rpm/Packages.db");
    expect(out.packages?.map((p) => p.name)).toEqual(["openssl-libs"]);
    expect(out.warnings).toEqual(["var/lib/rpm/Packages.db: malformed package header: header without name or version"]);
  });

  it("random changes to a header either parse or throw RpmHeaderError", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(valid.length), (edits, cut) => {
        const b = Buffer.from(valid.subarray(0, cut));
        for (const [at, v] of edits) if (at < b.length) b[at] = v;
        try {
          parseRpmHeader(b);
        } catch (e) {
          expect(e).toBeInstanceOf(RpmHeaderError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/** Many packages: enough for several hash pages per bucket and many overflow chains. */
const MANY: TestRpm[] = Array.from({ length: 300 }, (_, i) => ({
  name: `pkg-${i}`,
  version: `1.${i}`,
  release: `${i % 7}.el8`,
  arch: "x86_64",
  sourceRpm: `src-${i % 10}-1.${i}-${i % 7}.el8.src.rpm`,
  files: Array.from({ length: i % 5 }, (_, j) => `/usr/share/pkg-${i}/file-${j}`),
}));
const MANY_NAMES = MANY.map((p) => p.name).sort();

describe("Berkeley DB hash Packages", () => {
  it.each([
    ["little-endian, overflow values, 8 buckets", { buckets: 8 }],
    ["big-endian, overflow values, 4 buckets", { bigEndian: true, buckets: 4 }],
    ["values on the hash pages", { buckets: 2, onPageMax: 4000 }],
    ["one bucket", { buckets: 1 }],
  ])("reads every package: %s", (_label, options) => {
    const out = parseRpmDb(bdbPackages(MANY.map(rpmHeader), options), "var/lib/rpm/Packages");
    expect(out.packages?.map((p) => p.name).sort()).toEqual(MANY_NAMES);
    expect(out.ownedFiles?.reduce((n, o) => n + o.paths.length, 0)).toBe(MANY.reduce((n, p) => n + (p.files?.length ?? 0), 0));
    expect(out.warnings).toBeUndefined();
  });

  it("a bucket chain that loops is reported, and the other buckets are read", () => {
    const bytes = bdbPackages(MANY.map(rpmHeader), { buckets: 2, onPageMax: 4000 });
    // Bucket 0 is page 1: make its next-page link point to itself.
    bytes.writeUInt32LE(1, 4096 + 16);
    const out = parseRpmDb(bytes, "var/lib/rpm/Packages");
    expect(out.warnings?.[0]).toMatch(/bucket 0: page 1 out of range or seen before/);
    expect(out.packages?.length).toBeGreaterThan(0);
    expect(out.packages?.length).toBeLessThan(MANY.length);
  });

  it("an overflow chain that loops is refused without hanging", () => {
    const bytes = bdbPackages([rpmHeader(OPENSSL)], { buckets: 1 });
    // Page 2 is the first overflow page: link it to itself and claim more bytes than it holds.
    bytes.writeUInt32LE(2, 2 * 4096 + 16);
    const page1 = 4096;
    const entries = bytes.readUInt16LE(page1 + 20);
    const valueOff = bytes.readUInt16LE(page1 + 26 + 2 * (entries - 1));
    bytes.writeUInt32LE(bytes.length - 100, page1 + valueOff + 8);
    const out = parseRpmDb(bytes, "var/lib/rpm/Packages");
    expect(out.packages).toEqual([]);
    expect(out.warnings?.[0]).toMatch(/overflow chain loops/);
  });
});

describe("ndb Packages.db", () => {
  it("reads every package in package-index order", () => {
    const out = parseRpmDb(ndbPackages(MANY.slice(0, 200).map(rpmHeader)), "usr/lib/sysimage/rpm/Packages.db");
    expect(out.packages?.map((p) => p.name)).toEqual(MANY.slice(0, 200).map((p) => p.name));
  });

  it("a blob whose checksum does not match is reported and skipped", () => {
    const bytes = ndbPackages([rpmHeader(OPENSSL), rpmHeader(MANY[1] as TestRpm)]);
    bytes[4096 + 40] = (bytes[4096 + 40] as number) ^ 0xff; // inside the first blob
    const out = parseRpmDb(bytes, "var/lib/rpm/Packages.db");
    expect(out.packages?.map((p) => p.name)).toEqual(["pkg-1"]);
    expect(out.warnings).toEqual(["var/lib/rpm/Packages.db: package 1: checksum mismatch"]);
  });
});

describe("rpm analyzer", () => {
  it.each([
    ["var/lib/rpm/rpmdb.sqlite", true],
    ["var/lib/rpm/Packages", true],
    ["var/lib/rpm/Packages.db", true],
    ["usr/lib/sysimage/rpm/rpmdb.sqlite", true],
    ["usr/lib/sysimage/rpm/Packages.db", true],
    ["var/lib/rpm/Name", false],
    ["var/lib/rpm/rpmdb.sqlite-wal", false],
    ["srv/var/lib/rpm/Packages", false],
  ])("wants %s: %s", (path, wanted) => {
    expect(rpmAnalyzer.wants(path, 1000, 0o100644)).toBe(wanted);
  });

  it("does not want a symbolic link", () => {
    expect(rpmAnalyzer.wants("var/lib/rpm/Packages", 10, 0o120777)).toBe(false);
  });

  it("an empty Packages file (left beside a newer database) gives nothing", async () => {
    expect(await rpmAnalyzer.analyze(memoryFile("var/lib/rpm/Packages", Buffer.alloc(0)), { source: "t" })).toBeUndefined();
  });

  it("a file in no known format is an InputError naming the file", async () => {
    await expect(rpmAnalyzer.analyze(memoryFile("var/lib/rpm/Packages", Buffer.alloc(4096, 7)), { source: "t" })).rejects.toThrow(
      new InputError("var/lib/rpm/Packages: unreadable rpm database: not an rpm database in a known format (SQLite, Berkeley DB hash, ndb)"),
    );
  });

  it("a corrupt SQLite database is an InputError", () => {
    const bytes = Buffer.alloc(8192);
    bytes.write("SQLite format 3\0", 0, "latin1");
    expect(() => parseRpmDb(bytes, "var/lib/rpm/rpmdb.sqlite")).toThrow(InputError);
  });

  it("random damage to a database gives a result or an InputError, never anything else", () => {
    const containers = [bdbPackages(MANY.slice(0, 20).map(rpmHeader), { buckets: 4 }), ndbPackages(MANY.slice(0, 20).map(rpmHeader))];
    fc.assert(
      fc.property(fc.nat(1), fc.array(fc.tuple(fc.nat(200_000), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }), (which, edits) => {
        const b = Buffer.from(containers[which] as Buffer);
        for (const [at, v] of edits) b[at % b.length] = v;
        try {
          const out = parseRpmDb(b, "p");
          expect(Array.isArray(out.packages)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

const hasDbLoad = hasCommand("db5.3_load");

describe.skipIf(!hasDbLoad)("Berkeley DB hash files written by libdb (db5.3_load)", () => {
  it("reads 300 packages spread by libdb over its own buckets, split points and overflow pages", () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-bdb-"));
    try {
      const key = (n: number): string => {
        const k = Buffer.alloc(4);
        k.writeUInt32LE(n);
        return k.toString("hex");
      };
      const lines = ["VERSION=3", "format=bytevalue", "type=hash", "db_pagesize=1024", "HEADER=END", ` ${key(0)}`, ` ${key(MANY.length + 1)}`];
      MANY.forEach((p, i) => lines.push(` ${key(i + 1)}`, ` ${rpmHeader(p).toString("hex")}`));
      lines.push("DATA=END", "");
      writeFileSync(join(dir, "dump"), lines.join("\n"));
      const r = spawnSync("db5.3_load", ["-f", join(dir, "dump"), join(dir, "Packages")], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      const bytes = readFileSync(join(dir, "Packages"));
      expect(bytes.readUInt32LE(72)).toBeGreaterThan(1); // libdb split the table into several buckets
      const out = parseRpmDb(bytes, "var/lib/rpm/Packages");
      expect(out.packages?.map((p) => p.name).sort()).toEqual(MANY_NAMES);
      expect(out.warnings).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
