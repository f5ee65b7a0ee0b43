// RHEL and UBI packages against Red Hat's OSV records, end to end: the fixture records
// (test/fixtures/vulndb/redhat, written for these tests in the shape Red Hat publishes) imported by
// the real importer, packages built as the rpm detector builds them and finished for the OS that
// os-release names, matched against the database.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/model.js";
import { readOsFile } from "../../../src/packages/os/os-release.js";
import { finishOsPackage } from "../../../src/packages/os/os-purl.js";
import { rpmPackage } from "../../../src/packages/os/rpm.js";
import type { RpmHeader } from "../../../src/packages/os/rpm-header.js";
import { packageFromPurl } from "../../../src/packages/purl.js";
import type { Package } from "../../../src/packages/types.js";
import { VulnDb } from "../../../src/vulndb/db.js";
import { importOsv } from "../../../src/vulndb/import.js";
import { matchPackages } from "../../../src/vulndb/match.js";
import { repoRoot, tempDir } from "../db/fixtures.js";

const FIXTURES = join(repoRoot, "test/fixtures/vulndb/redhat");

let tmp: ReturnType<typeof tempDir>;
let db: VulnDb;
beforeAll(async () => {
  tmp = tempDir();
  db = VulnDb.open(tmp.db, { create: true });
  const r = await importOsv(db, FIXTURES);
  expect(r.skipped).toEqual([]);
  expect([r.imported, r.withdrawn]).toEqual([9, 1]);
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

/** /etc/os-release as RHEL and UBI images write it. */
function osRelease(versionId: string, cpe: string): string {
  const major = versionId.split(".")[0];
  return [
    'NAME="Red Hat Enterprise Linux"',
    `VERSION="${versionId} (${major === "10" ? "Coughlan" : "Plow"})"`,
    'ID="rhel"',
    'ID_LIKE="fedora"',
    `VERSION_ID="${versionId}"`,
    `PLATFORM_ID="platform:el${major}"`,
    `PRETTY_NAME="Red Hat Enterprise Linux ${versionId}"`,
    `CPE_NAME="${cpe}"`,
    "",
  ].join("\n");
}

const RHEL_9_4 = readOsFile("etc/os-release", osRelease("9.4", "cpe:/o:redhat:enterprise_linux:9::baseos"));
const RHEL_9_2 = readOsFile("etc/os-release", osRelease("9.2", "cpe:/o:redhat:enterprise_linux:9::baseos"));
const RHEL_10_0 = readOsFile("etc/os-release", osRelease("10.0", "cpe:/o:redhat:enterprise_linux:10.0"));
const RHEL_10_1 = readOsFile("etc/os-release", osRelease("10.1", "cpe:/o:redhat:enterprise_linux:10.1"));
const CENTOS_STREAM_9 = readOsFile("etc/os-release", 'NAME="CentOS Stream"\nVERSION="9"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="9"\n');

/** An installed package as rpm.ts reads it from the rpm database and the image driver finishes it. */
function rpm(os: ReturnType<typeof readOsFile>, nevr: { name: string; epoch?: number; version: string; release: string; source: string }): Package {
  const header: RpmHeader = { name: nevr.name, version: nevr.version, release: nevr.release, arch: "x86_64", sourceRpm: nevr.source, files: [] };
  if (nevr.epoch !== undefined) header.epoch = nevr.epoch;
  return finishOsPackage(rpmPackage(header, "var/lib/rpm/rpmdb.sqlite"), os);
}

const opensslLibs = (release: string) => ({ name: "openssl-libs", epoch: 1, version: "3.0.7", release, source: `openssl-3.0.7-${release}.src.rpm` });

function findings(packages: Package[]): Finding[] {
  const r = matchPackages(packages, db);
  expect(r.warnings).toEqual([]);
  return r.findings;
}

const ids = (fs: Finding[]) => fs.map((f) => f.ruleId).sort();

describe("the package a RHEL image's rpm database gives", () => {
  it("has the release as its ecosystem and Syft's distro qualifier in its purl", () => {
    const p = rpm(RHEL_9_4, opensslLibs("27.el9"));
    expect(RHEL_9_4?.ecosystem).toBe("Red Hat:enterprise_linux:9.4");
    expect(p).toMatchObject({ name: "openssl-libs", version: "1:3.0.7-27.el9", ecosystem: "Red Hat:enterprise_linux:9.4", source: { name: "openssl", version: "1:3.0.7-27.el9" } });
    expect(p.purl).toBe("pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rhel-9.4&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm");
    expect(rpm(RHEL_10_1, { name: "glib2", version: "2.80.4", release: "5.el10_1", source: "glib2-2.80.4-5.el10_1.src.rpm" }).ecosystem).toBe("Red Hat:enterprise_linux:10.1");
  });
});

describe("RHEL 9.4 (UBI 9)", () => {
  it("finds each CVE of an advisory once, whatever streams and names (binary, source) list it", () => {
    const fs = findings([rpm(RHEL_9_4, opensslLibs("27.el9"))]);
    expect(ids(fs)).toEqual(["CVE-2024-55501", "CVE-2024-55502"]);
    for (const f of fs) {
      expect(f.vulnerability).toMatchObject({ aliases: ["RHSA-2024:8101"], fixedVersions: ["1:3.0.7-29.el9_4"] });
      expect(f.package).toMatchObject({ ecosystem: "Red Hat:enterprise_linux:9.4", version: "1:3.0.7-27.el9" });
      expect(f.message).toBe(
        "openssl-libs 1:3.0.7-27.el9 is in the affected range >=0, <1:3.0.7-29.el9_4 in Red Hat:enterprise_linux:9::baseos, Red Hat:enterprise_linux:9::appstream (RHSA-2024:8101). Fixed in 1:3.0.7-29.el9_4.",
      );
      expect(f.remediation?.text).toBe("Upgrade openssl-libs to 1:3.0.7-29.el9_4 or later.");
    }
  });

  it("finds nothing once the fixed version is installed", () => {
    expect(findings([rpm(RHEL_9_4, opensslLibs("29.el9_4"))])).toEqual([]);
    expect(findings([rpm(RHEL_9_4, opensslLibs("30.el9_5"))])).toEqual([]);
  });

  it("never asks another major release: a RHEL 8 record whose fix sorts above the RHEL 9 build stays out", () => {
    const sudo = (release: string) => rpm(RHEL_9_4, { name: "sudo", version: "1.9.5p2", release, source: `sudo-1.9.5p2-${release}.src.rpm` });
    // RHEL 9's own record is fixed in the installed version ("0:" epoch in the record, none installed).
    expect(findings([sudo("10.el9_3")])).toEqual([]);
    const older = findings([sudo("9.el9")]);
    expect(older.map((f) => [f.ruleId, f.vulnerability?.aliases])).toEqual([["CVE-2024-55503", ["RHSA-2024:8104"]]]);
    expect(older[0]!.message).not.toContain("enterprise_linux:8");
  });

  it("does not ask another minor release's extended-support stream", () => {
    // The 9.2 EUS fix, installed on a system that says 9.4: only 9.4's streams speak.
    expect(ids(findings([rpm(RHEL_9_4, opensslLibs("18.el9_2.4"))]))).toEqual(["CVE-2024-55501", "CVE-2024-55502"]);
  });

  it("keeps module streams apart: another stream's fix neither fixes nor hides", () => {
    const nodejs = (version: string, release: string) => rpm(RHEL_9_4, { name: "nodejs", epoch: 1, version, release, source: `nodejs-${version}-${release}.src.rpm` });
    const on20 = findings([nodejs("20.12.2", "2.module+el9.4.0+21700+1a2b3c4d")]);
    // The nodejs:18 record's fix sorts below 20.12.2 but is of another line: it does not settle the CVE.
    expect(on20.map((f) => [f.ruleId, f.vulnerability?.fixedVersions, f.vulnerability?.aliases])).toEqual([
      ["CVE-2024-55504", ["1:20.16.0-1.module+el9.4.0+21786+0a1b2c3d"], ["RHSA-2024:8106"]],
    ]);
    // nodejs 18 at its stream's fix: the nodejs:20 record's range does not make it vulnerable.
    expect(findings([nodejs("18.20.4", "1.module+el9.4.0+21785+d1e3f5a0")])).toEqual([]);
  });

  it("ignores withdrawn records and layered products' streams", () => {
    const curl = rpm(RHEL_9_4, { name: "curl", version: "7.76.1", release: "29.el9", source: "curl-7.76.1-29.el9.src.rpm" });
    const libsolv = rpm(RHEL_9_4, { name: "libsolv", version: "0.7.24", release: "2.el9", source: "libsolv-0.7.24-2.el9.src.rpm" });
    expect(findings([curl, libsolv])).toEqual([]);
  });
});

describe("RHEL 9.2 on Extended Update Support", () => {
  it("takes the EUS fix as fixing the CVE the mainline record still lists, and no other", () => {
    const fs = findings([rpm(RHEL_9_2, opensslLibs("18.el9_2.4"))]);
    expect(ids(fs)).toEqual(["CVE-2024-55502"]);
  });

  it("reports both fixes when neither is installed", () => {
    const fs = findings([rpm(RHEL_9_2, opensslLibs("18.el9_2.3"))]);
    const f = fs.find((x) => x.ruleId === "CVE-2024-55501")!;
    expect(f.vulnerability).toMatchObject({ aliases: ["RHSA-2024:8101", "RHSA-2024:8102"], fixedVersions: ["1:3.0.7-18.el9_2.4", "1:3.0.7-29.el9_4"] });
    expect(f.message).toContain("in Red Hat:rhel_eus:9.2::baseos (RHSA-2024:8102)");
  });
});

describe("RHEL 10: one stream per minor release", () => {
  const glib2 = (os: ReturnType<typeof readOsFile>, release: string) => rpm(os, { name: "glib2", version: "2.80.4", release, source: `glib2-2.80.4-${release}.src.rpm` });

  it("an older minor's fix does not settle what this minor's record says", () => {
    const fs = findings([glib2(RHEL_10_1, "5.el10_1")]);
    expect(fs.map((f) => [f.ruleId, f.vulnerability?.fixedVersions])).toEqual([["CVE-2025-55601", ["0:2.80.4-6.el10_1"]]]);
  });

  it("the OS's own minor's fix does", () => {
    expect(findings([glib2(RHEL_10_0, "4.el10_0.1")])).toEqual([]);
    expect(ids(findings([glib2(RHEL_10_0, "4.el10_0")]))).toEqual(["CVE-2025-55601"]);
  });
});

describe("packages that do not come from a scanned RHEL image", () => {
  it("an SBOM's Red Hat purl without a release is matched by the package's el tag", () => {
    const p = packageFromPurl("pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm&distro=rhel-9.4")!;
    expect(p.ecosystem).toBe("Red Hat");
    expect(ids(findings([p]))).toEqual(["CVE-2024-55501", "CVE-2024-55502"]);
    // An el8 build is RHEL 8's: RHEL 9 records stay out.
    expect(findings([packageFromPurl("pkg:rpm/redhat/openssl-libs@1.1.1k-12.el8_9?epoch=1&upstream=openssl-1.1.1k-12.el8_9.src.rpm")!])).toEqual([]);
  });

  it("CentOS Stream has no OSV ecosystem: nothing of Red Hat's matches it", () => {
    expect(CENTOS_STREAM_9?.ecosystem).toBeUndefined();
    const p = rpm(CENTOS_STREAM_9, opensslLibs("27.el9"));
    expect(p.ecosystem).toBe("centos:9");
    expect(findings([p])).toEqual([]);
  });
});
