// Which Red Hat streams a RHEL package is asked for in, from its ecosystem or its el tag, how each
// may settle a vulnerability, and the ecosystem os-release gives RHEL.
import { describe, expect, it } from "vitest";
import { osvEcosystem } from "../../../src/packages/os/os-ecosystem.js";
import type { Package } from "../../../src/packages/types.js";
import { distroQueries } from "../../../src/vulndb/distro.js";
import { reachedFixOnLine, redHatStreams, rhelRelease } from "../../../src/vulndb/redhat.js";
import type { OsvAffected } from "../../../src/vulndb/types.js";
import { rpmScheme } from "../../../src/vulndb/versions/index.js";

function pkg(ecosystem: string, name: string, version: string, source?: { name: string; version: string }): Package {
  return { ecosystem, name, version, purl: `pkg:generic/${name}@${version}`, ...(source ? { source } : {}) };
}

const ecosystems = (p: Package) => [...new Set((distroQueries(p) ?? []).map((q) => q.ecosystem))];

describe("rhelRelease", () => {
  it.each([
    { release: "enterprise_linux:9.4", version: "1.0-1.el9", expected: { major: 9, minor: 4 } },
    { release: "enterprise_linux:9", version: "1.0-1.el9", expected: { major: 9 } },
    { release: "9.4", version: "1.0-1", expected: { major: 9, minor: 4 } },
    { release: "enterprise_linux:9::baseos", version: "1.0-1", expected: { major: 9 } },
    { release: "rhel_eus:9.2::appstream", version: "1.0-1", expected: { major: 9, minor: 2 } },
    { release: "enterprise_linux:10.1", version: "1.0-1", expected: { major: 10, minor: 1 } },
    { release: "enterprise_linux_eus:10.0", version: "1.0-1", expected: { major: 10, minor: 0 } },
    { release: "", version: "1:3.0.7-27.el9", expected: { major: 9 } },
    { release: "", version: "2.34-100.el9_4.2", expected: { major: 9 } },
    { release: "", version: "1:20.12.2-2.module+el9.4.0+21700+1a2b3c4d", expected: { major: 9 } },
    { release: "", version: "8.0.32-1.el8", expected: { major: 8 } },
    { release: "", version: "0.7.29-1.el9sat", expected: undefined },
    { release: "", version: "1.2.3", expected: undefined },
    { release: "", version: "1.0-1.fc40", expected: undefined },
    { release: "openstack:18.0::el9", version: "1.0-1.el9", expected: undefined },
  ])("$release $version", ({ release, version, expected }) => {
    expect(rhelRelease(release, version)).toEqual(expected);
  });
});

describe("the streams of a RHEL release", () => {
  it("RHEL 9.4: every channel of RHEL 9, and 9.4's extended streams, all settling by version line", () => {
    const streams = redHatStreams("enterprise_linux:9.4", "1.0-1.el9")!;
    const names = streams.map((s) => s.ecosystem);
    expect(names).toEqual(expect.arrayContaining([
      "Red Hat:enterprise_linux:9::baseos",
      "Red Hat:enterprise_linux:9::appstream",
      "Red Hat:enterprise_linux:9::crb",
      "Red Hat:enterprise_linux:9::sap_hana",
      "Red Hat:rhel_eus:9.4::baseos",
      "Red Hat:rhel_eus:9.4::appstream",
      "Red Hat:rhel_aus:9.4::baseos",
      "Red Hat:rhel_e4s:9.4::appstream",
      "Red Hat:rhel_tus:9.4::baseos",
    ]));
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^Red Hat:(enterprise_linux:9::|rhel_(eus|aus|e4s|tus):9\.4::)[a-z_]+$/.test(n))).toBe(true);
    expect(streams.every((s) => s.settles === "same-line")).toBe(true);
  });

  it("no minor release known: no extended streams", () => {
    const names = redHatStreams("enterprise_linux:9", "1.0-1.el9")!.map((s) => s.ecosystem);
    expect(names).toContain("Red Hat:enterprise_linux:9::baseos");
    expect(names.some((n) => n.includes("rhel_"))).toBe(false);
  });

  it("RHEL 7: its variants instead of BaseOS and AppStream", () => {
    const names = redHatStreams("enterprise_linux:7.9", "1.0-1.el7")!.map((s) => s.ecosystem);
    expect(names).toEqual(expect.arrayContaining(["Red Hat:enterprise_linux:7::server", "Red Hat:enterprise_linux:7::workstation", "Red Hat:rhel_eus:7.9::server"]));
    expect(names).not.toContain("Red Hat:enterprise_linux:7::baseos");
  });

  it("RHEL 10.1: every minor's stream, only 10.1's settling, and 10.1's extended streams", () => {
    const streams = redHatStreams("enterprise_linux:10.1", "1.0-1.el10")!;
    expect(streams.slice(0, 3)).toEqual([
      { ecosystem: "Red Hat:enterprise_linux:10.0", settles: "never" },
      { ecosystem: "Red Hat:enterprise_linux:10.1", settles: "same-line" },
      { ecosystem: "Red Hat:enterprise_linux:10.2", settles: "never" },
    ]);
    expect(streams.map((s) => s.ecosystem)).toEqual(expect.arrayContaining(["Red Hat:enterprise_linux:10.10", "Red Hat:enterprise_linux_eus:10.1"]));
    expect(streams.some((s) => /:(9|11)[.:]/.test(s.ecosystem))).toBe(false);
  });

  it("RHEL 10 without a minor: no stream settles", () => {
    expect(redHatStreams("enterprise_linux:10", "1.0-1.el10")!.every((s) => s.settles === "never")).toBe(true);
  });
});

describe("distroQueries for Red Hat packages", () => {
  it("asks the binary, then the source RPM, in each stream", () => {
    const qs = distroQueries(pkg("Red Hat:enterprise_linux:9.4", "openssl-libs", "1:3.0.7-27.el9", { name: "openssl", version: "1:3.0.7-27.el9" }))!;
    expect(qs.slice(0, 2)).toEqual([
      { ecosystem: "Red Hat:enterprise_linux:9::baseos", name: "openssl-libs", version: "1:3.0.7-27.el9", viaSource: false, settles: "same-line" },
      { ecosystem: "Red Hat:enterprise_linux:9::baseos", name: "openssl", version: "1:3.0.7-27.el9", viaSource: true, settles: "same-line" },
    ]);
  });

  it.each([
    { what: "RHEL 9 never asks RHEL 8's or 10's streams", ecosystem: "Red Hat:enterprise_linux:9.4", version: "1.0-1.el9", refused: /enterprise_linux:(8|10)|rhel_eus:9\.2/ },
    { what: "an SBOM's release-less Red Hat package of el8", ecosystem: "Red Hat", version: "1.0-1.el8_9", refused: /:9/ },
  ])("$what", ({ ecosystem, version, refused }) => {
    const names = ecosystems(pkg(ecosystem, "bash", version));
    expect(names.length).toBeGreaterThan(1);
    expect(names.filter((n) => refused.test(n))).toEqual([]);
  });

  it.each([
    { what: "no release and no el tag", ecosystem: "Red Hat", version: "1.0-1" },
    { what: "a layered product's stream", ecosystem: "Red Hat:openstack:18.0::el9", version: "1.0-1.el9ost" },
  ])("$what: asked as given", ({ ecosystem, version }) => {
    expect(distroQueries(pkg(ecosystem, "bash", version))).toEqual([{ ecosystem, name: "bash", version, viaSource: false }]);
  });
});

describe("reachedFixOnLine", () => {
  const entry = (...fixed: string[]): OsvAffected => ({ ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, ...fixed.map((f) => ({ fixed: f }))] }] });
  it.each([
    { what: "the fix itself, epoch 0 written or not", fixed: ["0:1.9.5p2-10.el9_3"], version: "1.9.5p2-10.el9_3", expected: true },
    { what: "a later build of the same line", fixed: ["1:3.0.7-18.el9_2.4"], version: "1:3.0.7-27.el9", expected: true },
    { what: "below the fix", fixed: ["1:3.0.7-29.el9_4"], version: "1:3.0.7-27.el9", expected: false },
    { what: "another module stream's lower fix", fixed: ["1:18.20.4-1.module+el9.4.0+1+a"], version: "1:20.12.2-2.module+el9.4.0+2+b", expected: false },
    { what: "another epoch", fixed: ["2.0-1.el9"], version: "1:2.0-1.el9", expected: false },
  ])("$what → $expected", ({ fixed, version, expected }) => {
    expect(reachedFixOnLine(entry(...fixed), version, rpmScheme)).toBe(expected);
  });
});

describe("osvEcosystem for rhel (RHEL and UBI images)", () => {
  it.each([
    { versionId: "9.4", expected: "Red Hat:enterprise_linux:9.4" },
    { versionId: "8.10", expected: "Red Hat:enterprise_linux:8.10" },
    { versionId: "10.1", expected: "Red Hat:enterprise_linux:10.1" },
    { versionId: "9", expected: "Red Hat:enterprise_linux:9" },
    { versionId: "", expected: "Red Hat" },
  ])("VERSION_ID=$versionId → $expected", ({ versionId, expected }) => {
    expect(osvEcosystem({ id: "rhel", versionId })).toBe(expected);
  });

  it("CentOS Stream has no OSV ecosystem", () => {
    expect(osvEcosystem({ id: "centos", versionId: "9" })).toBeUndefined();
  });
});
