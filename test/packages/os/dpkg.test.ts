// The dpkg detector on status files as dpkg writes them, distroless status.d files, .list and
// .md5sums files, and on hostile input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnalyzerOutput } from "../../../src/analyzers/types.js";
import { controlStanzas, dpkgAnalyzer, dpkgPackages, parseSource } from "../../../src/packages/os/dpkg.js";
import { memoryFile } from "./helpers.js";

// Stanzas in dpkg's own layout (fields in dpkg's order, multi-line descriptions, conffiles).
const STATUS = `Package: libc6
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 12986
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: 2.36-9+deb12u7
Replaces: libc6-amd64
Depends: libgcc-s1
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.
 .
 Package: not-a-field (continuation lines are never fields)

Package: bash
Essential: yes
Status: install ok installed
Priority: required
Architecture: amd64
Version: 5.2.15-2+b7
Source: bash (5.2.15-2)
Conffiles:
 /etc/bash.bashrc 89269e1298235f1b12b4c16e4065ad0d
 /etc/skel/.bashrc 0bdb8e8ba8b1e0ea1a4b4d4e2f4c7b16
Description: GNU Bourne Again SHell

Package: tzdata
Status: hold ok installed
Architecture: all
Version: 2024a-0+deb12u1
Description: time zone and daylight-saving time data

Package: removed-but-configured
Status: deinstall ok config-files
Architecture: amd64
Version: 1.0-1
Description: removed, configuration files remain

Package: purged
Status: purge ok not-installed
Architecture: amd64
Description: no version: purged

Package: half
Status: install reinstreq half-configured
Architecture: amd64
Version: 2:1.0-1
Description: files are on disk
`;

const ctx = { source: "test" };

describe("dpkg status", () => {
  const { packages, warnings } = dpkgPackages(STATUS, "var/lib/dpkg/status");

  it("lists the packages whose files are on disk, with their source packages", () => {
    expect(packages.map((p) => [p.name, p.version, p.source ?? null])).toEqual([
      ["libc6", "2.36-9+deb12u7", { name: "glibc", version: "2.36-9+deb12u7" }],
      ["bash", "5.2.15-2+b7", { name: "bash", version: "5.2.15-2" }],
      ["tzdata", "2024a-0+deb12u1", null],
      ["half", "2:1.0-1", null],
    ]);
    expect(warnings).toEqual([]);
  });

  it("leaves the OSV ecosystem to the driver and writes the arch and upstream in the purl", () => {
    expect(packages[0]).toEqual({
      name: "libc6",
      version: "2.36-9+deb12u7",
      ecosystem: "os:dpkg",
      purl: "pkg:deb/debian/libc6@2.36-9+deb12u7?arch=amd64&upstream=glibc",
      path: "var/lib/dpkg/status",
      source: { name: "glibc", version: "2.36-9+deb12u7" },
    });
    expect(packages[1]?.purl).toBe("pkg:deb/debian/bash@5.2.15-2+b7?arch=amd64&upstream=bash%405.2.15-2");
  });

  it("reads CRLF line ends and a file without a final newline", () => {
    const text = "Package: a\r\nStatus: install ok installed\r\nVersion: 1\r\n\r\nPackage: b\nStatus: install ok installed\nVersion: 2";
    expect(dpkgPackages(text, "s").packages.map((p) => `${p.name}=${p.version}`)).toEqual(["a=1", "b=2"]);
  });

  it("warns about an installed stanza without a version", () => {
    const r = dpkgPackages("Package: x\nStatus: install ok installed\n", "var/lib/dpkg/status");
    expect(r.packages).toEqual([]);
    expect(r.warnings).toEqual(["var/lib/dpkg/status: installed package without Version skipped"]);
  });

  it.each([
    ["glibc", "2.36-9", { name: "glibc", version: "2.36-9" }],
    ["glibc (2.36-9)", "2.36-9+b1", { name: "glibc", version: "2.36-9" }],
    ["gcc-12 (12.2.0-14)", "12.2.0-14", { name: "gcc-12", version: "12.2.0-14" }],
    ["x ()", "1", { name: "x", version: "1" }],
  ])("Source %j with Version %s", (field, version, expected) => {
    expect(parseSource(field, version)).toEqual(expected);
  });

  it("never fails on arbitrary text and finds every well-formed stanza", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (noise) => {
        const text = `${noise.replace(/\n\n/g, "\n")}\n\nPackage: marker\nStatus: install ok installed\nVersion: 1\n`;
        const names = dpkgPackages(text, "s").packages.map((p) => p.name);
        expect(names).toContain("marker");
      }),
    );
  });

  it("reads a large status file quickly", () => {
    const stanza = (i: number): string =>
      `Package: pkg${i}\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.${i}-1\nDescription: d\n ${"x".repeat(200)}\n .\n ${"y".repeat(200)}\n`;
    const text = Array.from({ length: 20_000 }, (_, i) => stanza(i)).join("\n");
    const start = performance.now();
    expect(dpkgPackages(text, "s").packages).toHaveLength(20_000);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it("controlStanzas keeps only the fields asked for", () => {
    expect([...controlStanzas("A: 1\nB: 2\n continued\n\nA: 3\n", new Set(["A"]))].map((m) => Object.fromEntries(m))).toEqual([{ A: "1" }, { A: "3" }]);
  });
});

describe("distroless status.d", () => {
  it("reads one package a file, Status or not", async () => {
    const file = memoryFile("var/lib/dpkg/status.d/libssl3", "Package: libssl3\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\nSource: openssl\n");
    const out = (await dpkgAnalyzer.analyze(file, ctx)) as AnalyzerOutput;
    expect(out.packages).toEqual([
      {
        name: "libssl3",
        version: "3.0.11-1~deb12u2",
        ecosystem: "os:dpkg",
        purl: "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl",
        path: "var/lib/dpkg/status.d/libssl3",
        source: { name: "openssl", version: "3.0.11-1~deb12u2" },
      },
    ]);
  });

  it("reads the files a package owns from its .md5sums", async () => {
    const md5 = "d41d8cd98f00b204e9800998ecf8427e  usr/lib/x86_64-linux-gnu/libssl.so.3\n0123456789abcdef0123456789abcdef  usr/share/doc/libssl3/changelog.gz\nnot a line\n";
    const out = await dpkgAnalyzer.analyze(memoryFile("var/lib/dpkg/status.d/libssl3.md5sums", md5), ctx);
    expect(out).toEqual({
      ownedFiles: [{ owner: "libssl3", ecosystem: "os:dpkg", paths: ["usr/lib/x86_64-linux-gnu/libssl.so.3", "usr/share/doc/libssl3/changelog.gz"] }],
    });
  });
});

describe("dpkg .list files", () => {
  it("gives the owner (without :arch) and the paths without the leading slash", async () => {
    const list = "/.\n/usr\n/usr/lib\n/usr/lib/x86_64-linux-gnu/libc.so.6\n/etc/ld.so.conf.d\n";
    const out = await dpkgAnalyzer.analyze(memoryFile("var/lib/dpkg/info/libc6:amd64.list", list), ctx);
    expect(out).toEqual({
      ownedFiles: [{ owner: "libc6", ecosystem: "os:dpkg", paths: ["usr", "usr/lib", "usr/lib/x86_64-linux-gnu/libc.so.6", "etc/ld.so.conf.d"] }],
    });
  });
});

describe("dpkg analyzer", () => {
  it.each([
    ["var/lib/dpkg/status", true],
    ["var/lib/dpkg/status-old", false],
    ["var/lib/dpkg/status.d/base", true],
    ["var/lib/dpkg/status.d/libssl3.md5sums", true],
    ["var/lib/dpkg/status.d/sub/x", false],
    ["var/lib/dpkg/info/bash.list", true],
    ["var/lib/dpkg/info/bash.md5sums", false],
    ["var/lib/dpkg/info/sub/bash.list", false],
    ["usr/var/lib/dpkg/status", false],
  ])("wants %s: %s", (path, wanted) => {
    expect(dpkgAnalyzer.wants(path, 100, 0o100644)).toBe(wanted);
  });

  it("does not want directories or links", () => {
    expect(dpkgAnalyzer.wants("var/lib/dpkg/status", 0, 0o40755)).toBe(false);
    expect(dpkgAnalyzer.wants("var/lib/dpkg/status", 0, 0o120777)).toBe(false);
  });

  it("reads a status file through the analyzer", async () => {
    const out = (await dpkgAnalyzer.analyze(memoryFile("var/lib/dpkg/status", STATUS), ctx)) as AnalyzerOutput;
    expect(out.packages?.map((p) => p.name)).toEqual(["libc6", "bash", "tzdata", "half"]);
    expect(out.warnings).toBeUndefined();
  });
});
