// Which ecosystems, names and versions an OS package is looked up by, and the fix states feeds state.
import { describe, expect, it } from "vitest";
import type { Package } from "../../../src/packages/types.js";
import { distroQueries, fixStateOf, isOsEcosystem, stripBinNmu, type DistroQuery, type FixState } from "../../../src/vulndb/distro.js";
import type { OsvAffected, RangeVerdict } from "../../../src/vulndb/types.js";

function pkg(ecosystem: string, name: string, version: string, source?: { name: string; version: string }): Package {
  return { ecosystem, name, version, purl: `pkg:generic/${name}@${version}`, ...(source ? { source } : {}) };
}

const q = (ecosystem: string, name: string, version: string, viaSource: boolean): DistroQuery => ({ ecosystem, name, version, viaSource });

describe("distroQueries", () => {
  it.each([
    {
      what: "Debian binNMU: the source package at its own version",
      pkg: pkg("Debian:12", "libssl3", "3.0.11-1~deb12u2+b1", { name: "openssl", version: "3.0.11-1~deb12u2" }),
      expected: [q("Debian:12", "openssl", "3.0.11-1~deb12u2", true)],
    },
    {
      what: "Debian binNMU whose source version was copied from the binary: +bN is dropped",
      pkg: pkg("Debian:12", "zlib1g", "1:1.2.13.dfsg-1+b1", { name: "zlib", version: "1:1.2.13.dfsg-1+b1" }),
      expected: [q("Debian:12", "zlib", "1:1.2.13.dfsg-1", true)],
    },
    {
      what: "Debian package that is its own source",
      pkg: pkg("Debian:12", "tar", "1.34+dfsg-1.2"),
      expected: [q("Debian:12", "tar", "1.34+dfsg-1.2", false)],
    },
    {
      what: "a binNMU of a package that is its own source",
      pkg: pkg("Debian:11", "bash", "5.1-2+b3"),
      expected: [q("Debian:11", "bash", "5.1-2", true)],
    },
    { what: "Debian point release", pkg: pkg("Debian:12.4", "tar", "1.34"), expected: [q("Debian:12", "tar", "1.34", false)] },
    { what: "Debian codename", pkg: pkg("Debian:bookworm", "tar", "1.34"), expected: [q("Debian:12", "tar", "1.34", false)] },
    {
      what: "Ubuntu LTS: the LTS and the Pro streams",
      pkg: pkg("Ubuntu:22.04", "libc6", "2.35-0ubuntu3.1", { name: "glibc", version: "2.35-0ubuntu3.1" }),
      expected: [q("Ubuntu:22.04:LTS", "glibc", "2.35-0ubuntu3.1", true), q("Ubuntu:Pro:22.04:LTS", "glibc", "2.35-0ubuntu3.1", true)],
    },
    {
      what: "Ubuntu written with its :LTS suffix",
      pkg: pkg("Ubuntu:24.04:LTS", "bash", "5.2.21-2ubuntu4"),
      expected: [q("Ubuntu:24.04:LTS", "bash", "5.2.21-2ubuntu4", false), q("Ubuntu:Pro:24.04:LTS", "bash", "5.2.21-2ubuntu4", false)],
    },
    { what: "Ubuntu interim release", pkg: pkg("Ubuntu:23.10", "bash", "5.2.15-2ubuntu1"), expected: [q("Ubuntu:23.10", "bash", "5.2.15-2ubuntu1", false)] },
    {
      what: "Alpine: the origin package",
      pkg: pkg("Alpine:v3.20", "libcrypto3", "3.3.1-r0", { name: "openssl", version: "3.3.1-r0" }),
      expected: [q("Alpine:v3.20", "openssl", "3.3.1-r0", true)],
    },
    { what: "Alpine release without v, with a patch level", pkg: pkg("Alpine:3.18.4", "busybox", "1.36.1-r5"), expected: [q("Alpine:v3.18", "busybox", "1.36.1-r5", false)] },
    {
      what: "AlmaLinux: the binary RPM, then the source RPM",
      pkg: pkg("AlmaLinux:8.9", "libsndfile-devel", "1.0.28-9.el8", { name: "libsndfile", version: "1.0.28-9.el8" }),
      expected: [q("AlmaLinux:8", "libsndfile-devel", "1.0.28-9.el8", false), q("AlmaLinux:8", "libsndfile", "1.0.28-9.el8", true)],
    },
    {
      what: "Chainguard: Chainguard's and Wolfi's records",
      pkg: pkg("Chainguard", "syncthing", "2.0.13-r0"),
      expected: [q("Chainguard", "syncthing", "2.0.13-r0", false), q("Wolfi", "syncthing", "2.0.13-r0", false)],
    },
    {
      what: "Root.io's rebuilt Debian package: Root's ecosystem and name too",
      pkg: pkg("Debian:12", "imagemagick", "8:6.9.11.60+dfsg-1.6+deb12u2.root.io.1"),
      expected: [
        q("Debian:12", "imagemagick", "8:6.9.11.60+dfsg-1.6+deb12u2.root.io.1", false),
        q("Root:Debian:12", "rootio-imagemagick", "8:6.9.11.60+dfsg-1.6+deb12u2.root.io.1", false),
      ],
    },
    {
      what: "Root.io's Alpine package, named rootio-",
      pkg: pkg("Alpine:v3.18", "rootio-util-linux", "2.38.1-r10070"),
      expected: [q("Alpine:v3.18", "rootio-util-linux", "2.38.1-r10070", false), q("Root:Alpine:3.18", "rootio-util-linux", "2.38.1-r10070", false)],
    },
  ])("$what", ({ pkg: p, expected }) => {
    expect(distroQueries(p)).toEqual(expected);
  });

  it("is undefined for language packages", () => {
    expect(distroQueries(pkg("npm", "lodash", "4.17.20"))).toBeUndefined();
    expect(distroQueries(pkg("PyPI", "requests", "2.28.1"))).toBeUndefined();
    expect(isOsEcosystem("npm")).toBe(false);
    expect(isOsEcosystem("Debian:12")).toBe(true);
    expect(isOsEcosystem("Red Hat:enterprise_linux:9::appstream")).toBe(true);
  });

  it("stripBinNmu drops only a trailing +bN", () => {
    expect(stripBinNmu("1.2-3+b1")).toBe("1.2-3");
    expect(stripBinNmu("1.34+dfsg-1.2")).toBe("1.34+dfsg-1.2");
    expect(stripBinNmu("2.0+b1-1")).toBe("2.0+b1-1");
  });
});

describe("fixStateOf", () => {
  const affectedNoFix: RangeVerdict = { affected: true, matched: ">=0", fixed: [] };
  const affectedFixed: RangeVerdict = { affected: true, matched: ">=0, <1.2-3", fixed: ["1.2-3"] };
  const notAffected: RangeVerdict = { affected: false, fixed: [] };
  const rows: { what: string; affected: OsvAffected; verdict: RangeVerdict; expected: FixState }[] = [
    { what: "a fixed version above the installed one", affected: {}, verdict: affectedFixed, expected: "fixed" },
    { what: "no fixed event (Debian, Ubuntu: needed, deferred, ignored)", affected: {}, verdict: affectedNoFix, expected: "unfixed" },
    { what: "Debian urgency end-of-life", affected: { ecosystem_specific: { urgency: "end-of-life" } }, verdict: affectedNoFix, expected: "wont-fix" },
    { what: "Debian urgency unimportant is a rating, not a state", affected: { ecosystem_specific: { urgency: "unimportant" } }, verdict: affectedNoFix, expected: "unfixed" },
    { what: "a stated won't-fix status", affected: { database_specific: { status: "Will_Not_Fix" } }, verdict: affectedNoFix, expected: "wont-fix" },
    { what: "a stated deferral", affected: { ecosystem_specific: { status: "deferred" } }, verdict: affectedNoFix, expected: "wont-fix" },
    { what: "a fix wins over a stated won't-fix", affected: { ecosystem_specific: { status: "ignored" } }, verdict: affectedFixed, expected: "fixed" },
    {
      what: "Chainguard components all not_affected",
      affected: { ecosystem_specific: { components: [{ status: "not_affected", justification: "VULNERABLE_CODE_NOT_PRESENT" }] } },
      verdict: affectedNoFix,
      expected: "not-affected",
    },
    {
      what: "Chainguard with one affected component",
      affected: { ecosystem_specific: { components: [{ status: "not_affected" }, { status: "fixed" }] } },
      verdict: affectedNoFix,
      expected: "unfixed",
    },
    { what: "outside every range", affected: {}, verdict: notAffected, expected: "not-affected" },
  ];
  it.each(rows)("$what → $expected", ({ affected, verdict, expected }) => {
    expect(fixStateOf(affected, verdict)).toBe(expected);
  });
});
