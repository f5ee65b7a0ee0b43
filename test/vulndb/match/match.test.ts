// matchPackages over small hand-written records in OSV's own shape, one rule of the matcher per test.
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/model.js";
import type { Package } from "../../../src/packages/types.js";
import { matchPackages, type MatchOptions } from "../../../src/vulndb/match.js";
import type { OsvRecord } from "../../../src/vulndb/types.js";
import { memorySource } from "./memory-source.js";

function pkg(ecosystem: string, name: string, version: string, extra: Partial<Package> = {}): Package {
  return { ecosystem, name, version, purl: `pkg:generic/${encodeURIComponent(name)}@${encodeURIComponent(version)}`, ...extra };
}

function record(id: string, fields: Partial<OsvRecord>): OsvRecord {
  return { schema_version: "1.6.0", id, modified: "2024-01-01T00:00:00Z", ...fields };
}

function match(packages: Package[], records: OsvRecord[], opts?: MatchOptions, extra?: Parameters<typeof memorySource>[1]) {
  return matchPackages(packages, memorySource(records, extra), opts);
}

const lodashGhsa = record("GHSA-35jh-r3h4-6jhm", {
  aliases: ["CVE-2021-23337"],
  summary: "Command Injection in lodash",
  details: "Lodash versions prior to 4.17.21 are vulnerable to Command Injection via the template function.",
  severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H" }],
  affected: [{ package: { ecosystem: "npm", name: "lodash" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "4.17.21" }] }] }],
  database_specific: { severity: "HIGH" },
});

describe("language packages", () => {
  it("reports an affected version once, explaining the range and the record", () => {
    const r = match([pkg("npm", "lodash", "4.17.20", { path: "app/package-lock.json" })], [lodashGhsa]);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({
      ruleId: "CVE-2021-23337",
      kind: "vulnerability",
      severity: "high",
      title: "Command Injection in lodash",
      location: { path: "app/package-lock.json" },
      package: { name: "lodash", version: "4.17.20", ecosystem: "npm", purl: "pkg:generic/lodash@4.17.20" },
      vulnerability: { id: "CVE-2021-23337", aliases: ["GHSA-35jh-r3h4-6jhm"], fixedVersions: ["4.17.21"] },
      remediation: { text: "Upgrade lodash to 4.17.21 or later." },
    });
    expect(f.message).toBe("lodash 4.17.20 is in the affected range >=0, <4.17.21 (GHSA-35jh-r3h4-6jhm). Fixed in 4.17.21.");
    expect(f.vulnerability?.cvss).toMatchObject({ version: "3.1", vector: "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", score: 7.2 });
    expect(f.description).toMatch(/^Lodash versions prior/);
    expect(f.id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.stats).toEqual({ packages: 1, matched: 1, invalidVersions: 0, unknownEcosystems: 0 });
  });

  it("reports nothing for a fixed version", () => {
    const r = match([pkg("npm", "lodash", "4.17.21")], [lodashGhsa]);
    expect(r.findings).toEqual([]);
    expect(r.stats.matched).toBe(0);
  });

  it("never matches a withdrawn record", () => {
    const withdrawn = record("GHSA-xxxx-withdrawn", { ...lodashGhsa, id: "GHSA-xxxx-withdrawn", aliases: [], withdrawn: "2024-02-01T00:00:00Z" });
    expect(match([pkg("npm", "lodash", "4.17.20")], [withdrawn]).findings).toEqual([]);
  });

  it("matches PyPI names as PEP 503 normalizes them", () => {
    const rec = record("PYSEC-2021-1", {
      aliases: ["CVE-2021-0001"],
      affected: [{ package: { ecosystem: "PyPI", name: "zope-interface" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "5.0" }] }] }],
    });
    const r = match([pkg("PyPI", "Zope_Interface", "4.7.1"), pkg("PyPI", "zope.interface", "4.7.2"), pkg("PyPI", "zope-interfaces", "1.0")], [rec]);
    expect(r.findings.map((f) => `${f.package?.name}@${f.package?.version}`)).toEqual(["Zope_Interface@4.7.1", "zope.interface@4.7.2"]);
  });

  it("matches Go module paths exactly and Maven as group:artifact", () => {
    const go = record("GO-2022-0001", {
      aliases: ["CVE-2022-0001"],
      affected: [{ package: { ecosystem: "Go", name: "github.com/example/mod" }, ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "1.2.0" }] }] }],
    });
    const maven = record("GHSA-mvn1-0000-0000", {
      affected: [{ package: { ecosystem: "Maven", name: "org.example:core" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "2.0" }, { fixed: "2.3.1" }] }] }],
    });
    const r = match(
      [pkg("Go", "github.com/example/mod", "v1.1.9"), pkg("Go", "github.com/example/Mod", "v1.1.9"), pkg("Maven", "org.example:core", "2.3"), pkg("Maven", "org.example:core-extra", "2.3")],
      [go, maven],
    );
    expect(r.findings.map((f) => [f.package?.name, f.ruleId])).toEqual([
      ["github.com/example/mod", "CVE-2022-0001"],
      ["org.example:core", "GHSA-mvn1-0000-0000"],
    ]);
  });

  it("merges records of one vulnerability: CVE first, every other id an alias, fixes united", () => {
    const cve = "CVE-2022-27664";
    const go = record("GO-2022-0969", {
      aliases: [cve, "GHSA-69cg-p879-7622"],
      summary: "Denial of service in net/http and golang.org/x/net/http2",
      affected: [{ package: { ecosystem: "Go", name: "golang.org/x/net" }, ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "0.0.0-20220906165146-f3363e06e74c" }] }] }],
    });
    const ghsa = record("GHSA-69cg-p879-7622", {
      aliases: [cve],
      summary: "golang.org/x/net/http2 vulnerable to possible excessive memory growth",
      affected: [{ package: { ecosystem: "Go", name: "golang.org/x/net" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "0.0.0-20220906165146-f3363e06e74c" }] }] }],
      database_specific: { severity: "HIGH" },
    });
    // An NVD-derived record for the same CVE that knows a later fix as well.
    const nvd = record(cve, {
      affected: [{ package: { ecosystem: "Go", name: "golang.org/x/net" }, ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "0.1.0" }] }] }],
    });
    const r = match([pkg("Go", "golang.org/x/net", "v0.0.0-20220826154423-83b083e8dc8b")], [go, ghsa, nvd]);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe(cve);
    expect(f.vulnerability).toMatchObject({ id: cve, aliases: ["GHSA-69cg-p879-7622", "GO-2022-0969"], fixedVersions: ["0.0.0-20220906165146-f3363e06e74c", "0.1.0"] });
    // Every record that matched is named with its range.
    for (const id of ["GO-2022-0969", "GHSA-69cg-p879-7622", cve]) expect(f.message).toContain(id);
    expect(f.severity).toBe("high");
  });

  it("merges a GHSA, a CVE record and a distribution record that name one CVE", () => {
    const cve = "CVE-2023-1000";
    const eco = "Debian:12";
    const ghsa = record("GHSA-aaaa-bbbb-cccc", {
      aliases: [cve],
      affected: [{ package: { ecosystem: eco, name: "node-foo" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "1.2-1" }] }] }],
    });
    const nvd = record(cve, { affected: [{ package: { ecosystem: eco, name: "node-foo" }, versions: ["1.0-1"] }] });
    const debian = record("DEBIAN-CVE-2023-1000", {
      upstream: [cve],
      affected: [{ package: { ecosystem: eco, name: "node-foo" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "1.1-2" }] }] }],
    });
    const r = match([pkg(eco, "node-foo", "1.0-1")], [ghsa, nvd, debian]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.vulnerability).toMatchObject({ id: cve, aliases: ["DEBIAN-CVE-2023-1000", "GHSA-aaaa-bbbb-cccc"], fixedVersions: ["1.1-2", "1.2-1"] });
    expect(r.findings[0]!.message).toContain("listed as an affected version in Debian:12 (CVE-2023-1000)");
  });

  it("keeps apart vulnerabilities that share no id, and uses the first GHSA when there is no CVE", () => {
    const a = record("GHSA-aaaa-0000-0001", {
      aliases: ["GHSA-aaaa-0000-0000"],
      affected: [{ package: { ecosystem: "npm", name: "left-pad" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }] }] }],
    });
    const b = record("OSV-2020-1", { affected: [{ package: { ecosystem: "npm", name: "left-pad" }, versions: ["1.0.0"] }] });
    const r = match([pkg("npm", "left-pad", "1.0.0")], [a, b]);
    expect(r.findings.map((f) => [f.ruleId, f.vulnerability?.aliases])).toEqual([
      ["GHSA-aaaa-0000-0000", ["GHSA-aaaa-0000-0001"]],
      ["OSV-2020-1", []],
    ]);
    expect(r.findings[0]!.remediation?.text).toMatch(/unfixed/);
    expect(r.findings[0]!.message).toMatch(/No fixed version is available yet \(unfixed\)/);
  });

  it("counts invalid versions and unknown ecosystems, with a warning naming the package", () => {
    const r = match([pkg("npm", "lodash", "not a version"), pkg("Nonexistent", "thing", "1.0"), pkg("Nonexistent", "other", "2.0"), pkg("npm", "lodash", "4.17.20")], [lodashGhsa]);
    expect(r.stats).toEqual({ packages: 4, matched: 1, invalidVersions: 1, unknownEcosystems: 2 });
    expect(r.warnings).toContainEqual({ package: "npm/lodash@not a version", message: expect.stringContaining('version "not a version" is not a valid') });
    expect(r.warnings).toContainEqual({ message: expect.stringContaining('"Nonexistent": 2 packages not matched') });
  });

  it("gives the same id to the same vulnerability on the same package, another to another path or version", () => {
    const a = match([pkg("npm", "lodash", "4.17.20", { path: "a/package-lock.json" })], [lodashGhsa]).findings[0]!;
    const again = match([pkg("npm", "lodash", "4.17.20", { path: "a/package-lock.json" }), pkg("npm", "left-pad", "1.0.0")], [lodashGhsa]).findings[0]!;
    const otherPath = match([pkg("npm", "lodash", "4.17.20", { path: "b/package-lock.json" })], [lodashGhsa]).findings[0]!;
    const otherVersion = match([pkg("npm", "lodash", "4.17.19", { path: "a/package-lock.json" })], [lodashGhsa]).findings[0]!;
    expect(again.id).toBe(a.id);
    expect(otherPath.id).not.toBe(a.id);
    expect(otherVersion.id).not.toBe(a.id);
  });

  it("reports a package listed twice once", () => {
    const p = pkg("npm", "lodash", "4.17.20", { path: "package-lock.json" });
    expect(match([p, { ...p }], [lodashGhsa]).findings).toHaveLength(1);
  });

  it("takes KEV membership and EPSS from the source, by CVE", () => {
    const r = match([pkg("npm", "lodash", "4.17.20")], [lodashGhsa], {}, { kev: ["CVE-2021-23337"], epss: { "CVE-2021-23337": 0.0123 } });
    expect(r.findings[0]!.vulnerability).toMatchObject({ kev: true, epss: 0.0123 });
    const none = match([pkg("npm", "lodash", "4.17.20")], [lodashGhsa], {}, { kev: [], epss: {} });
    expect(none.findings[0]!.vulnerability?.kev).toBe(false);
    expect(none.findings[0]!.vulnerability?.epss).toBeUndefined();
  });
});

describe("OS packages", () => {
  const opensslDsa = record("DSA-5532-1", {
    aliases: ["CVE-2023-5363"],
    summary: "openssl security update",
    affected: [{ package: { ecosystem: "Debian:12", name: "openssl" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "3.0.11-1~deb12u2" }] }] }],
  });

  it("matches a binary by its source package, comparing the source version (binNMU)", () => {
    const libssl = pkg("Debian:12", "libssl3", "3.0.11-1~deb12u1+b1", { source: { name: "openssl", version: "3.0.11-1~deb12u1" } });
    const r = match([libssl], [opensslDsa]);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ ruleId: "CVE-2023-5363", package: { name: "libssl3", version: "3.0.11-1~deb12u1+b1" }, vulnerability: { aliases: ["DSA-5532-1"], fixedVersions: ["3.0.11-1~deb12u2"] } });
    expect(f.message).toBe(
      "libssl3 3.0.11-1~deb12u1+b1 (source package openssl 3.0.11-1~deb12u1) is in the affected range >=0, <3.0.11-1~deb12u2 in Debian:12 (DSA-5532-1). Fixed in 3.0.11-1~deb12u2.",
    );
    expect(f.remediation?.text).toBe("Upgrade libssl3 to 3.0.11-1~deb12u2 or later (the version of source package openssl).");
    // A notice about this one CVE titles it; a notice about several does not (see the USN test).
    expect(f.title).toBe("openssl security update");
    // The fixed build, rebuilt by a binNMU: the binary version is above the fix, and so is the source's.
    const fixed = pkg("Debian:12", "libssl3", "3.0.11-1~deb12u2+b1", { source: { name: "openssl", version: "3.0.11-1~deb12u2" } });
    expect(match([fixed], [opensslDsa]).findings).toEqual([]);
  });

  it("does not match a Debian record under the binary's own name", () => {
    const rec = record("DEBIAN-CVE-2024-0001", {
      upstream: ["CVE-2024-0001"],
      affected: [{ package: { ecosystem: "Debian:12", name: "libssl3" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }] }] }],
    });
    const libssl = pkg("Debian:12", "libssl3", "3.0.11-1~deb12u1", { source: { name: "openssl", version: "3.0.11-1~deb12u1" } });
    expect(match([libssl], [rec]).findings).toEqual([]);
  });

  it("asks the package's own release only", () => {
    const libssl = pkg("Debian:11", "libssl1.1", "1.1.1n-0+deb11u4", { source: { name: "openssl", version: "1.1.1n-0+deb11u4" } });
    expect(match([libssl], [opensslDsa]).findings).toEqual([]);
  });

  it("matches an Alpine package by its origin", () => {
    const rec = record("ALPINE-CVE-2024-5535", {
      upstream: ["CVE-2024-5535"],
      affected: [{ package: { ecosystem: "Alpine:v3.20", name: "openssl" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "3.3.1-r1" }] }] }],
    });
    const libcrypto = pkg("Alpine:v3.20", "libcrypto3", "3.3.1-r0", { source: { name: "openssl", version: "3.3.1-r0" } });
    const r = match([libcrypto, pkg("Alpine:v3.20", "libcrypto3", "3.3.1-r1", { source: { name: "openssl", version: "3.3.1-r1" }, path: "other" })], [rec]);
    expect(r.findings.map((f) => [f.package?.version, f.ruleId, f.vulnerability?.fixedVersions])).toEqual([["3.3.1-r0", "CVE-2024-5535", ["3.3.1-r1"]]]);
  });

  describe("fix states", () => {
    const tar = record("DEBIAN-CVE-2005-2541", {
      upstream: ["CVE-2005-2541"],
      affected: [{ package: { ecosystem: "Debian:12", name: "tar" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }] }], ecosystem_specific: { urgency: "unimportant" } }],
    });
    const busybox = record("DEBIAN-CVE-2011-5325", {
      upstream: ["CVE-2011-5325"],
      affected: [{ package: { ecosystem: "Debian:12", name: "busybox" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }] }], ecosystem_specific: { urgency: "end-of-life" } }],
    });
    const packages = [pkg("Debian:12", "tar", "1.34+dfsg-1.2"), pkg("Debian:12", "busybox", "1:1.35.0-4"), pkg("Debian:12", "openssl", "3.0.11-1~deb12u1")];

    it("reports unfixed and won't-fix vulnerabilities, saying so", () => {
      const r = match(packages, [tar, busybox, opensslDsa]);
      const byName = Object.fromEntries(r.findings.map((f) => [f.package!.name, f]));
      expect(Object.keys(byName).sort()).toEqual(["busybox", "openssl", "tar"]);
      expect(byName.tar!.message).toMatch(/\(unfixed\)/);
      expect(byName.tar!.remediation?.text).toMatch(/fix state: unfixed/);
      expect(byName.tar!.vulnerability?.fixedVersions).toEqual([]);
      // Debian's "unimportant" is its rating: the severity follows the distribution.
      expect(byName.tar!.severity).toBe("info");
      expect(byName.busybox!.message).toMatch(/\(won't fix\)/);
      expect(byName.busybox!.remediation?.text).toMatch(/fix state: won't fix/);
      expect(byName.openssl!.message).toMatch(/Fixed in 3\.0\.11-1~deb12u2/);
    });

    it("leaves them out with ignoreUnfixed", () => {
      const r = match(packages, [tar, busybox, opensslDsa], { ignoreUnfixed: true });
      expect(r.findings.map((f) => f.package?.name)).toEqual(["openssl"]);
    });

    it("suppresses what a record states is not affected", () => {
      const cga = record("CGA-xcpc-gm23-prj9", {
        upstream: ["CVE-2025-68121", "GHSA-qgxr-kfqx-v5q9"],
        affected: [
          {
            package: { ecosystem: "Chainguard", name: "syncthing-compat" },
            ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "0" }] }],
            ecosystem_specific: { components: [{ component_name: "syncthing", status: "not_affected", justification: "VULNERABLE_CODE_NOT_PRESENT" }] },
          },
          { package: { ecosystem: "Chainguard", name: "syncthing" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "2.0.14-r1" }] }] },
        ],
      });
      // A distribution's own statement, beside a range that would match.
      const stated = record("DEBIAN-CVE-2025-0002", {
        upstream: ["CVE-2025-0002"],
        affected: [{ package: { ecosystem: "Debian:12", name: "tar" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }] }], database_specific: { status: "not_affected" } }],
      });
      const r = match([pkg("Chainguard", "syncthing-compat", "2.0.13-r0"), pkg("Chainguard", "syncthing", "2.0.13-r0"), pkg("Debian:12", "tar", "1.34+dfsg-1.2")], [cga, stated]);
      expect(r.findings.map((f) => [f.package?.name, f.ruleId, f.vulnerability?.aliases])).toEqual([["syncthing", "CVE-2025-68121", ["CGA-xcpc-gm23-prj9", "GHSA-qgxr-kfqx-v5q9"]]]);
    });
  });

  it("lets an Ubuntu Pro fix clear what the base release's record still lists as unfixed", () => {
    const rec = record("UBUNTU-CVE-2025-29769", {
      upstream: ["CVE-2025-29769"],
      severity: [{ type: "Ubuntu", score: "medium" }, { type: "CVSS_V3", score: "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H" }],
      affected: [
        { package: { ecosystem: "Ubuntu:22.04:LTS", name: "vips" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }] }], versions: ["8.12.1-1"] },
        { package: { ecosystem: "Ubuntu:Pro:22.04:LTS", name: "vips" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "8.12.1-1ubuntu0.1~esm1" }] }] },
      ],
    });
    const base = pkg("Ubuntu:22.04", "libvips42", "8.12.1-1", { source: { name: "vips", version: "8.12.1-1" } });
    const pro = pkg("Ubuntu:22.04", "libvips42", "8.12.1-1ubuntu0.1~esm1", { source: { name: "vips", version: "8.12.1-1ubuntu0.1~esm1" } });
    const r = match([base, pro], [rec]);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ ruleId: "CVE-2025-29769", severity: "medium", package: { version: "8.12.1-1" }, vulnerability: { aliases: ["UBUNTU-CVE-2025-29769"], fixedVersions: ["8.12.1-1ubuntu0.1~esm1"] } });
    expect(f.message).toContain("listed as an affected version in Ubuntu:22.04:LTS");
    expect(f.message).toContain("in Ubuntu:Pro:22.04:LTS");
  });

  it("joins a notice that fixes several CVEs to the finding of each", () => {
    const usn = record("USN-6409-1", {
      summary: "glibc vulnerabilities",
      upstream: ["UBUNTU-CVE-2023-4527", "UBUNTU-CVE-2023-4911"],
      affected: [{ package: { ecosystem: "Ubuntu:22.04:LTS", name: "glibc" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "2.35-0ubuntu3.4" }] }] }],
    });
    const cve = record("UBUNTU-CVE-2023-4911", {
      upstream: ["CVE-2023-4911"],
      severity: [{ type: "Ubuntu", score: "high" }],
      affected: [{ package: { ecosystem: "Ubuntu:22.04:LTS", name: "glibc" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "2.35-0ubuntu3.4" }] }] }],
    });
    const libc = pkg("Ubuntu:22.04", "libc6", "2.35-0ubuntu3.1", { source: { name: "glibc", version: "2.35-0ubuntu3.1" } });
    const r = match([libc], [usn, cve]);
    expect(r.findings.map((f) => [f.ruleId, f.vulnerability?.aliases, f.severity, f.title])).toEqual([
      ["CVE-2023-4911", ["UBUNTU-CVE-2023-4911", "USN-6409-1"], "high", "CVE-2023-4911 in libc6"],
      ["CVE-2023-4527", ["USN-6409-1"], "medium", "CVE-2023-4527 in libc6"],
    ]);
  });
});

describe("language packages installed by OS packages", () => {
  const requestsGhsa = record("GHSA-j8r2-6x86-q33q", {
    aliases: ["CVE-2023-32681"],
    affected: [{ package: { ecosystem: "PyPI", name: "requests" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "2.3.0" }, { fixed: "2.31.0" }] }] }],
  });
  const debianRequests = record("DEBIAN-CVE-2023-32681", {
    upstream: ["CVE-2023-32681"],
    affected: [{ package: { ecosystem: "Debian:12", name: "requests" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "2.28.1+dfsg-1+deb12u1" }] }] }],
  });
  const owner = pkg("Debian:12", "python3-requests", "2.28.1+dfsg-1+deb12u1", { source: { name: "requests", version: "2.28.1+dfsg-1+deb12u1" } });
  const owned = pkg("PyPI", "requests", "2.28.1", { path: "usr/lib/python3/dist-packages/requests-2.28.1.dist-info/METADATA", ownedBy: { ecosystem: "Debian:12", name: "python3-requests" } });

  it("are judged by the distribution: Debian backported the fix, so nothing is reported", () => {
    const r = match([owner, owned], [requestsGhsa, debianRequests]);
    expect(r.findings).toEqual([]);
    expect(r.stats.packages).toBe(2);
  });

  it("are matched upstream as well with detection: upstream", () => {
    const r = match([owner, owned], [requestsGhsa, debianRequests], { detection: "upstream" });
    expect(r.findings.map((f: Finding) => [f.package?.ecosystem, f.package?.name, f.ruleId])).toEqual([["PyPI", "requests", "CVE-2023-32681"]]);
  });

  it("a pip-installed package (no owner) is matched upstream", () => {
    const own = pkg("PyPI", "requests", "2.28.1", { path: "venv/lib/python3.11/site-packages/requests-2.28.1.dist-info/METADATA" });
    expect(match([own], [requestsGhsa]).findings).toHaveLength(1);
  });
});

describe("the advisory cache", () => {
  it("asks the source once per ecosystem and name, however many packages share it", () => {
    const source = memorySource([lodashGhsa]);
    const packages = Array.from({ length: 50 }, (_, i) => pkg("npm", "lodash", `4.17.${i}`, { path: `p${i}/package-lock.json` }));
    const r = matchPackages(packages, source);
    expect(source.lookups).toBe(1);
    expect(r.findings).toHaveLength(21);
  });

  it("gives the same findings when every look-up returns new objects, as the database does", () => {
    const packages = [pkg("npm", "lodash", "4.17.20"), pkg("npm", "lodash", "4.17.19", { path: "x" })];
    const a = matchPackages(packages, memorySource([lodashGhsa]));
    const b = matchPackages(packages, memorySource([lodashGhsa], { fresh: true }));
    expect(b.findings).toEqual(a.findings);
  });
});
