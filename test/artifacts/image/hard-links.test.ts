// Hard links in image layers: the linked path is analyzed as the file it names when an analyzer
// wants it (the layer read a second time for the content), with the same final-filesystem
// semantics as any file; links out of the root, to nothing or to themselves are warnings.
import { afterEach, describe, expect, it } from "vitest";
import { analyzeImage, type AnalysisResult, type LayerCache } from "../../../src/artifacts/analyze.js";
import { openImage } from "../../../src/artifacts/image/open.js";
import { MAX_FOLLOWED_LINKS } from "../../../src/artifacts/image/hard-links.js";
import { readLayer, type LayerFile } from "../../../src/artifacts/image/layer.js";
import { imageLimits } from "../../../src/artifacts/image/limits.js";
import type { Image } from "../../../src/artifacts/image/types.js";
import type { Analyzer } from "../../../src/analyzers/types.js";
import { goBinaryAnalyzer } from "../../../src/packages/binary/go-binary.js";
import { bigGoElf, buildElf } from "../../packages/binary/fixtures.js";
import { Readable } from "node:stream";
import { buildImage, cleanup, dockerArchive, ociLayoutDir, tarOf, type Entry, type ImageSpec } from "./fixtures.js";

afterEach(cleanup);

const MB = 1024 * 1024;

/** Python-style METADATA: "Name: x" and "Version: y" make a package; records the paths it read. */
function metadata(): Analyzer & { offered: string[] } {
  const offered: string[] = [];
  return {
    name: "metadata",
    version: 1,
    kind: "packages",
    offered,
    wants: (p) => p.endsWith("/METADATA"),
    async analyze(file) {
      offered.push(file.path);
      const text = (await file.read()).toString();
      const field = (k: string) => new RegExp(`^${k}: (.*)$`, "m").exec(text)?.[1];
      const name = field("Name");
      const version = field("Version");
      return name && version ? { packages: [{ name, version, ecosystem: "PyPI", purl: `pkg:pypi/${name}@${version}` }] } : undefined;
    },
  };
}

const meta = (name: string, version: string): string => `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`;
const SITE = "usr/lib/python3/dist-packages";

/** The image of the specs, with a count of how often each layer's blob is opened. */
async function image(spec: ImageSpec, form: "oci-layout" | "docker-archive" = "oci-layout"): Promise<{ image: Image; opened: number[] }> {
  const built = await buildImage(spec);
  const ref = form === "oci-layout" ? await ociLayoutDir([built], [spec]) : await dockerArchive([built], { form: "blobs" });
  const img = await openImage(ref);
  const opened = img.layers.map(() => 0);
  img.layers = img.layers.map((l, i) => ({ ...l, open: async () => ((opened[i] = (opened[i] ?? 0) + 1), l.open()) }));
  return { image: img, opened };
}

function found(r: AnalysisResult): string[] {
  return r.packages.map((p) => `${p.name}@${p.version} ${p.path}`);
}

function warnings(r: AnalysisResult): string[] {
  return r.warnings.map((w) => `${w.path ?? ""}: ${w.message.replace(/^layer \d+ \(sha256:[0-9a-f]+\): /, "")}`);
}

describe("hard links in a layer", () => {
  it.each(["oci-layout", "docker-archive"] as const)("a wanted link is analyzed as the file it names, under its own path (%s)", async (form) => {
    const { image: img, opened } = await image(
      {
        layers: [
          {
            entries: [
              { name: "opt/store/4f2a", content: meta("requests", "2.31.0") },
              { name: `${SITE}/requests-2.31.0.dist-info/METADATA`, type: "link", linkname: "opt/store/4f2a" },
              { name: "etc/hostname", content: "box" },
            ],
          },
        ],
      },
      form,
    );
    const m = metadata();
    const result = await analyzeImage(img, [m]);
    expect(found(result)).toEqual([`requests@2.31.0 ${SITE}/requests-2.31.0.dist-info/METADATA`]);
    expect(result.packages[0]?.layer).toBe(img.layers[0]?.info.digest);
    expect(m.offered).toEqual([`${SITE}/requests-2.31.0.dist-info/METADATA`]);
    expect(opened).toEqual([2]);
    expect(result.warnings).toEqual([]);
    expect(result.partial).toBe(false);
  });

  it("follows a chain of links to its file, and takes the file as it was at the link", async () => {
    const { image: img } = await image({
      layers: [
        {
          entries: [
            { name: "store/x", content: meta("old", "1.0") },
            { name: "store/y", type: "link", linkname: "store/x" },
            { name: "a/METADATA", type: "link", linkname: "store/y" },
            // The file is replaced after the links: they keep the first one's content.
            { name: "store/x", content: meta("new", "2.0") },
            { name: "b/METADATA", type: "link", linkname: "/store/x" },
          ],
        },
      ],
    });
    const result = await analyzeImage(img, [metadata()]);
    expect(found(result)).toEqual(["old@1.0 a/METADATA", "new@2.0 b/METADATA"]);
    expect(result.warnings).toEqual([]);
  });

  it("keeps final-filesystem semantics: a later entry at the link's path wins; a later layer deletes it", async () => {
    const { image: img } = await image({
      layers: [
        {
          entries: [
            { name: "store/x", content: meta("linked", "1.0") },
            { name: "a/METADATA", type: "link", linkname: "store/x" },
            { name: "a/METADATA", content: meta("replaced", "3.0") },
            { name: "b/METADATA", type: "link", linkname: "store/x" },
            { name: "c/METADATA", type: "link", linkname: "store/x" },
          ],
        },
        { entries: [{ name: "b/.wh.METADATA" }, { name: "store/.wh.x" }] },
      ],
    });
    const m = metadata();
    const result = await analyzeImage(img, [m]);
    expect(found(result)).toEqual(["replaced@3.0 a/METADATA", "linked@1.0 c/METADATA"]);
    // Deleting the name it came in by leaves the file under its other name.
    expect(m.offered).toEqual(["a/METADATA", "b/METADATA", "c/METADATA"]);
  });

  it("warns about links out of the root, to nothing, to themselves and to directories; links to symbolic links are not files", async () => {
    const { image: img, opened } = await image({
      layers: [
        {
          entries: [
            { name: "usr/", type: "directory" },
            { name: "etc/alt", type: "symlink", linkname: "/usr/bin/tool" },
            { name: "a/METADATA", type: "link", linkname: "../../etc/shadow" },
            { name: "b/METADATA", type: "link", linkname: "nowhere" },
            { name: "c/METADATA", type: "link", linkname: "c/METADATA" },
            { name: "d/METADATA", type: "link", linkname: "usr" },
            { name: "e/METADATA", type: "link", linkname: "etc/alt" },
            // A cycle: each names the other, and neither names a file.
            { name: "f/METADATA", type: "link", linkname: "g/METADATA" },
            { name: "g/METADATA", type: "link", linkname: "f/METADATA" },
          ],
        },
      ],
    });
    const result = await analyzeImage(img, [metadata()]);
    expect(found(result)).toEqual([]);
    expect(warnings(result)).toEqual([
      'a/METADATA: hard link to "../../etc/shadow", outside the image root: not followed',
      "b/METADATA: hard link to nowhere, which is not in this layer",
      "c/METADATA: hard link to itself: not followed",
      "d/METADATA: hard link to usr, which is not in this layer",
      "f/METADATA: hard link to g/METADATA, which is not in this layer",
    ]);
    expect(opened).toEqual([1]);
  });

  it("reads the layer again only when a wanted link can find something its file did not", async () => {
    const elf = bigGoElf(64 * 1024).buf;
    const notGo = buildElf({ sections: [{ name: ".text", data: Buffer.alloc(4096), addr: 0x401000, writable: false }] });
    const entries = (extra: Entry[]): ImageSpec => ({
      layers: [{ entries: [{ name: "usr/bin/tool", content: notGo, mode: 0o755 }, { name: "usr/bin/tool2", type: "link", linkname: "usr/bin/tool", mode: 0o755 }, ...extra] }],
    });
    // go-binary read usr/bin/tool and found nothing: no second read for its other name (nor for a link nobody wants)...
    const quiet = await image(entries([{ name: "usr/share/tool", content: "doc" }, { name: "usr/local/bin/tool3", type: "link", linkname: "usr/share/tool", mode: 0o644 }]));
    const r1 = await analyzeImage(quiet.image, [goBinaryAnalyzer]);
    expect(found(r1)).toEqual([]);
    expect(quiet.opened).toEqual([1]);

    // ...but a Go program hard-linked to a second name is read for it.
    const go = await image({
      layers: [{ entries: [{ name: "opt/app/bin/app", content: elf, mode: 0o755 }, { name: "usr/local/bin/app", type: "link", linkname: "opt/app/bin/app", mode: 0o755 }] }],
    });
    const r2 = await analyzeImage(go.image, [goBinaryAnalyzer]);
    expect(new Set(r2.packages.map((p) => p.path))).toEqual(new Set(["opt/app/bin/app", "usr/local/bin/app"]));
    expect(r2.packages.filter((p) => p.path === "usr/local/bin/app").map((p) => p.name)).toEqual(["stdlib", "example.com/big", "github.com/hashicorp/hcl/v2", "google.golang.org/grpc"]);
    expect(go.opened).toEqual([2]);
  });

  it("reads a file named by several links once; above limits.maxFileSize it is streamed to one of them", async () => {
    const elf = bigGoElf(2 * MB).buf;
    const spec: ImageSpec = {
      layers: [
        {
          entries: [
            { name: "opt/go/bin/big", content: elf, mode: 0o755 },
            { name: "usr/bin/big", type: "link", linkname: "opt/go/bin/big", mode: 0o755 },
            { name: "usr/local/bin/big", type: "link", linkname: "opt/go/bin/big", mode: 0o755 },
          ],
        },
      ],
    };
    const whole = await analyzeImage((await image(spec)).image, [goBinaryAnalyzer]);
    expect(new Set(whole.packages.map((p) => p.path))).toEqual(new Set(["opt/go/bin/big", "usr/bin/big", "usr/local/bin/big"]));
    expect(whole.warnings).toEqual([]);

    const streamed = await analyzeImage((await image(spec)).image, [goBinaryAnalyzer], { limits: { maxFileSize: MB } });
    expect(new Set(streamed.packages.map((p) => p.path))).toEqual(new Set(["opt/go/bin/big", "usr/bin/big"]));
    expect(warnings(streamed)).toEqual(["usr/local/bin/big: hard link to opt/go/bin/big: not analyzed: a file above limits.maxFileSize is streamed to one of its names only (usr/bin/big)"]);
  });

  it("caches the links' results in stream order and replays them", async () => {
    const spec: ImageSpec = {
      layers: [
        {
          entries: [
            { name: "store/x", content: meta("first", "1.0") },
            { name: "a/METADATA", type: "link", linkname: "store/x" },
            { name: "z/METADATA", content: meta("direct", "1.0") },
            { name: "b/METADATA", type: "link", linkname: "store/x" },
          ],
        },
        { entries: [{ name: "b/.wh.METADATA" }] },
      ],
    };
    const data = new Map<string, Buffer>();
    const cache: LayerCache = { get: async (d, k) => data.get(`${d} ${k}`), put: async (d, k, v) => void data.set(`${d} ${k}`, v) };
    const first = await analyzeImage((await image(spec)).image, [metadata()], { cache });
    const again = await image(spec);
    const second = await analyzeImage(again.image, [metadata()], { cache });
    expect(again.opened).toEqual([0, 0]);
    expect(found(first)).toEqual(["first@1.0 a/METADATA", "direct@1.0 z/METADATA"]);
    const strip = (r: AnalysisResult) => JSON.parse(JSON.stringify({ ...r, stats: undefined })) as unknown;
    expect(strip(second)).toEqual(strip(first));
  });

  it(`follows at most ${MAX_FOLLOWED_LINKS} links in a layer`, async () => {
    const links: Entry[] = Array.from({ length: MAX_FOLLOWED_LINKS + 5 }, (_, i) => ({ name: `l/${i}`, type: "link", linkname: "store/x" }));
    const { image: img } = await image({ layers: [{ entries: [{ name: "store/x", content: meta("x", "1") }, ...links, { name: "p/METADATA", type: "link", linkname: "store/x" }] }] });
    const result = await analyzeImage(img, [metadata()]);
    expect(found(result)).toEqual([]);
    expect(warnings(result)).toEqual([`: more than ${MAX_FOLLOWED_LINKS} hard links: the rest are analyzed under the path they name only`]);
  }, 30_000);
});

describe("readLayer: the second read for hard links", () => {
  const entries: Entry[] = [
    { name: "store/x", content: "one" },
    { name: "store/y", content: "two" },
    { name: "a", type: "link", linkname: "store/x" },
    { name: "b", type: "link", linkname: "store/y" },
  ];

  async function read(reopen: (() => Promise<NodeJS.ReadableStream>) | undefined) {
    const blob = await tarOf(entries);
    const files: string[] = [];
    const asked: string[] = [];
    const warnings: string[] = [];
    const result = await readLayer(
      Readable.from([blob]),
      { limits: imageLimits(), imageBytesLeft: 1e12, what: "layer 1", warn: (w) => warnings.push(`${w.path}: ${w.message}`), ...(reopen ? { reopen } : {}) },
      {
        entry: () => {},
        whiteout: () => {},
        file: async (f: LayerFile, content) => void files.push(`${f.seq} ${f.path}=${(await content()).toString()}`),
        linked: (f, target) => (asked.push(`${f.path} (${f.size} bytes) -> ${target.path}#${target.seq}`), true),
      },
    );
    return { files, asked, warnings, result, size: blob.length };
  }

  it("hands each wanted link its file's content after the layer, and counts the bytes read again", async () => {
    const r = await read(async () => Readable.from([await tarOf(entries)]));
    expect(r.asked).toEqual(["a (3 bytes) -> store/x#1", "b (3 bytes) -> store/y#2"]);
    expect(r.files).toEqual(["1 store/x=one", "2 store/y=two", "3 a=one", "4 b=two"]);
    expect(r.result.partial).toBe(false);
    expect(r.result.bytes).toBeGreaterThan(r.size);
  });

  it("does not ask without a way to read the layer again", async () => {
    const r = await read(undefined);
    expect(r.asked).toEqual([]);
    expect(r.files).toEqual(["1 store/x=one", "2 store/y=two"]);
  });

  it("warns and marks the layer partial when the second read differs or fails", async () => {
    const changed = await read(async () => Readable.from([await tarOf([{ name: "store/x", content: "one" }, { name: "other", content: "?" }])]));
    expect(changed.files).toEqual(["1 store/x=one", "2 store/y=two", "3 a=one"]);
    // (Only a path-hash collision does this to a verified blob: the link named nothing after all.)
    expect(changed.warnings).toEqual(["b: layer 1: hard link to store/y: not analyzed: the file was not found when the layer was read again"]);
    expect(changed.result.partial).toBe(false);

    const failed = await read(async () => {
      throw new Error("gone");
    });
    expect(failed.warnings).toEqual([
      "a: layer 1: hard link to store/x: not analyzed: the layer could not be read again (gone)",
      "b: layer 1: hard link to store/y: not analyzed: the layer could not be read again (gone)",
    ]);
    expect(failed.result.partial).toBe(true);
  });
});
