// Files above limits.maxFileSize streamed to the analyzers that can take them (the Go build-info
// detector), in a directory scan and in an image layer alike: the header and the module text found
// across chunk boundaries, one read feeding every streaming analyzer, failures kept per analyzer.
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeDirectory, analyzeImage, type AnalysisResult } from "../../../src/artifacts/analyze.js";
import { openImage } from "../../../src/artifacts/image/open.js";
import type { Analyzer } from "../../../src/analyzers/types.js";
import { goBinaryAnalyzer } from "../../../src/packages/binary/go-binary.js";
import { bigGoElf } from "../../packages/binary/fixtures.js";
import { buildImage, cleanup, ociLayoutDir, tempDir, type Compression } from "./fixtures.js";

afterEach(cleanup);

const MB = 1024 * 1024;
const PATH = "usr/local/bin/big";
const PACKAGES = ["stdlib@1.22.5", "example.com/big@v2.3.4", "github.com/hashicorp/hcl/v2@v2.19.1", "google.golang.org/grpc@v1.60.0"];

/** Where the streamed chunks of PATH ended, as file offsets. */
function recorder(): Analyzer & { ends: number[] } {
  const ends: number[] = [];
  return {
    name: "recorder",
    version: 1,
    kind: "malware",
    ends,
    wants: () => false,
    analyze: async () => undefined,
    wantsStream: (p) => p === PATH,
    analyzeStream: () => {
      let at = 0;
      return {
        write: (chunk) => (ends.push((at += chunk.length)), false),
        end: () => undefined,
      };
    },
  };
}

/** Hashes every byte it is fed; never stops early. */
function hasher(): Analyzer & { digests: string[] } {
  const digests: string[] = [];
  return {
    name: "hasher",
    version: 1,
    kind: "malware",
    digests,
    wants: () => false,
    analyze: async () => undefined,
    wantsStream: (p) => p === PATH,
    analyzeStream: () => {
      const h = createHash("sha256");
      return {
        write: (chunk) => (h.update(chunk), false),
        end: () => (digests.push(h.digest("hex")), undefined),
      };
    },
  };
}

const thrower: Analyzer = {
  name: "thrower",
  version: 1,
  kind: "malware",
  wants: () => false,
  analyze: async () => undefined,
  wantsStream: (p) => p === PATH,
  analyzeStream: () => ({
    write: () => {
      throw new Error("boom");
    },
    end: () => undefined,
  }),
};

function goPackages(r: AnalysisResult): string[] {
  return r.packages.map((p) => `${p.name}@${p.version}`);
}

/** The Go executable with its header `shift` bytes before a chunk boundary of the source. */
function executable(boundary: number, shift: number): { buf: Buffer; at: number } {
  // buildElf puts .text at offset 176 and the next section at the next 16-byte boundary.
  const built = bigGoElf(boundary - shift - 176);
  expect(built.at).toBe(boundary - shift);
  return built;
}

async function scanDirectory(buf: Buffer, analyzers: Analyzer[], maxFileSize = MB): Promise<AnalysisResult> {
  const root = tempDir("mamori-stream-");
  mkdirSync(join(root, "usr/local/bin"), { recursive: true });
  writeFileSync(join(root, PATH), buf);
  chmodSync(join(root, PATH), 0o755);
  return analyzeDirectory(root, analyzers, { limits: { maxFileSize } });
}

async function scanImage(buf: Buffer, analyzers: Analyzer[], compression: Compression, maxFileSize = MB): Promise<AnalysisResult> {
  const spec = { layers: [{ entries: [{ name: PATH, content: buf, mode: 0o755 }], compression }] };
  const built = await buildImage(spec);
  return analyzeImage(await openImage(await ociLayoutDir([built], [spec])), analyzers, { limits: { maxFileSize } });
}

// Directory files are read 1 MB at a time; an uncompressed layer's file body (after its 512-byte
// tar header) comes in the 64 KB reads of the blob.
const DIRECTORY_BOUNDARY = 3 * MB;
const LAYER_BOUNDARY = 48 * 64 * 1024 - 512;

describe("streamed executables", () => {
  it.each<[string, "directory" | Compression, number]>([
    ["directory: the header split", "directory", 16],
    ["directory: the module text split", "directory", 64],
    ["directory: the header at a chunk's start", "directory", 0],
    ["layer: the header split", "none", 16],
    ["layer: the module text split", "none", 64],
    ["layer (gzip): anywhere", "gzip", 16],
  ])("%s", async (_, source, shift) => {
    const boundary = source === "directory" ? DIRECTORY_BOUNDARY : LAYER_BOUNDARY;
    const { buf, at } = executable(boundary, shift);
    const rec = recorder();
    const hash = hasher();
    const analyzers = [goBinaryAnalyzer, rec, hash, thrower];
    const result = source === "directory" ? await scanDirectory(buf, analyzers) : await scanImage(buf, analyzers, source);
    expect(goPackages(result)).toEqual(PACKAGES);
    expect(result.packages.every((p) => p.path === PATH)).toBe(true);
    if (source !== "directory") expect(result.packages[0]?.layer).toMatch(/^sha256:/);
    // One read fed every streaming analyzer all of the file, whatever the others did.
    expect(hash.digests).toEqual([createHash("sha256").update(buf).digest("hex")]);
    expect(rec.ends.at(-1)).toBe(buf.length);
    if (source !== "gzip") expect(rec.ends.some((end) => end > at && end < at + 32 + 200)).toBe(shift > 0);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/thrower: usr\/local\/bin\/big: boom$/)]);
    expect(result.stats.perAnalyzer["go-binary"]).toMatchObject({ files: 1, errors: 0 });
    expect(result.stats.perAnalyzer.thrower).toMatchObject({ files: 1, errors: 1 });
    expect(result.partial).toBe(false);
  });

  it.each(["directory", "gzip"] as const)("%s: the Go detector alone stops reading once it has the build information", async (source) => {
    const { buf } = executable(DIRECTORY_BOUNDARY, 16);
    const big = Buffer.concat([buf, Buffer.alloc(8 * MB)]);
    const result = source === "directory" ? await scanDirectory(big, [goBinaryAnalyzer]) : await scanImage(big, [goBinaryAnalyzer], source);
    expect(goPackages(result)).toEqual(PACKAGES);
    // A directory file is read no further; a layer streams on past it (skipped, not held).
    if (source === "directory") expect(result.stats.bytes).toBe(4 * MB);
    expect(result.warnings).toEqual([]);
  });

  it.each(["directory", "gzip"] as const)("%s: within limits.maxFileSize the file is read whole, with the same packages", async (source) => {
    const { buf } = executable(DIRECTORY_BOUNDARY, 16);
    const hash = hasher();
    const result = source === "directory" ? await scanDirectory(buf, [goBinaryAnalyzer, hash], 64 * MB) : await scanImage(buf, [goBinaryAnalyzer, hash], source, 64 * MB);
    expect(goPackages(result)).toEqual(PACKAGES);
    // A streaming analyzer of a file held whole anyway is fed that buffer.
    expect(hash.digests).toEqual([createHash("sha256").update(buf).digest("hex")]);
    expect(result.warnings).toEqual([]);
  });

  it.each(["directory", "gzip"] as const)("%s: 10,000 fake headers and a varint cut by the end of the file give nothing, quietly", async (source) => {
    const fake = Buffer.alloc(48);
    fake.write("\xff Go buildinf:", 0, "latin1");
    fake[14] = 8;
    fake[15] = 2;
    fake.write("\x04nope", 32, "latin1");
    const fakes = Buffer.concat(Array.from({ length: 10_000 }, () => fake));
    const cut = Buffer.concat([fake.subarray(0, 32), Buffer.from([0x80])]);
    const { buf } = executable(DIRECTORY_BOUNDARY, 16);
    const hostile = Buffer.concat([buf.subarray(0, DIRECTORY_BOUNDARY - 16), fakes, Buffer.alloc(MB), cut]);
    const started = performance.now();
    const result = source === "directory" ? await scanDirectory(hostile, [goBinaryAnalyzer]) : await scanImage(hostile, [goBinaryAnalyzer], source);
    expect(result.packages).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
    // Only the fakes' tail end: a truncated varint at the end of the file alone gives nothing either.
    const tail = Buffer.concat([buf.subarray(0, DIRECTORY_BOUNDARY - 16), cut]);
    const r2 = source === "directory" ? await scanDirectory(tail, [goBinaryAnalyzer]) : await scanImage(tail, [goBinaryAnalyzer], source);
    expect(r2.packages).toEqual([]);
    expect(r2.warnings).toEqual([]);
  });

  it("an analyzer that cannot stream still gets the warning for a file above limits.maxFileSize", async () => {
    const { buf } = executable(DIRECTORY_BOUNDARY, 16);
    const wholeOnly: Analyzer = { name: "whole-only", version: 1, kind: "secrets", wants: () => true, analyze: async () => undefined };
    const result = await scanDirectory(buf, [goBinaryAnalyzer, wholeOnly]);
    expect(goPackages(result)).toEqual(PACKAGES);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^usr\/local\/bin\/big: not analyzed by whole-only: .* is more than limits.maxFileSize \(1 MB\)$/)]);
  });
});
