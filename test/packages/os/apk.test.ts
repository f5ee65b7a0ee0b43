// The apk detector on lib/apk/db/installed as apk-tools writes it (Alpine, Wolfi).
import { describe, expect, it } from "vitest";
import type { AnalyzerOutput } from "../../../src/analyzers/types.js";
import { apkAnalyzer, parseApkInstalled } from "../../../src/packages/os/apk.js";
import { memoryFile } from "./helpers.js";

const INSTALLED = `C:Q1Vn1bBcJOJhVhpIYcrbd/Ip2F5ZE=
P:musl
V:1.2.5-r0
A:x86_64
S:411240
I:647168
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Natanael Copa <ncopa@alpinelinux.org>
t:1712408459
c:0b27e6a3be3f1e6c3c2d4f3d0a9d2c1a0b27e6a3
p:so:libc.musl-x86_64.so.1=1
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1H7cTbYdVpn6mLZSRKO1gSC1ojOw=
R:libc.musl-x86_64.so.1
a:0:0:777
Z:Q17yJ3JFNypA4mxhJJr0ou6CzsJVI=

C:Q1IHLHDnW6j3F6thfBV8m9bS7wJrs=
P:libcrypto3
V:3.3.1-r0
A:x86_64
L:Apache-2.0
o:openssl
F:etc
F:etc/ssl
R:openssl.cnf
F:usr/lib
R:libcrypto.so.3

C:Q1aaaa
P:busybox-binsh
V:1.36.1-r29
A:x86_64
L:GPL-2.0-only
o:busybox
F:bin
R:sh

P:broken-no-version
A:x86_64
`;

describe("apk installed database", () => {
  const out = parseApkInstalled(INSTALLED, "lib/apk/db/installed");

  it("lists the packages with origin, license and arch", () => {
    expect(out.packages).toEqual([
      {
        name: "musl",
        version: "1.2.5-r0",
        ecosystem: "os:apk",
        purl: "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64",
        path: "lib/apk/db/installed",
        source: { name: "musl", version: "1.2.5-r0" },
        license: "MIT",
      },
      {
        name: "libcrypto3",
        version: "3.3.1-r0",
        ecosystem: "os:apk",
        purl: "pkg:apk/alpine/libcrypto3@3.3.1-r0?arch=x86_64&upstream=openssl",
        path: "lib/apk/db/installed",
        source: { name: "openssl", version: "3.3.1-r0" },
        license: "Apache-2.0",
      },
      {
        name: "busybox-binsh",
        version: "1.36.1-r29",
        ecosystem: "os:apk",
        purl: "pkg:apk/alpine/busybox-binsh@1.36.1-r29?arch=x86_64&upstream=busybox",
        path: "lib/apk/db/installed",
        source: { name: "busybox", version: "1.36.1-r29" },
        license: "GPL-2.0-only",
      },
    ]);
  });

  it("gives each package's files, each in the directory of the F: line before it", () => {
    expect(out.ownedFiles).toEqual([
      { owner: "musl", ecosystem: "os:apk", paths: ["lib/ld-musl-x86_64.so.1", "lib/libc.musl-x86_64.so.1"] },
      { owner: "libcrypto3", ecosystem: "os:apk", paths: ["etc/ssl/openssl.cnf", "usr/lib/libcrypto.so.3"] },
      { owner: "busybox-binsh", ecosystem: "os:apk", paths: ["bin/sh"] },
    ]);
  });

  it("warns about a record without a version", () => {
    expect(out.warnings).toEqual(["lib/apk/db/installed: package record without V: skipped"]);
  });

  it("reads CRLF line ends and a last record without a blank line after it", () => {
    const r = parseApkInstalled("P:a\r\nV:1-r0\r\n\r\nP:b\nV:2-r0", "x");
    expect(r.packages?.map((p) => `${p.name}=${p.version}`)).toEqual(["a=1-r0", "b=2-r0"]);
  });
});

describe("apk analyzer", () => {
  it.each([
    ["lib/apk/db/installed", true],
    ["usr/lib/apk/db/installed", true],
    ["lib/apk/db/installed.new", false],
    ["etc/apk/world", false],
  ])("wants %s: %s", (path, wanted) => {
    expect(apkAnalyzer.wants(path, 100, 0o100644)).toBe(wanted);
  });

  it("reads the database through the analyzer", async () => {
    const out = (await apkAnalyzer.analyze(memoryFile("lib/apk/db/installed", INSTALLED), { source: "t" })) as AnalyzerOutput;
    expect(out.packages?.map((p) => p.name)).toEqual(["musl", "libcrypto3", "busybox-binsh"]);
  });
});
