import { spawnSync } from "node:child_process";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DigestMismatchError } from "../../../src/artifacts/image/digest.js";
import { readLayer, type LayerReadResult } from "../../../src/artifacts/image/layer.js";
import { imageLimits, type ImageLimits } from "../../../src/artifacts/image/limits.js";
import type { ScanWarning } from "../../../src/core/model.js";
import { compress, sha256, tarOf, zstdAvailable, type Compression, type Entry } from "./fixtures.js";

interface Seen {
  entries: string[];
  whiteouts: string[];
  files: Record<string, string>;
  warnings: string[];
  result: LayerReadResult;
}

async function read(blob: Buffer | Readable, limits: Partial<ImageLimits> = {}, diffId?: string, wanted: (p: string) => boolean = () => true): Promise<Seen> {
  const seen: Omit<Seen, "result"> = { entries: [], whiteouts: [], files: {}, warnings: [] };
  const result = await readLayer(
    Buffer.isBuffer(blob) ? Readable.from([blob]) : blob,
    { limits: imageLimits(limits), imageBytesLeft: imageLimits(limits).maxImageBytes, what: "layer 1", warn: (w: ScanWarning) => seen.warnings.push(w.message), ...(diffId ? { diffId } : {}) },
    {
      entry: (path, kind) => seen.entries.push(`${kind}:${path}`),
      whiteout: (path, opaque) => seen.whiteouts.push(`${opaque ? "opaque" : "delete"}:${path}`),
      file: async (f, content) => {
        if (wanted(f.path)) seen.files[f.path] = (await content()).toString();
      },
    },
  );
  return { ...seen, result };
}

const sample: Entry[] = [
  { name: "./etc/", type: "directory" },
  { name: "./etc/os-release", content: "ID=debian\n" },
  { name: "/abs/file", content: "absolute" },
  { name: "usr/../usr/bin/tool", content: "tool", mode: 0o755 },
];

describe("readLayer", () => {
  it.each(["none", "gzip", "zstd"] as Compression[])("sniffs %s by magic bytes and normalizes paths", async (c) => {
    if (c === "zstd" && !zstdAvailable) {
      console.warn("skipped: no zstd binary to make a zstd layer with");
      return;
    }
    const plain = await tarOf(sample);
    const seen = await read(compress(plain, c), {}, sha256(plain));
    expect(seen.result).toMatchObject({ compression: c, files: 3, entries: 4, partial: false, bytes: plain.length });
    expect(seen.entries).toEqual(["dir:etc", "file:etc/os-release", "file:abs/file", "file:usr/bin/tool"]);
    expect(seen.files).toEqual({ "etc/os-release": "ID=debian\n", "abs/file": "absolute", "usr/bin/tool": "tool" });
    expect(seen.warnings).toEqual([]);
  });

  it("skips paths that leave the root and never follows links out of it", async () => {
    const seen = await read(
      await tarOf([
        { name: "../../etc/passwd", content: "root:x" },
        { name: "a/../../escape", content: "no" },
        { name: "etc/shadow-link", type: "symlink", linkname: "../../../../etc/shadow" },
        { name: "etc/alt", type: "symlink", linkname: "/usr/bin/tool" },
        { name: "etc/hard", type: "link", linkname: "etc/missing" },
        { name: "etc/real", content: "real" },
        { name: "etc/hard-ok", type: "link", linkname: "etc/real" },
        { name: "etc/hard-out", type: "link", linkname: "../../x" },
      ]),
    );
    expect(seen.files).toEqual({ "etc/real": "real" });
    expect(seen.entries).toEqual(["symlink:etc/shadow-link", "symlink:etc/alt", "hardlink:etc/hard", "file:etc/real", "hardlink:etc/hard-ok", "hardlink:etc/hard-out"]);
    expect(seen.warnings).toEqual([
      'layer 1: skipped "../../etc/passwd": the path leaves the image root',
      'layer 1: skipped "a/../../escape": the path leaves the image root',
      'layer 1: symbolic link to "../../../../etc/shadow", outside the image root: not followed',
      "layer 1: hard link to etc/missing, which is not in this layer",
      'layer 1: hard link to "../../x", outside the image root: not followed',
    ]);
    expect(seen.result.partial).toBe(false);
  });

  it("turns .wh. files into whiteouts and opaque directories, not files", async () => {
    const seen = await read(await tarOf([{ name: "etc/.wh.secret" }, { name: "var/cache/.wh..wh..opq" }, { name: ".wh..wh..opq" }, { name: "x/.wh..wh.plnk" }]));
    expect(seen.whiteouts).toEqual(["delete:etc/secret", "opaque:var/cache", "opaque:"]);
    expect(seen.files).toEqual({});
  });

  it("keeps duplicate entries in stream order (the driver lets the last win)", async () => {
    const seen = await read(await tarOf([{ name: "f", content: "one" }, { name: "f", content: "two" }]));
    expect(seen.entries).toEqual(["file:f", "file:f"]);
    expect(seen.files.f).toBe("two");
  });

  it("skips over bodies nobody reads", async () => {
    const seen = await read(await tarOf([{ name: "big", content: Buffer.alloc(300_000, 1) }, { name: "small", content: "s" }]), {}, undefined, (p) => p === "small");
    expect(seen.files).toEqual({ small: "s" });
    expect(seen.result.bytes).toBeGreaterThan(300_000);
  });

  it("ends a truncated layer with a warning and a partial result", async () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, content: `${i}`.repeat(3000) }));
    const gz = gzipSync(await tarOf(entries));
    const seen = await read(gz.subarray(0, Math.floor(gz.length / 2)));
    expect(seen.result).toMatchObject({ partial: true, failed: true });
    expect(Object.keys(seen.files).length).toBeGreaterThan(0);
    expect(Object.keys(seen.files).length).toBeLessThan(40);
    expect(seen.warnings.join("\n")).toMatch(/layer 1: truncated or corrupt \(.*\): the result is partial/);
    const plain = await tarOf(entries);
    const cut = await read(plain.subarray(0, 20_000));
    expect(cut.result.partial).toBe(true);
    expect(cut.warnings.join("\n")).toMatch(/truncated or corrupt/);
  });

  it("refuses content that does not match its diff id, by name", async () => {
    const plain = await tarOf(sample);
    const wrong = sha256("something else");
    await expect(read(gzipSync(plain), {}, wrong)).rejects.toThrow(new DigestMismatchError("layer", wrong).message);
  });

  it("stops a decompression bomb at the ratio bound", async () => {
    // 64 MB of zeros gzip to about 64 KB: a ratio near 1000.
    const bomb = gzipSync(await tarOf([{ name: "zeros", content: Buffer.alloc(64 * 1024 * 1024) }]), { level: 9 });
    const started = Date.now();
    const seen = await read(bomb, { maxRatio: 100, ratioGraceBytes: 4 * 1024 * 1024 }, undefined, () => false);
    expect(seen.result.partial).toBe(true);
    expect(seen.result.bytes).toBeLessThan(16 * 1024 * 1024);
    expect(seen.warnings.join("\n")).toMatch(/decompresses to more than 100 times its size, a decompression bomb \(limits.maxRatio\)/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("stops at the layer and image byte bounds", async () => {
    const plain = await tarOf([{ name: "a", content: Buffer.alloc(100_000) }]);
    const layer = await read(plain, { maxLayerBytes: 50_000 });
    expect(layer.warnings.join()).toMatch(/more than 48.8 KB uncompressed \(limits.maxLayerBytes\)/);
    const seen: string[] = [];
    const r = await readLayer(Readable.from([plain]), { limits: imageLimits(), imageBytesLeft: 10_000, what: "layer 2", warn: (w) => seen.push(w.message) }, { entry: () => {}, whiteout: () => {}, file: async () => {} });
    expect(r).toMatchObject({ partial: true, imageBudgetSpent: true });
    expect(seen.join()).toMatch(/limits.maxImageBytes/);
  });

  it("skips paths longer or deeper than the bounds", async () => {
    const seen = await read(await tarOf([{ name: `${"a/".repeat(20)}f`, content: "deep" }, { name: "ok", content: "ok" }]), { maxPathDepth: 10 });
    expect(seen.files).toEqual({ ok: "ok" });
    expect(seen.warnings.join()).toMatch(/deeper than 10/);
  });

  it("stops after limits.maxEntriesPerLayer entries, quickly, on a million empty files", async () => {
    // A million empty files, generated as the layer streams: only the bound decides how much is read.
    const header = (i: number): Buffer => {
      const b = Buffer.alloc(512);
      b.write(`d${i % 100}/f${i}`, 0);
      b.write("0000644\0", 100);
      b.write("00000000000\0", 124);
      b.write("ustar\0" + "00", 257);
      b[156] = 0x30;
      b.fill(0x20, 148, 156);
      let sum = 0;
      for (const x of b) sum += x;
      b.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
      return b;
    };
    let produced = 0;
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < 1_000_000; i += 100) {
          produced += 100;
          yield Buffer.concat(Array.from({ length: 100 }, (_, k) => header(i + k)));
        }
        yield Buffer.alloc(1024);
      })(),
    );
    const started = Date.now();
    const seen = await read(stream, { maxEntriesPerLayer: 20_000 }, undefined, () => false);
    expect(seen.result).toMatchObject({ partial: true, files: 20_000 });
    expect(seen.warnings).toEqual(["layer 1: more than 20000 entries (limits.maxEntriesPerLayer): the rest of the layer is not read"]);
    expect(produced).toBeLessThan(100_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.skipIf(!zstdAvailable)("refuses zstd windows above the bound without native zstd", async () => {
    const plain = await tarOf([{ name: "f", content: Buffer.alloc(1 << 20, 7) }]);
    const big = spawnSync("zstd", ["-c", "-q", "--ultra", "-22", "--long=27"], { input: plain, maxBuffer: 1 << 30 }).stdout;
    const seen = await read(big, { maxZstdWindow: 1 << 20 });
    const native = typeof (await import("node:zlib") as Record<string, unknown>).createZstdDecompress === "function";
    if (native) expect(seen.result.partial).toBe(false);
    else {
      expect(seen.result.partial).toBe(true);
      expect(seen.warnings.join()).toMatch(/zstd: window of .* is larger than the 1 MB this Node.js decompresses/);
    }
  });
});
