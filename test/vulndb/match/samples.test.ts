// Matching against real OSV records, read from the shared data set: the expected vulnerable and
// fixed versions below are taken from each record's own ranges.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Package } from "../../../src/packages/types.js";
import { matchPackages } from "../../../src/vulndb/match.js";
import { osvFormatOf, parseOsvText } from "../../../src/vulndb/osv.js";
import type { OsvRecord } from "../../../src/vulndb/types.js";
import { memorySource } from "./memory-source.js";

const DATA = process.env.MAMORI_OSV_DATA ?? "/work/shared/data/osv";
const present = existsSync(join(DATA, "samples"));

function load(...files: string[]): OsvRecord[] {
  return files.flatMap((f) => {
    const path = join(DATA, f);
    return parseOsvText(readFileSync(path, "utf8"), path, osvFormatOf(f)!);
  });
}

function pkg(ecosystem: string, name: string, version: string, source?: { name: string; version: string }): Package {
  return { ecosystem, name, version, purl: `pkg:generic/${encodeURIComponent(name)}@${encodeURIComponent(version)}`, ...(source ? { source } : {}) };
}

/** "name@version ruleId" for every finding, and the fixed versions by that key. */
function run(records: OsvRecord[], packages: Package[]) {
  const r = matchPackages(packages, memorySource(records));
  expect(r.stats.invalidVersions, JSON.stringify(r.warnings)).toBe(0);
  expect(r.stats.unknownEcosystems, JSON.stringify(r.warnings)).toBe(0);
  const keys = r.findings.map((f) => `${f.package!.name}@${f.package!.version} ${f.ruleId}`);
  const byKey = Object.fromEntries(r.findings.map((f, i) => [keys[i]!, f]));
  return { keys, byKey, findings: r.findings };
}

describe.skipIf(!present)(`real OSV records${present ? "" : ` (skipped: ${DATA} is absent)`}`, () => {
  it("GHSA npm (lodash, fixed 4.17.20): both packages of the record", () => {
    const { keys, byKey } = run(load("samples/GHSA-p6mc-m468-83gw.json"), [
      pkg("npm", "lodash", "4.17.19"),
      pkg("npm", "lodash", "4.17.20"),
      pkg("npm", "lodash-es", "4.17.15"),
      pkg("npm", "lodash.merge", "4.6.1"),
    ]);
    expect(keys).toEqual(["lodash@4.17.19 CVE-2020-8203", "lodash-es@4.17.15 CVE-2020-8203"]);
    expect(byKey["lodash@4.17.19 CVE-2020-8203"]!.vulnerability).toMatchObject({ aliases: ["GHSA-p6mc-m468-83gw"], fixedVersions: ["4.17.20"] });
    expect(byKey["lodash@4.17.19 CVE-2020-8203"]!.title).toBe("Prototype Pollution in lodash");
  });

  it("GHSA Maven (log4j-core): three ranges, Maven ordering", () => {
    const name = "org.apache.logging.log4j:log4j-core";
    const { keys, byKey } = run(
      load("samples/GHSA-jfh8-c2jp-5v3q.json"),
      ["2.0-beta9", "2.3", "2.3.1", "2.4", "2.12.1", "2.12.2", "2.13.0", "2.14.1", "2.15.0", "2.17.1"].map((v) => pkg("Maven", name, v)),
    );
    expect(keys.map((k) => k.split(" ")[0]!.split("@")[1])).toEqual(["2.0-beta9", "2.3", "2.4", "2.12.1", "2.13.0", "2.14.1"]);
    expect(byKey[`${name}@2.14.1 CVE-2021-44228`]!).toMatchObject({ severity: "critical", vulnerability: { fixedVersions: ["2.15.0"] } });
    expect(byKey[`${name}@2.12.1 CVE-2021-44228`]!.vulnerability?.fixedVersions).toEqual(["2.12.2", "2.15.0"]);
    expect(byKey[`${name}@2.3 CVE-2021-44228`]!.message).toContain("in the affected range >=0, <2.3.1 (GHSA-jfh8-c2jp-5v3q)");
  });

  it("Ubuntu: a USN for two CVEs and the Ubuntu CVE record of one of them, by source package", () => {
    const records = load("samples/USN-6409-1.json", "samples/UBUNTU-CVE-2023-4911.json");
    const { keys, byKey } = run(records, [
      pkg("Ubuntu:22.04", "libc6", "2.35-0ubuntu3.1", { name: "glibc", version: "2.35-0ubuntu3.1" }),
      pkg("Ubuntu:22.04", "libc-bin", "2.35-0ubuntu3.4", { name: "glibc", version: "2.35-0ubuntu3.4" }),
      pkg("Ubuntu:24.04", "libc6", "2.38-1ubuntu5", { name: "glibc", version: "2.38-1ubuntu5" }),
      pkg("Ubuntu:24.04", "libc6", "2.38-1ubuntu6", { name: "glibc", version: "2.38-1ubuntu6" }),
    ]);
    expect(keys).toEqual([
      "libc6@2.35-0ubuntu3.1 CVE-2023-4911",
      "libc6@2.35-0ubuntu3.1 CVE-2023-4527",
      "libc6@2.38-1ubuntu5 CVE-2023-4911",
    ]);
    const looneyTunables = byKey["libc6@2.35-0ubuntu3.1 CVE-2023-4911"]!;
    expect(looneyTunables).toMatchObject({ severity: "high", vulnerability: { aliases: ["UBUNTU-CVE-2023-4911", "USN-6409-1"], fixedVersions: ["2.35-0ubuntu3.4"] } });
    expect(looneyTunables.message).toContain("(source package glibc 2.35-0ubuntu3.1)");
    expect(byKey["libc6@2.35-0ubuntu3.1 CVE-2023-4527"]!.vulnerability?.aliases).toEqual(["USN-6409-1"]);
    expect(byKey["libc6@2.38-1ubuntu5 CVE-2023-4911"]!.vulnerability?.fixedVersions).toEqual(["2.38-1ubuntu6"]);
  });

  it("Ubuntu USN with a versions list (python-django on 14.04)", () => {
    const { keys } = run(load("samples/USN-2169-1.json"), [
      pkg("Ubuntu:14.04", "python-django", "1.6.1-2"),
      pkg("Ubuntu:14.04", "python-django", "1.6.1-2ubuntu0.1"),
    ]);
    expect(keys).toEqual(["python-django@1.6.1-2 CVE-2014-0472", "python-django@1.6.1-2 CVE-2014-0473", "python-django@1.6.1-2 CVE-2014-0474"]);
  });

  it("AlmaLinux: binary RPM names, CVEs under related, epochs", () => {
    const records = load("samples/ALSA-2020-1636.json", "samples/ALSA-2025-7467.json", "samples/ALSA-2021-4156.json");
    const { keys, byKey } = run(records, [
      pkg("AlmaLinux:8", "libsndfile-devel", "1.0.28-9.el8", { name: "libsndfile", version: "1.0.28-9.el8" }),
      pkg("AlmaLinux:8", "libsndfile-devel", "1.0.28-10.el8", { name: "libsndfile", version: "1.0.28-10.el8" }),
      pkg("AlmaLinux:10", "skopeo", "2:1.18.0-1.el10"),
      pkg("AlmaLinux:10", "skopeo", "2:1.18.1-1.el10_0"),
      pkg("AlmaLinux:8.5", "delve", "1.6.0-1.module_el8.5.0+2604+960c7771"),
    ]);
    expect(keys).toEqual([
      "libsndfile-devel@1.0.28-9.el8 CVE-2018-13139",
      "libsndfile-devel@1.0.28-9.el8 CVE-2018-19662",
      "skopeo@2:1.18.0-1.el10 CVE-2025-27144",
    ]);
    expect(byKey["skopeo@2:1.18.0-1.el10 CVE-2025-27144"]!.vulnerability).toMatchObject({ aliases: ["ALSA-2025:7467"], fixedVersions: ["2:1.18.1-1.el10_0"] });
  });

  it("Bitnami: SEMVER ranges, two branches, and last_affected", () => {
    const { keys } = run(load("samples/BIT-node-2020-8201.json", "samples/BIT-apache-2020-11984.json"), [
      ...["11.9.0", "12.0.0", "12.18.3", "12.18.4", "13.0.0", "14.10.1", "14.11.0"].map((v) => pkg("Bitnami", "node", v)),
      ...["2.4.31", "2.4.32", "2.4.43", "2.4.44"].map((v) => pkg("Bitnami", "apache", v)),
    ]);
    expect(keys).toEqual([
      "node@12.0.0 CVE-2020-8201",
      "node@12.18.3 CVE-2020-8201",
      "node@14.10.1 CVE-2020-8201",
      "apache@2.4.32 CVE-2020-11984",
      "apache@2.4.43 CVE-2020-11984",
    ]);
  });

  it("Chainguard and Wolfi: fixed versions, and a not-affected entry (introduced 0, fixed 0)", () => {
    const records = load("samples/CGA-xcpc-gm23-prj9.json", "samples/CGA-224q-ccj5-2p53.json", "samples/CGA-22hv-wp9q-4779.json");
    const { keys, byKey } = run(records, [
      pkg("Chainguard", "syncthing", "2.0.13-r0"),
      pkg("Chainguard", "syncthing", "2.0.14-r1"),
      pkg("Chainguard", "syncthing-compat", "2.0.13-r0"),
      pkg("Wolfi", "haproxy-3.0", "3.0.9-r2"),
      pkg("Wolfi", "haproxy-3.1", "3.1.7-r0"),
      pkg("Chainguard", "langfuse-fips-3-worker", "3.151.0-r3"),
    ]);
    expect(keys).toEqual([
      "syncthing@2.0.13-r0 CVE-2025-68121",
      "haproxy-3.0@3.0.9-r2 CVE-2025-32464",
      "langfuse-fips-3-worker@3.151.0-r3 CVE-2026-24398",
    ]);
    expect(byKey["haproxy-3.0@3.0.9-r2 CVE-2025-32464"]!.vulnerability).toMatchObject({ aliases: ["CGA-224q-ccj5-2p53", "GHSA-frg5-h47x-75j9"], fixedVersions: ["3.0.10-r0"] });
  });

  it("Root.io: patched Debian, Ubuntu and Alpine packages and language packages", () => {
    const records = load(
      "samples/ROOT-OS-DEBIAN-bookworm-CVE-2025-53014.json",
      "samples/ROOT-OS-UBUNTU-2204-CVE-2025-68973.json",
      "samples/ROOT-OS-ALPINE-318-CVE-2000-0548.json",
      "samples/ROOT-APP-NPM-CVE-2022-25883.json",
      "samples/ROOT-APP-PYPI-CVE-2025-30473.json",
    );
    const { keys, byKey } = run(records, [
      pkg("Debian:12", "imagemagick-6.q16", "8:6.9.11.60+dfsg-1.6+deb12u2.root.io.1", { name: "imagemagick", version: "8:6.9.11.60+dfsg-1.6+deb12u2.root.io.1" }),
      pkg("Debian:12", "imagemagick-6.q16", "8:6.9.11.60+dfsg-1.6+deb12u3.root.io.1", { name: "imagemagick", version: "8:6.9.11.60+dfsg-1.6+deb12u3.root.io.1" }),
      pkg("Ubuntu:22.04", "gpg", "2.2.27-3ubuntu2.1.root.io.1", { name: "gnupg2", version: "2.2.27-3ubuntu2.1.root.io.1" }),
      pkg("Alpine:v3.18", "rootio-util-linux", "2.38.1-r10070"),
      pkg("Alpine:v3.18", "rootio-util-linux", "2.38.1-r10071"),
      pkg("npm", "semver", "7.5.1-root.io.1"),
      pkg("PyPI", "requests", "2.31.0+root.io.0"),
    ]);
    expect(keys).toEqual([
      "imagemagick-6.q16@8:6.9.11.60+dfsg-1.6+deb12u2.root.io.1 CVE-2025-53014",
      "gpg@2.2.27-3ubuntu2.1.root.io.1 CVE-2025-68973",
      "rootio-util-linux@2.38.1-r10070 CVE-2000-0548",
      "semver@7.5.1-root.io.1 CVE-2022-25883",
      "requests@2.31.0+root.io.0 CVE-2025-30473",
    ]);
    expect(byKey["gpg@2.2.27-3ubuntu2.1.root.io.1 CVE-2025-68973"]!.vulnerability).toMatchObject({
      aliases: ["ROOT-OS-UBUNTU-2204-CVE-2025-68973"],
      fixedVersions: ["2.2.27-3ubuntu2.4.root.io.1"],
    });
  });

  it("Go: SEMVER ranges, stdlib with toolchain versions, pseudo-versions, +incompatible", () => {
    const records = load("go/GO-2022-0969.json", "go/GO-2024-2826.json", "go/GO-2023-2385.json", "go/GO-2026-4610.json", "go/GO-2020-0001.json");
    const { keys, byKey } = run(records, [
      pkg("Go", "stdlib", "go1.18.5"),
      pkg("Go", "stdlib", "1.18.6"),
      pkg("Go", "stdlib", "v1.19.0"),
      pkg("Go", "stdlib", "go1.19.1"),
      pkg("Go", "golang.org/x/net", "v0.0.0-20220826154423-83b083e8dc8b"),
      pkg("Go", "golang.org/x/net", "v0.1.0"),
      pkg("Go", "vitess.io/vitess", "v0.18.4"),
      pkg("Go", "vitess.io/vitess", "v0.18.5"),
      pkg("Go", "github.com/pubnub/go/v7", "v7.1.2"),
      pkg("Go", "github.com/pubnub/go/v7", "v7.2.0"),
      pkg("Go", "github.com/docker/cli", "v29.1.0+incompatible"),
      pkg("Go", "github.com/docker/cli", "v29.2.0+incompatible"),
      pkg("Go", "github.com/gin-gonic/gin", "v1.5.0"),
    ]);
    expect(keys).toEqual([
      "stdlib@go1.18.5 CVE-2022-27664",
      "stdlib@v1.19.0 CVE-2022-27664",
      "golang.org/x/net@v0.0.0-20220826154423-83b083e8dc8b CVE-2022-27664",
      "vitess.io/vitess@v0.18.4 CVE-2024-32886",
      "github.com/pubnub/go/v7@v7.1.2 CVE-2023-26154",
      "github.com/docker/cli@v29.1.0+incompatible CVE-2025-15558",
      "github.com/gin-gonic/gin@v1.5.0 CVE-2020-36567",
    ]);
    expect(byKey["stdlib@go1.18.5 CVE-2022-27664"]!.vulnerability).toMatchObject({ aliases: ["GHSA-69cg-p879-7622", "GO-2022-0969"], fixedVersions: ["1.18.6", "1.19.1"] });
    expect(byKey["vitess.io/vitess@v0.18.4 CVE-2024-32886"]!.vulnerability?.fixedVersions).toEqual(["0.18.5", "0.19.4"]);
  });

  it("RustSec: SEMVER from 0.0.0-0; a withdrawn advisory matches nothing", () => {
    const { keys } = run(load("rustsec/RUSTSEC-2016-0001.json", "rustsec/RUSTSEC-2020-0053.json"), [
      pkg("crates.io", "openssl", "0.8.3"),
      pkg("crates.io", "openssl", "0.9.0"),
      pkg("crates.io", "dirs", "1.0.5"),
    ]);
    expect(keys).toEqual(["openssl@0.8.3 CVE-2016-10931"]);
  });

  it("PyPI (YAML): names by PEP 503, GIT ranges beside ECOSYSTEM ones, a withdrawn record", () => {
    const { keys, byKey } = run(load("pypi/accesscontrol/PYSEC-2021-335.yaml", "pypi/redis/PYSEC-2023-73.yaml", "pypi/aiohttp/PYSEC-2023-120.yaml"), [
      pkg("PyPI", "AccessControl", "4.2"),
      pkg("PyPI", "AccessControl", "4.3"),
      pkg("PyPI", "AccessControl", "5.1"),
      pkg("PyPI", "AccessControl", "3.0"),
      pkg("PyPI", "redis", "2.10.6"),
      pkg("PyPI", "aiohttp", "3.8.4"),
      pkg("PyPI", "aiohttp", "3.8.5"),
    ]);
    expect(keys).toEqual(["AccessControl@4.2 CVE-2021-32807", "AccessControl@5.1 CVE-2021-32807", "aiohttp@3.8.4 CVE-2023-37276"]);
    expect(byKey["AccessControl@4.2 CVE-2021-32807"]!.vulnerability).toMatchObject({ aliases: ["GHSA-qcx9-j53g-ccgf", "PYSEC-2021-335"], fixedVersions: ["4.3", "5.2"] });
    expect(byKey["aiohttp@3.8.4 CVE-2023-37276"]!.vulnerability?.fixedVersions).toEqual(["3.8.5"]);
  });
});
