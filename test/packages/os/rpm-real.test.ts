// The rpm detector against rpm itself: packages built with rpmbuild, installed (--justdb) into a
// real SQLite rpmdb, and compared with `rpm -qa`. The same real header blobs are then put in the
// older containers: a Berkeley DB hash file written by libdb's db_load where db5.3-util is installed
// and one written by the test helper, both checked against rpm's own reader (the bdb_ro backend),
// and an ndb file (rpm here has no ndb backend: that one is checked against the SQLite result).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { PackageURL } from "packageurl-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalyzerOutput } from "../../../src/analyzers/types.js";
import { parseRpmDb, rpmAnalyzer } from "../../../src/packages/os/rpm.js";
import { bdbPackages, hasCommand, memoryFile, ndbPackages } from "./helpers.js";

const SPECS: Record<string, string> = {
  "tools.spec": `Name: mamori-tools
Version: 1.2.3
Release: 4.el9
Epoch: 2
Summary: test package
License: MIT AND (Apache-2.0 OR BSD-3-Clause)
BuildArch: noarch
%description
test package
%package -n libmamori1
Summary: test subpackage
License: MIT
%description -n libmamori1
test subpackage
%install
mkdir -p %{buildroot}/usr/share/mamori-tools %{buildroot}/etc %{buildroot}/usr/lib
echo a > %{buildroot}/usr/share/mamori-tools/a.txt
echo b > %{buildroot}/usr/share/mamori-tools/b.txt
echo c > %{buildroot}/etc/mamori-tools.conf
echo l > %{buildroot}/usr/lib/libmamori.so.1
%files
%dir /usr/share/mamori-tools
/usr/share/mamori-tools/a.txt
/usr/share/mamori-tools/b.txt
%config /etc/mamori-tools.conf
%files -n libmamori1
/usr/lib/libmamori.so.1
`,
  "empty.spec": `Name: mamori-empty
Version: 0.1
Release: 1
Summary: a package without files
License: GPL-2.0-or-later
BuildArch: noarch
%description
no files
%files
`,
};

const QUERY = "%{NAME} %|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE} %{ARCH} %{SOURCERPM} %{LICENSE}\\n";
// %{=NAME} repeats the scalar beside each file; a package without files prints "(none)".
const FILES_QUERY = "[%{=NAME} %{FILENAMES}\\n]";

const present = hasCommand("rpm") && hasCommand("rpmbuild");
if (!present) console.warn("rpm detector differential tests skipped: rpm and rpmbuild are not installed (Debian package rpm)");
const hasDbLoad = hasCommand("db5.3_load");
if (!hasDbLoad) console.warn("Berkeley DB test with libdb's db_load skipped: db5.3_load is not installed (Debian package db5.3-util)");

let work = "";
let sqliteDb = "";
let blobs: Buffer[] = [];

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

function rpmQuery(dbpath: string, format: string, backend?: string): string[] {
  const define = backend ? ["--define", `_db_backend ${backend}`] : [];
  return run("rpm", ["--dbpath", dbpath, ...define, "-qa", "--qf", format])
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("gpg-pubkey ") && !(format === FILES_QUERY && l.endsWith(" (none)")))
    .sort();
}

/** Our packages in the query's format: the source RPM file name rebuilt from the source package. */
function asQueried(out: AnalyzerOutput): string[] {
  return (out.packages ?? [])
    .map((p) => {
      const arch = PackageURL.fromString(p.purl).qualifiers?.arch ?? "(none)";
      const srpm = p.source ? `${p.source.name}-${p.source.version.replace(/^\d+:/, "")}.src.rpm` : "(none)";
      return `${p.name} ${p.version} ${arch} ${srpm} ${p.license ?? "(none)"}`;
    })
    .sort();
}

function ownedAsQueried(out: AnalyzerOutput): string[] {
  return (out.ownedFiles ?? []).flatMap((o) => o.paths.map((p) => `${o.owner} /${p}`)).sort();
}

beforeAll(() => {
  if (!present) return;
  work = mkdtempSync(join(tmpdir(), "mamori-rpm-"));
  mkdirSync(join(work, "SPECS"));
  const rpms: string[] = [];
  for (const [file, spec] of Object.entries(SPECS)) {
    writeFileSync(join(work, "SPECS", file), spec);
    run("rpmbuild", ["--define", `_topdir ${work}`, "--quiet", "-bb", join(work, "SPECS", file)]);
  }
  for (const f of readdirSync(join(work, "RPMS", "noarch"))) rpms.push(join(work, "RPMS", "noarch", f));
  sqliteDb = join(work, "db");
  mkdirSync(sqliteDb);
  run("rpm", ["--dbpath", sqliteDb, "--initdb"]);
  run("rpm", ["--dbpath", sqliteDb, "-i", "--justdb", "--nodeps", "--noscripts", "--ignorearch", "--ignoreos", ...rpms]);
  const db = new Database(join(sqliteDb, "rpmdb.sqlite"), { readonly: true });
  blobs = (db.prepare("SELECT blob FROM Packages ORDER BY hnum").raw(true).all() as Buffer[][]).map((r) => r[0] as Buffer);
  db.close();
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!present)("rpm detector against rpm (rpmbuild packages, rpm --justdb)", () => {
  it("reads the SQLite rpmdb rpm wrote (in WAL mode) as rpm -qa does", async () => {
    const bytes = readFileSync(join(sqliteDb, "rpmdb.sqlite"));
    expect(bytes[18]).toBe(2); // rpm leaves its database in WAL mode: the reader must cope
    const file = memoryFile("var/lib/rpm/rpmdb.sqlite", bytes);
    expect(rpmAnalyzer.wants(file.path, file.size, file.mode)).toBe(true);
    const out = (await rpmAnalyzer.analyze(file, { source: "test" })) as AnalyzerOutput;
    const expected = rpmQuery(sqliteDb, QUERY);
    expect(expected).toHaveLength(3);
    expect(asQueried(out)).toEqual(expected);
    expect(ownedAsQueried(out)).toEqual(rpmQuery(sqliteDb, FILES_QUERY));
    expect(out.warnings).toBeUndefined();
    // The shared buffer is not patched in place.
    expect(bytes[18]).toBe(2);
    const tools = out.packages?.find((p) => p.name === "mamori-tools");
    expect(tools).toMatchObject({ version: "2:1.2.3-4.el9", ecosystem: "os:rpm", source: { name: "mamori-tools", version: "2:1.2.3-4.el9" } });
    const lib = out.packages?.find((p) => p.name === "libmamori1");
    expect(lib?.source).toEqual({ name: "mamori-tools", version: "2:1.2.3-4.el9" });
  });

  it.each([
    ["little-endian", false],
    ["big-endian", true],
  ])("reads a Berkeley DB Packages file (%s, test writer) as rpm's bdb_ro backend does", (_label, bigEndian) => {
    const dir = join(work, `bdb-${bigEndian ? "be" : "le"}`);
    mkdirSync(dir, { recursive: true });
    const bytes = bdbPackages(blobs, { bigEndian, buckets: 2 });
    writeFileSync(join(dir, "Packages"), bytes);
    const expected = rpmQuery(dir, QUERY, "bdb_ro");
    expect(expected).toEqual(rpmQuery(sqliteDb, QUERY));
    const out = parseRpmDb(bytes, "var/lib/rpm/Packages");
    expect(asQueried(out)).toEqual(expected);
    expect(ownedAsQueried(out)).toEqual(rpmQuery(dir, FILES_QUERY, "bdb_ro"));
    expect(out.warnings).toBeUndefined();
  });

  it.skipIf(!hasDbLoad).each([
    ["little-endian", "1234"],
    ["big-endian", "4321"],
  ])("reads a Berkeley DB Packages file written by libdb's db_load (%s)", (_label, lorder) => {
    const dir = join(work, `dbload-${lorder}`);
    mkdirSync(dir, { recursive: true });
    const key = (n: number): string => {
      const k = Buffer.alloc(4);
      if (lorder === "1234") k.writeUInt32LE(n);
      else k.writeUInt32BE(n);
      return k.toString("hex");
    };
    const dump = ["VERSION=3", "format=bytevalue", "type=hash", "db_pagesize=4096", "HEADER=END"];
    dump.push(` ${key(0)}`, ` ${key(blobs.length + 1)}`);
    blobs.forEach((b, i) => dump.push(` ${key(i + 1)}`, ` ${b.toString("hex")}`));
    dump.push("DATA=END", "");
    writeFileSync(join(dir, "dump.txt"), dump.join("\n"));
    run("db5.3_load", ["-c", `db_lorder=${lorder}`, "-f", join(dir, "dump.txt"), join(dir, "Packages")]);
    const expected = rpmQuery(dir, QUERY, "bdb_ro");
    expect(expected).toEqual(rpmQuery(sqliteDb, QUERY));
    const out = parseRpmDb(readFileSync(join(dir, "Packages")), "var/lib/rpm/Packages");
    expect(asQueried(out)).toEqual(expected);
    expect(ownedAsQueried(out)).toEqual(rpmQuery(sqliteDb, FILES_QUERY));
  });

  it("reads an ndb Packages.db holding the same headers", () => {
    const out = parseRpmDb(ndbPackages(blobs), "var/lib/rpm/Packages.db");
    expect(asQueried(out)).toEqual(rpmQuery(sqliteDb, QUERY));
    expect(ownedAsQueried(out)).toEqual(rpmQuery(sqliteDb, FILES_QUERY));
  });
});
