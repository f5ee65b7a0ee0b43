import { existsSync, readFileSync, statSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { goBinaryAnalyzer, goBinaryPackages } from "../../../src/packages/binary/go-binary.js";
import { readGoBuildInfo } from "../../../src/packages/binary/go-buildinfo.js";
import { parseGoModInfo, stdlibVersion } from "../../../src/packages/binary/go-modinfo.js";
import { buildElf, buildMachO, buildPe, fileEntry, goBuildInfoInline, goBuildInfoPointer } from "./fixtures.js";

const MODINFO = [
  "path\texample.com/app/cmd/app",
  "mod\texample.com/app\tv1.4.0\th1:abc=",
  "dep\tgithub.com/gorilla/mux\tv1.8.0\th1:i40aqfkR1h2SlN9hojwV5ZA91wcXFOvkdNIeFDP5koI=",
  "dep\tgolang.org/x/net\tv0.7.0\th1:xyz=",
  "=>\tgolang.org/x/net\tv0.17.0\th1:new=",
  "dep\tgithub.com/corp/internal\tv1.0.0\th1:q=",
  "=>\t../internal\t\t",
  "dep\tgithub.com/old/name\tv1.0.0\th1:o=",
  "=>\tgithub.com/new/name\tv1.2.0\th1:n=",
  "dep\tgithub.com/Azure/go-autorest\tv14.2.0+incompatible",
  "build\t-compiler=gc",
  "build\tGOOS=linux",
  "",
].join("\n");

/** What MODINFO built with go1.21.3 is: the replacements resolved, the local one left out. */
const EXPECTED = [
  { name: "stdlib", version: "1.21.3", purl: "pkg:golang/stdlib@1.21.3" },
  { name: "example.com/app", version: "v1.4.0", purl: "pkg:golang/example.com/app@v1.4.0" },
  { name: "github.com/gorilla/mux", version: "v1.8.0", purl: "pkg:golang/github.com/gorilla/mux@v1.8.0" },
  { name: "golang.org/x/net", version: "v0.17.0", purl: "pkg:golang/golang.org/x/net@v0.17.0" },
  { name: "github.com/new/name", version: "v1.2.0", purl: "pkg:golang/github.com/new/name@v1.2.0" },
  { name: "github.com/Azure/go-autorest", version: "v14.2.0+incompatible", purl: "pkg:golang/github.com/Azure/go-autorest@v14.2.0+incompatible" },
];

const inline = goBuildInfoInline("go1.21.3", MODINFO);
const pointer64 = goBuildInfoPointer("go1.21.3", MODINFO, { ptrSize: 8, littleEndian: true, dataAddr: 0x600000 });
const pointer32be = goBuildInfoPointer("go1.21.3", MODINFO, { ptrSize: 4, littleEndian: false, dataAddr: 0x20000 });
const text = { name: ".text", data: Buffer.alloc(64, 0x90), addr: 0x401000, writable: false };

// Each way a Go binary can carry its build info, as the detector must find it.
const FIXTURES: [string, Buffer][] = [
  ["ELF64, .go.buildinfo section, inline strings (Go 1.18+)", buildElf({ sections: [text, { name: ".go.buildinfo", data: inline, addr: 0x500000 }], minSize: 2048 })],
  ["ELF64, pointers to string headers (Go before 1.18)", buildElf({ sections: [text, { name: ".go.buildinfo", data: pointer64.info, addr: 0x500000 }, { name: ".data", data: pointer64.data, addr: 0x600000 }] })],
  ["ELF32 big-endian, pointers (old MIPS builds)", buildElf({ bits: 32, littleEndian: false, sections: [{ name: ".go.buildinfo", data: pointer32be.info, addr: 0x10000 }, { name: ".data", data: pointer32be.data, addr: 0x20000 }] })],
  ["ELF without section headers: the first writable segment", buildElf({ noSectionHeaders: true, sections: [text, { name: ".data", data: Buffer.concat([Buffer.alloc(48), inline]), addr: 0x500000 }] })],
  ["Mach-O, __DATA,__go_buildinfo", buildMachO([{ name: "__TEXT,__text", data: Buffer.alloc(64), addr: 0x100000000, writable: false }, { name: "__DATA,__go_buildinfo", data: inline, addr: 0x100004000 }])],
  ["PE, start of the first writable data section", buildPe([{ name: ".text", data: Buffer.alloc(64), addr: 0x1000, writable: false }, { name: ".data", data: inline, addr: 0x2000 }])],
  ["ELF with the blob in an unexpected section: found by the aligned magic search", buildElf({ sections: [{ name: ".rodata", data: Buffer.concat([Buffer.alloc(32), inline]), addr: 0x500000, writable: false }] })],
  ["universal (fat) Mach-O: found by the aligned magic search", universal(inline)],
];

function universal(blob: Buffer): Buffer {
  const b = Buffer.alloc(4096 + blob.length);
  b.writeUInt32BE(0xcafebabe, 0);
  b.writeUInt32BE(2, 4);
  blob.copy(b, 4096);
  return b;
}

describe("Go build info in executables", () => {
  it.each(FIXTURES)("%s", (_, buf) => {
    const packages = goBinaryPackages(fileEntry("usr/local/bin/app", buf), buf);
    expect(packages?.map(({ name, version, purl }) => ({ name, version, purl }))).toEqual(EXPECTED);
    for (const p of packages ?? []) {
      expect(p).toMatchObject({ ecosystem: "Go", path: "usr/local/bin/app", layer: "sha256:" + "ab".repeat(32) });
    }
  });

  it("the analyzer reads the file and reports the packages", async () => {
    const buf = FIXTURES[0]![1];
    const file = fileEntry("app", buf);
    expect(goBinaryAnalyzer.wants(file.path, file.size, file.mode)).toBe(true);
    const out = await goBinaryAnalyzer.analyze(file, { source: "test" });
    expect(out?.packages?.map((p) => p.name)).toEqual(EXPECTED.map((p) => p.name));
  });

  it("a binary built outside module mode gives the standard library only; a devel toolchain gives none", () => {
    const gopath = goBuildInfoInline("go1.19.8", "path\tgithub.com/docker/distribution/cmd/registry\nbuild\t-compiler=gc\n");
    const devel = goBuildInfoInline("devel go1.23-abcdef Tue Jan 1 00:00:00 2024 +0000", "path\tx\nmod\tx\t(devel)\t\ndep\tgithub.com/a/b\tv1.0.0\t\n");
    const one = buildElf({ sections: [{ name: ".go.buildinfo", data: gopath, addr: 0x500000 }] });
    const two = buildElf({ sections: [{ name: ".go.buildinfo", data: devel, addr: 0x500000 }] });
    expect(goBinaryPackages(fileEntry("a", one), one)?.map((p) => `${p.name}@${p.version}`)).toEqual(["stdlib@1.19.8"]);
    expect(goBinaryPackages(fileEntry("b", two), two)?.map((p) => `${p.name}@${p.version}`)).toEqual(["github.com/a/b@v1.0.0"]);
  });

  it.each([
    ["a C program", buildElf({ sections: [text, { name: ".data", data: Buffer.alloc(256), addr: 0x500000 }] })],
    ["a shell script", Buffer.from("#!/bin/sh\nexec true\n")],
    // A program that reads build info holds the magic in its read-only data, followed by anything.
    ["a program holding the magic as a string constant", buildElf({ sections: [{ name: ".rodata", data: Buffer.concat([Buffer.from("\xff Go buildinf:\x08\x02", "latin1"), Buffer.alloc(16), Buffer.from([5]), Buffer.from("hello")]), addr: 0x500000, writable: false }] })],
  ])("%s is not a Go binary", (_, buf) => {
    expect(goBinaryPackages(fileEntry("x", buf), buf)).toBeUndefined();
  });
});

describe("module text and toolchain versions", () => {
  it("reads path, main module, dependencies and replacements", () => {
    const info = parseGoModInfo(MODINFO);
    expect(info.path).toBe("example.com/app/cmd/app");
    expect(info.main).toEqual({ path: "example.com/app", version: "v1.4.0" });
    expect(info.deps).toHaveLength(5);
    expect(info.deps[1]).toEqual({ path: "golang.org/x/net", version: "v0.7.0", replace: { path: "golang.org/x/net", version: "v0.17.0" } });
    expect(info.deps[2]?.replace).toEqual({ path: "../internal", version: "" });
  });

  it.each([
    ["go1.21.3", "1.21.3"],
    ["go1.20", "1.20.0"],
    ["go1.21rc2", "1.21.0-rc.2"],
    ["go1.9beta1", "1.9.0-beta.1"],
    ["go1.22.1 X:boringcrypto", "1.22.1"],
    ["go1.21.3-bigcorp", "1.21.3"],
    ["devel go1.23-abcdef", undefined],
    ["go", undefined],
    ["1.21.3", undefined],
  ])("toolchain %s is standard library %s (OSV's spelling)", (goVersion, expected) => {
    expect(stdlibVersion(goVersion)).toBe(expected);
  });

  it("standard library versions are spelled as in OSV's Go records", () => {
    // GO-2026-5037 and friends: {"package": {"name": "stdlib"}, "ranges": [{"events": [{"fixed": "1.25.11"}, {"introduced": "1.26.0-0"}]}]}
    expect(stdlibVersion("go1.25.11")).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("hostile Go build info", () => {
  it("a length prefix larger than the file, or a pointer to nowhere, reads as no module list", () => {
    const blob = Buffer.concat([goBuildInfoInline("go1.21.3", ""), Buffer.from([0xff, 0xff, 0xff, 0x7f])]);
    const buf = buildElf({ sections: [{ name: ".go.buildinfo", data: blob, addr: 0x500000 }] });
    expect(goBinaryPackages(fileEntry("x", buf), buf)?.map((p) => p.name)).toEqual(["stdlib"]);
    const lost = Buffer.from(pointer64.info);
    lost.writeBigUInt64LE(0xdead0000n, 16);
    const buf2 = buildElf({ sections: [{ name: ".go.buildinfo", data: lost, addr: 0x500000 }, { name: ".data", data: pointer64.data, addr: 0x600000 }] });
    expect(goBinaryPackages(fileEntry("x", buf2), buf2)).toBeUndefined();
  });

  it("module lines that are no release or no module path are left out, never passed on", () => {
    const mod = [
      "mod\tx.com/m\t(devel)\t",
      "dep\tgithub.com/a/short\tv1.0\t", // not canonical SemVer (packageurl-js throws a ReferenceError on it)
      "dep\tgithub.com/a/zero\tv1.0.0-01\t", // leading zero in a numeric pre-release
      "dep\tgithub.com/a b/c\tv1.0.0\t",
      "dep\tgithub.com/a/trailing/\tv1.0.0\t",
      "dep\tgolang.org/x/text\tv0.0.0-20210101120000-abcdef123456\t",
      "dep\tgithub.com/a/pre\tv2.0.0-rc.1+meta\t",
      "",
    ].join("\n");
    const buf = buildElf({ sections: [{ name: ".go.buildinfo", data: goBuildInfoInline("go1.22.0", mod), addr: 0x500000 }] });
    expect(goBinaryPackages(fileEntry("x", buf), buf)?.map((p) => `${p.name}@${p.version}`)).toEqual([
      "stdlib@1.22.0",
      "golang.org/x/text@v0.0.0-20210101120000-abcdef123456",
      "github.com/a/pre@v2.0.0-rc.1+meta",
    ]);
  });

  it("a file full of aligned fake headers is searched in bounded time", () => {
    const fake = Buffer.alloc(16 * 1024 * 1024);
    const header = Buffer.from("\xff Go buildinf:\x08\x02", "latin1");
    for (let at = 0; at < fake.length; at += 16) header.copy(fake, at);
    fake.write("\x7fELF", 0, "latin1");
    fake[4] = 2;
    fake[5] = 1;
    const started = performance.now();
    let result: unknown;
    try {
      result = readGoBuildInfo(fake, "x");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
    }
    expect(result).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("any corruption of a Go binary ends in packages, nothing, or an InputError", () => {
    const seeds = FIXTURES.map(([, b]) => b);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (which, flips) => {
        const b = Buffer.from(seeds[which]!);
        for (const [at, v] of flips) b[4 + (at % (b.length - 4))] = v;
        try {
          const packages = goBinaryPackages(fileEntry("x", b), b);
          for (const p of packages ?? []) expect(p.purl.startsWith("pkg:golang/")).toBe(true);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }),
      { numRuns: 1500 },
    );
  });
});

// Real Go programs on this machine, as found in images. Debian builds its Go packages outside
// module mode (no "mod" or "dep" lines): they give the standard library and the main package path.
describe("real Go binaries", () => {
  const DEBIAN = [
    ["/usr/bin/docker-registry", "github.com/docker/distribution/cmd/registry"],
    ["/usr/bin/umoci", "github.com/opencontainers/umoci/cmd/umoci"],
    ["/usr/bin/skopeo", "github.com/containers/skopeo/cmd/skopeo"],
  ] as const;
  it.each(DEBIAN)("%s", (path, mainPath) => {
    if (!existsSync(path)) {
      console.warn(`skipped: ${path} is not installed`);
      return;
    }
    const buf = readFileSync(path);
    const raw = readGoBuildInfo(buf, path);
    expect(raw?.goVersion).toMatch(/^go1\.\d+/);
    expect(parseGoModInfo(raw?.modinfo ?? "").path).toBe(mainPath);
    const packages = goBinaryPackages(fileEntry(path.slice(1), buf), buf);
    expect(packages).toEqual([
      expect.objectContaining({ name: "stdlib", ecosystem: "Go", version: stdlibVersion(raw!.goVersion), path: path.slice(1) }),
    ]);
    expect(goBinaryAnalyzer.wants(path.slice(1), statSync(path).size, statSync(path).mode)).toBe(true);
  });

  it("a module-mode build (terraform, where installed) lists its modules", () => {
    const path = "/usr/local/bin/terraform";
    if (!existsSync(path) || statSync(path).size > 256 * 1024 * 1024) {
      console.warn(`skipped: ${path} is not installed`);
      return;
    }
    const buf = readFileSync(path);
    const packages = goBinaryPackages(fileEntry("terraform", buf), buf) ?? [];
    const names = packages.map((p) => p.name);
    expect(names).toContain("stdlib");
    expect(names).toEqual(expect.arrayContaining(["github.com/hashicorp/hcl/v2", "github.com/zclconf/go-cty", "google.golang.org/grpc"]));
    // Built from a checkout: the main module is "(devel)" and is left out.
    expect(names).not.toContain("github.com/hashicorp/terraform");
    expect(packages.every((p) => p.name === "stdlib" || /^v\d/.test(p.version))).toBe(true);
    expect(packages.length).toBeGreaterThan(100);
  });
});
