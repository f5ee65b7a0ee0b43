// finishOsPackage: what the driver does to an OS package once the OS is known, and that the result
// is what the vulnerability matcher (src/vulndb/distro.ts) asks the advisories about.
import { describe, expect, it } from "vitest";
import type { OsInfo } from "../../../src/artifacts/types.js";
import { dpkgPackages } from "../../../src/packages/os/dpkg.js";
import { parseApkInstalled } from "../../../src/packages/os/apk.js";
import { finishOsPackage } from "../../../src/packages/os/os-purl.js";
import { readOsFile } from "../../../src/packages/os/os-release.js";
import { rpmPackage } from "../../../src/packages/os/rpm.js";
import type { Package } from "../../../src/packages/types.js";
import { distroQueries } from "../../../src/vulndb/distro.js";

const os = (text: string): OsInfo => readOsFile("etc/os-release", text) as OsInfo;
const DEBIAN = os("ID=debian\nVERSION_ID=12\n");
const UBUNTU = os("ID=ubuntu\nVERSION_ID=22.04\n");
const ALPINE = os("ID=alpine\nVERSION_ID=3.20.3\n");
const WOLFI = os("ID=wolfi\nVERSION_ID=20230201\n");
const ROCKY = os("ID=rocky\nVERSION_ID=9.3\n");
const CENTOS = os("ID=centos\nVERSION_ID=7\n");
const PHOTON = os("ID=photon\nVERSION_ID=5.0\n");
const SLES = os('ID="sles"\nVERSION_ID="15.6"\nPRETTY_NAME="SUSE Linux Enterprise Server 15 SP6"\n');

const [LIBC, BASH] = dpkgPackages(
  "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nSource: glibc\nVersion: 2.36-9+deb12u7\n\n" +
    "Package: bash\nStatus: install ok installed\nArchitecture: amd64\nSource: bash (5.2.15-2)\nVersion: 5.2.15-2+b7\n",
  "var/lib/dpkg/status",
).packages as [Package, Package];
const CRYPTO = parseApkInstalled("P:libcrypto3\nV:3.3.1-r0\nA:x86_64\no:openssl\n", "lib/apk/db/installed").packages?.[0] as Package;
const OPENSSL = rpmPackage(
  { name: "openssl-libs", version: "3.0.7", release: "27.el9", epoch: 1, arch: "x86_64", sourceRpm: "openssl-3.0.7-27.el9.src.rpm", files: [] },
  "var/lib/rpm/rpmdb.sqlite",
);

describe("finishOsPackage", () => {
  const rows: [string, Package, OsInfo | undefined, string, string][] = [
    ["Debian", LIBC, DEBIAN, "Debian:12", "pkg:deb/debian/libc6@2.36-9+deb12u7?arch=amd64&distro=debian-12&upstream=glibc"],
    ["Ubuntu", LIBC, UBUNTU, "Ubuntu:22.04", "pkg:deb/ubuntu/libc6@2.36-9+deb12u7?arch=amd64&distro=ubuntu-22.04&upstream=glibc"],
    ["Alpine", CRYPTO, ALPINE, "Alpine:v3.20", "pkg:apk/alpine/libcrypto3@3.3.1-r0?arch=x86_64&distro=alpine-3.20&upstream=openssl"],
    ["Wolfi", CRYPTO, WOLFI, "Wolfi", "pkg:apk/wolfi/libcrypto3@3.3.1-r0?arch=x86_64&upstream=openssl"],
    [
      "Rocky Linux",
      OPENSSL,
      ROCKY,
      "Rocky Linux:9",
      "pkg:rpm/rocky/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rocky-9&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm",
    ],
    ["SUSE (product name)", OPENSSL, SLES, "SUSE:Linux Enterprise Server 15 SP6", "pkg:rpm/suse/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm"],
    [
      "Photon OS (no purl namespace in purl.ts)",
      OPENSSL,
      PHOTON,
      "Photon OS:5.0",
      "pkg:rpm/photon/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=photon-5.0&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm",
    ],
    [
      "CentOS (no OSV ecosystem: named, so that nothing matches)",
      OPENSSL,
      CENTOS,
      "centos:7",
      "pkg:rpm/centos/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=centos-7&epoch=1&upstream=openssl-3.0.7-27.el9.src.rpm",
    ],
    ["no OS detected", LIBC, undefined, "Debian", "pkg:deb/debian/libc6@2.36-9+deb12u7?arch=amd64&upstream=glibc"],
    ["an OS of another package format", LIBC, ALPINE, "Debian", "pkg:deb/debian/libc6@2.36-9+deb12u7?arch=amd64&upstream=glibc"],
  ];
  it.each(rows)("%s", (_label, pkg, info, ecosystem, purl) => {
    const done = finishOsPackage(pkg, info);
    expect(done.ecosystem).toBe(ecosystem);
    expect(done.purl).toBe(purl);
    expect(done.name).toBe(pkg.name);
    expect(done.version).toBe(pkg.version);
    expect(done.source).toEqual(pkg.source);
  });

  it("leaves packages of other ecosystems alone", () => {
    const npm: Package = { name: "lodash", version: "4.17.21", ecosystem: "npm", purl: "pkg:npm/lodash@4.17.21" };
    expect(finishOsPackage(npm, DEBIAN)).toBe(npm);
  });

  it("gives the matcher the source package and release it asks advisories about", () => {
    expect(distroQueries(finishOsPackage(BASH, DEBIAN))).toEqual([{ ecosystem: "Debian:12", name: "bash", version: "5.2.15-2", viaSource: true }]);
    expect(distroQueries(finishOsPackage(LIBC, UBUNTU))?.map((q) => `${q.ecosystem} ${q.name}`)).toEqual([
      "Ubuntu:22.04:LTS glibc",
      "Ubuntu:Pro:22.04:LTS glibc",
    ]);
    expect(distroQueries(finishOsPackage(CRYPTO, ALPINE))).toEqual([{ ecosystem: "Alpine:v3.20", name: "openssl", version: "3.3.1-r0", viaSource: true }]);
    expect(distroQueries(finishOsPackage(OPENSSL, ROCKY))?.map((q) => `${q.ecosystem} ${q.name} ${q.version}`)).toEqual([
      "Rocky Linux:9 openssl-libs 1:3.0.7-27.el9",
      "Rocky Linux:9 openssl 1:3.0.7-27.el9",
    ]);
  });
});
