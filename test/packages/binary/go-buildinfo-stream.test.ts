import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goBinaryAnalyzer, goBinaryPackages } from "../../../src/packages/binary/go-binary.js";
import { readGoBuildInfo, type GoBuildInfoRaw } from "../../../src/packages/binary/go-buildinfo.js";
import { GoBuildInfoScanner } from "../../../src/packages/binary/go-buildinfo-stream.js";
import { bigGoElf, buildElf, fileEntry, framedModinfo, goBuildInfoInline, goBuildInfoPointer, STREAM_MODINFO } from "./fixtures.js";

const MB = 1024 * 1024;

/** Feeds `buf` cut at `cuts` (offsets), then the rest in `chunk`-byte pieces; also how much it read before stopping. */
function scan(buf: Buffer, cuts: number[] = [], chunk = 64 * 1024): { raw: GoBuildInfoRaw | undefined; read: number } {
  const scanner = new GoBuildInfoScanner();
  const points = [...new Set([...cuts, buf.length])].sort((a, b) => a - b);
  let from = 0;
  for (const p of points) {
    for (let at = from; at < p; at += chunk) {
      const piece = buf.subarray(at, Math.min(p, at + chunk));
      if (scanner.write(piece)) return { raw: scanner.end(), read: at + piece.length };
    }
    from = p;
  }
  return { raw: scanner.end(), read: buf.length };
}

const EXPECTED: GoBuildInfoRaw = { goVersion: "go1.22.5", modinfo: STREAM_MODINFO };

/** A 32-byte header with the inline-strings flag, then `rest`. */
function headed(rest: Buffer): Buffer {
  const header = Buffer.alloc(32);
  header.write("\xff Go buildinf:", 0, "latin1");
  header[14] = 8;
  header[15] = 2;
  return Buffer.concat([header, rest]);
}

describe("GoBuildInfoScanner: build information from a stream", () => {
  const { buf, at } = bigGoElf(3 * MB + 4096 + 48);
  const versionAt = at + 32;
  const modinfoAt = versionAt + 1 + "go1.22.5".length + 2;

  it("the fixture: a multi-MB ELF with the header at an aligned offset, which the buffered reader finds too", () => {
    expect(at % 16).toBe(0);
    expect(at).toBeGreaterThan(3 * MB);
    expect(readGoBuildInfo(buf, "big")).toEqual(EXPECTED);
  });

  // Chunk boundaries anywhere: in the magic, in the header, in a varint, in the version, in the module text.
  it.each<[string, number[], number]>([
    ["64 KB chunks", [], 64 * 1024],
    ["1 MB chunks", [], MB],
    ["one chunk", [], buf.length],
    ["the magic split", [at + 5], 64 * 1024],
    ["the magic split after its first byte", [at + 1], 64 * 1024],
    ["the header split before its flags", [at + 15], 64 * 1024],
    ["the version length split off", [versionAt, versionAt + 1], 64 * 1024],
    ["the version split", [versionAt + 4], 64 * 1024],
    ["the module text split", [modinfoAt - 1, modinfoAt + 7, modinfoAt + 100], 64 * 1024],
    ["many small cuts around the header", Array.from({ length: 300 }, (_, i) => at - 20 + i), 64 * 1024],
    ["7-byte chunks from the start", [], 7],
  ])("%s", (_, cuts, chunk) => {
    const source = chunk === 7 ? bigGoElf(4096).buf : buf;
    const { raw, read } = scan(source, cuts, chunk);
    expect(raw).toEqual(EXPECTED);
    // It stops once the module text is in: the rest of a large file is not needed.
    if (chunk < source.length) expect(read).toBeLessThan(source.length);
  });

  it("finds nothing at an unaligned offset, as Go and the buffered reader do", () => {
    const blob = goBuildInfoInline("go1.22.5", STREAM_MODINFO);
    const elf = buildElf({ sections: [{ name: ".rodata", data: Buffer.concat([Buffer.alloc(2 * MB + 8), blob]), addr: 0x500000, writable: false }] });
    expect(elf.indexOf(blob) % 16).toBe(8);
    expect(readGoBuildInfo(elf, "x")).toBeUndefined();
    expect(scan(elf).raw).toBeUndefined();
  });

  it("skips an unaligned copy and a decoy (a program that reads build info holds the magic) before the real one", () => {
    const decoy = headed(Buffer.from("\x03abc", "latin1"));
    const body = Buffer.alloc(MB);
    decoy.copy(body, 64 * 1024 - 16);
    goBuildInfoInline("go1.22.5", STREAM_MODINFO).copy(body, 100_003);
    const { buf: elf } = bigGoElf(0, Buffer.concat([body, goBuildInfoInline("go1.22.5", STREAM_MODINFO)]));
    expect(scan(elf).raw).toEqual(EXPECTED);
  });

  it("reads nothing of a file that is no executable", () => {
    const data = Buffer.concat([Buffer.from("#!/bin/sh\n"), Buffer.alloc(MB), goBuildInfoInline("go1.22.5", STREAM_MODINFO)]);
    const { raw, read } = scan(data);
    expect(raw).toBeUndefined();
    expect(read).toBe(64 * 1024);
  });

  it("leaves the pre-1.18 pointer form alone: it needs the segments of the whole file", () => {
    const p = goBuildInfoPointer("go1.16.15", STREAM_MODINFO, { ptrSize: 8, littleEndian: true, dataAddr: 0x600000 });
    const elf = buildElf({ sections: [{ name: ".go.buildinfo", data: p.info, addr: 0x500000 }, { name: ".data", data: p.data, addr: 0x600000 }], minSize: 2 * MB });
    expect(readGoBuildInfo(elf, "old")?.goVersion).toBe("go1.16.15");
    expect(scan(elf).raw).toBeUndefined();
  });

  it("bounds the candidates: 10,000 aligned fake headers before the real one end the search", () => {
    const fake = Buffer.concat([headed(Buffer.from("\x04nope", "latin1")), Buffer.alloc(11)]);
    expect(fake.length).toBe(48);
    const fakes = Buffer.concat(Array.from({ length: 10_000 }, () => fake));
    const { buf: elf } = bigGoElf(0, Buffer.concat([fakes, goBuildInfoInline("go1.22.5", STREAM_MODINFO)]));
    const started = performance.now();
    const { raw, read } = scan(elf);
    expect(raw).toBeUndefined();
    expect(read).toBeLessThan(elf.length);
    expect(performance.now() - started).toBeLessThan(2000);
    // A few fakes, then the real one: found.
    const { buf: few } = bigGoElf(0, Buffer.concat([fakes.subarray(0, 48 * 20), goBuildInfoInline("go1.22.5", STREAM_MODINFO)]));
    expect(scan(few, [], 100).raw).toEqual(EXPECTED);
  });

  it.each<[string, Buffer, GoBuildInfoRaw | undefined]>([
    ["in the version's length", Buffer.from([0x80]), undefined],
    ["in the version", Buffer.from([8, 0x67, 0x6f, 0x31]), undefined],
    ["in the module text's length", Buffer.concat([Buffer.from([8]), Buffer.from("go1.22.5"), Buffer.from([0xff])]), { goVersion: "go1.22.5", modinfo: "" }],
    ["in the module text", Buffer.concat([Buffer.from([8]), Buffer.from("go1.22.5"), Buffer.from([0xc0, 0x01]), framedModinfo(STREAM_MODINFO).subarray(0, 40)]), { goVersion: "go1.22.5", modinfo: "" }],
  ])("a file that ends %s: what the buffered reader gives", (_, tail, expected) => {
    const elf = buildElf({ sections: [{ name: ".text", data: Buffer.alloc(4000), addr: 0x401000, writable: false }] });
    const padded = Buffer.concat([elf, Buffer.alloc((16 - (elf.length % 16)) % 16), headed(tail)]);
    expect(readGoBuildInfo(padded, "cut")).toEqual(expected);
    for (const chunk of [1, 5, 4096]) expect(scan(padded, [], chunk).raw).toEqual(expected);
  });

  it("does not gather a module text longer than the 8 MB bound: the Go version alone", () => {
    const head = goBuildInfoInline("go1.22.5", "");
    const claim = Buffer.concat([head.subarray(0, head.length - 1), Buffer.from([0x80, 0x80, 0x80, 0x08])]); // 16 MB
    const { buf: elf } = bigGoElf(0, Buffer.concat([claim, Buffer.alloc(MB)]));
    const { raw, read } = scan(elf);
    expect(raw).toEqual({ goVersion: "go1.22.5", modinfo: "" });
    expect(read).toBeLessThan(elf.length);
  });

  it("goBinaryAnalyzer.analyzeStream gives what the buffered analyzer gives", () => {
    const file = fileEntry("usr/local/bin/big", buf);
    const sink = goBinaryAnalyzer.analyzeStream?.(file, { source: "test" });
    for (let i = 0; i < buf.length && !sink?.write(buf.subarray(i, i + 65536)); i += 65536);
    expect(sink?.end()?.packages).toEqual(goBinaryPackages(file, buf));
    expect(goBinaryPackages(file, buf)?.map((p) => `${p.name}@${p.version}`)).toEqual(["stdlib@1.22.5", "example.com/big@v2.3.4", "github.com/hashicorp/hcl/v2@v2.19.1", "google.golang.org/grpc@v1.60.0"]);
    expect(goBinaryAnalyzer.wantsStream?.("usr/local/bin/big", 2 ** 40, 0o755)).toBe(true);
  });
});

// Real Go programs on this machine, streamed from disk: what the buffered reader finds.
describe("streamed real Go binaries", () => {
  it.each(["/usr/bin/umoci", "/usr/bin/skopeo", "/usr/bin/docker-registry", "/usr/local/bin/terraform"])("%s", (path) => {
    if (!existsSync(path)) {
      console.warn(`skipped: ${path} is not installed`);
      return;
    }
    const scanner = new GoBuildInfoScanner();
    const fd = openSync(path, "r");
    let read = 0;
    try {
      const chunk = Buffer.alloc(61 * 1024 + 3);
      for (let n = readSync(fd, chunk, 0, chunk.length, read); n > 0; n = readSync(fd, chunk, 0, chunk.length, read)) {
        read += n;
        if (scanner.write(chunk.subarray(0, n))) break;
      }
    } finally {
      closeSync(fd);
    }
    const streamed = scanner.end();
    expect(streamed?.goVersion).toMatch(/^go1\.\d+/);
    if (statSync(path).size <= 256 * MB) expect(streamed).toEqual(readGoBuildInfo(readFileSync(path), path));
    expect(read).toBeLessThan(statSync(path).size);
  });
});
