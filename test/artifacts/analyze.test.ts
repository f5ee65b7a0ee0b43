import { randomBytes, randomFillSync, createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, symlinkSync, writeFileSync, writeSync, type Dirent } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeDirectory, analyzeImage, type AnalysisResult, type LayerCache } from "../../src/artifacts/analyze.js";
import { openImage } from "../../src/artifacts/image/open.js";
import type { Image } from "../../src/artifacts/image/types.js";
import type { Analyzer, AnalyzerOutput } from "../../src/analyzers/types.js";
import type { FileEntry } from "../../src/artifacts/types.js";
import { buildImage, cleanup, dockerArchive, ociLayoutDir, sha256, tempDir, zstdAvailable, type ImageSpec, type LayerSpec } from "./image/fixtures.js";

afterEach(cleanup);

/** A fake analyzer: `wants` by predicate, `analyze` from the file's text; records what it was offered. */
function fake(name: string, wants: (path: string, size: number, mode: number) => boolean, analyze: (text: string, file: FileEntry) => AnalyzerOutput | undefined, version = 1) {
  const offered: string[] = [];
  const analyzer: Analyzer & { offered: string[] } = {
    name,
    version,
    kind: "packages",
    offered,
    wants,
    async analyze(file) {
      offered.push(`${file.layer?.index ?? "-"}:${file.path}`);
      return analyze((await file.read()).toString(), file);
    },
  };
  return analyzer;
}

function analyzers(version = 1) {
  return {
    os: fake("os", (p) => p === "etc/os-release", (text) => {
      const v = (k: string) => new RegExp(`^${k}=(.*)$`, "m").exec(text)?.[1] ?? "";
      return { os: { family: v("ID"), version: v("VERSION_ID"), ecosystem: `Debian:${v("VERSION_ID")}` } };
    }),
    dpkg: fake("dpkg", (p) => p === "var/lib/dpkg/status", (text) => ({
      packages: text
        .trim()
        .split("\n")
        .map((l) => l.split(" "))
        .map(([name = "", ver = ""]) => ({ name, version: ver, ecosystem: "os:dpkg", purl: `pkg:deb/debian/${name}@${ver}`, source: { name: `${name}-src`, version: ver } })),
      ownedFiles: [{ owner: "node-lodash", ecosystem: "os:dpkg", paths: ["/usr/share/nodejs/lodash/package.json"] }],
    })),
    npm: fake("npm", (p) => p.endsWith("package.json"), (text) => {
      const { name, version: v } = JSON.parse(text) as { name: string; version: string };
      return { packages: [{ name, version: v, ecosystem: "npm", purl: `pkg:npm/${name}@${v}` }] };
    }, version),
    secrets: fake("secrets", () => true, (text, file) =>
      text.includes("AKIA")
        ? { findings: [{ id: `secret-${file.path}`, ruleId: "MAM-SECRET-AWS", kind: "secret", severity: "critical", title: "AWS access key", location: { startLine: 1 } }] }
        : undefined,
    ),
  };
}

const pkg = (name: string, version: string): string => JSON.stringify({ name, version });

function memoryCache(): LayerCache & { data: Map<string, Buffer> } {
  const data = new Map<string, Buffer>();
  return {
    data,
    get: async (d, k) => data.get(`${d} ${k}`),
    put: async (d, k, v) => void data.set(`${d} ${k}`, v),
  };
}

/** The image of the final-filesystem tests: what each layer adds, deletes and replaces. */
const layered: ImageSpec = {
  layers: [
    {
      createdBy: "/bin/sh -c #(nop) ADD file:base in /",
      entries: [
        { name: "etc/os-release", content: "ID=debian\nVERSION_ID=11\n" },
        { name: "var/lib/dpkg/status", content: "libc6 2.31\nnode-lodash 4.17\n" },
        { name: "app/package.json", content: pkg("lodash", "1.0.0") },
        { name: "secret/creds.txt", content: "aws AKIAEXAMPLE" },
        { name: "opt/dir/package.json", content: pkg("in-opaque-dir", "1.0.0") },
        { name: "tmp/pkg/package.json", content: pkg("under-replaced-dir", "1.0.0") },
        { name: "keep/package.json", content: pkg("kept", "1.0.0") },
      ],
    },
    {
      createdBy: "RUN /bin/sh -c apt-get upgrade # buildkit",
      entries: [
        { name: "etc/os-release", content: "ID=debian\nVERSION_ID=12\n" },
        { name: "app/package.json", content: pkg("lodash", "2.0.0") },
        { name: "secret/.wh.creds.txt" },
        { name: "opt/.wh..wh..opq" },
        { name: "opt/new.txt", content: "AKIA in a kept file" },
        { name: "tmp/pkg", content: "now a file" },
        { name: "usr/share/nodejs/lodash/package.json", content: pkg("lodash", "4.17.21") },
        { name: "dup/package.json", content: pkg("dup", "1.0.0") },
        { name: "dup/package.json", content: pkg("dup", "2.0.0") },
      ],
    },
  ],
};

function summary(r: AnalysisResult) {
  return {
    os: r.os,
    packages: r.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version} ${p.path} ${p.layer?.slice(0, 12)}${p.ownedBy ? ` owned by ${p.ownedBy.ecosystem}/${p.ownedBy.name}` : ""}`),
    findings: r.findings.map((f) => `${f.location.path}: ${f.message ?? ""}`),
  };
}

describe("analyzeImage: final filesystem", () => {
  it.each(["oci-layout", "docker-archive"] as const)("offers every file once and keeps packages of final files only (%s)", async (kind) => {
    const spec: ImageSpec = kind === "docker-archive" ? { layers: layered.layers.map((l) => ({ ...l, compression: "none" })) } : layered;
    const built = await buildImage(spec);
    const ref = kind === "oci-layout" ? await ociLayoutDir([built], [spec]) : await dockerArchive([built], { form: "legacy" });
    const image = await openImage(ref);
    const a = analyzers();
    const result = await analyzeImage(image, Object.values(a));
    const [l0, l1] = built.layers.map((l) => l.diffId.slice(0, 12));
    expect(summary(result)).toEqual({
      os: { family: "debian", version: "12", ecosystem: "Debian:12" },
      packages: [
        `Debian:12 libc6 2.31 var/lib/dpkg/status ${l0}`,
        `Debian:12 node-lodash 4.17 var/lib/dpkg/status ${l0}`,
        `npm kept 1.0.0 keep/package.json ${l0}`,
        `npm lodash 2.0.0 app/package.json ${l1}`,
        `npm lodash 4.17.21 usr/share/nodejs/lodash/package.json ${l1} owned by Debian:12/node-lodash`,
        `npm dup 2.0.0 dup/package.json ${l1}`,
      ],
      findings: ["secret/creds.txt: AWS access key (deleted in layer 2)", "opt/new.txt: "],
    });
    expect(result.packages[0]?.purl).toBe("pkg:deb/debian/libc6@2.31?distro=debian-12&upstream=libc6-src");
    // Every file of every layer, once, with the layer that added it; whiteouts are not files.
    expect(a.secrets.offered).toEqual([
      ...(layered.layers[0]?.entries ?? []).map((e) => `0:${e.name}`),
      ...(layered.layers[1]?.entries ?? []).filter((e) => !e.name.includes(".wh.")).map((e) => `1:${e.name}`),
    ]);
    expect(a.os.offered).toEqual(["0:etc/os-release", "1:etc/os-release"]);
    expect(image.layers.map((l) => l.info.createdBy)).toEqual(["ADD file:base in /", "RUN apt-get upgrade"]);
    expect(result.partial).toBe(false);
    expect(result.stats).toMatchObject({ layers: 2, files: 14, cachedLayers: 0 });
    expect(result.stats.perAnalyzer.secrets).toMatchObject({ files: 14, errors: 0 });
    expect(result.stats.perAnalyzer.npm?.files).toBe(8);
    expect(result.warnings).toEqual([]);
  });

  it("without an OS, OS packages get their format's distribution without a release", async () => {
    const spec: ImageSpec = { layers: [{ entries: [{ name: "var/lib/dpkg/status", content: "bash 5.2\n" }] }] };
    const built = await buildImage(spec);
    const result = await analyzeImage(await openImage(await ociLayoutDir([built], [spec])), Object.values(analyzers()));
    expect(result.os).toBeUndefined();
    expect(result.packages).toMatchObject([{ name: "bash", ecosystem: "Debian", purl: "pkg:deb/debian/bash@5.2?upstream=bash-src" }]);
  });

  it("turns an analyzer's failure into a warning and goes on", async () => {
    const spec: ImageSpec = { layers: [{ entries: [{ name: "a/package.json", content: "{not json" }, { name: "b/package.json", content: pkg("b", "1.0.0") }] }] };
    const built = await buildImage(spec);
    const a = analyzers();
    const result = await analyzeImage(await openImage(await ociLayoutDir([built], [spec])), [a.npm]);
    expect(result.packages.map((p) => p.name)).toEqual(["b"]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.path).toBe("a/package.json");
    expect(result.warnings[0]?.message).toMatch(/^npm: a\/package.json: .*JSON/);
    expect(result.stats.perAnalyzer.npm).toMatchObject({ files: 2, errors: 1 });
    expect(result.stats.perAnalyzer.npm?.ms).toBeGreaterThanOrEqual(0);
  });

  it("skips wanted files above limits.maxFileSize, naming the analyzers", async () => {
    const spec: ImageSpec = { layers: [{ entries: [{ name: "big/package.json", content: Buffer.alloc(5000, 0x20) }] }] };
    const built = await buildImage(spec);
    const a = analyzers();
    const result = await analyzeImage(await openImage(await ociLayoutDir([built], [spec])), [a.npm, a.secrets], { limits: { maxFileSize: 1000 } });
    expect(a.npm.offered).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "layer 1 (" + built.layers[0]!.diffId.slice(0, 19) + "): big/package.json: not analyzed by npm, secrets: 4.9 KB is more than limits.maxFileSize (1000 bytes)",
    ]);
  });
});

describe("analyzeImage: hostile images", () => {
  it("marks a truncated layer partial and keeps what was read", async () => {
    const good: LayerSpec = { entries: [{ name: "a/package.json", content: pkg("a", "1.0.0") }] };
    const full = await buildImage({ layers: [{ entries: Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, content: randomBytes(2000).toString("hex") })) }] });
    const truncated = full.layers[0]!.blob.subarray(0, Math.floor(full.layers[0]!.blob.length / 2));
    const spec: ImageSpec = { layers: [good, { blob: truncated, diffId: full.layers[0]!.diffId }] };
    const built = await buildImage(spec);
    const a = analyzers();
    const result = await analyzeImage(await openImage(await ociLayoutDir([built], [spec])), [a.npm, a.secrets]);
    expect(result.partial).toBe(true);
    expect(result.packages.map((p) => p.name)).toEqual(["a"]);
    expect(a.secrets.offered.length).toBeGreaterThan(1);
    expect(result.warnings.map((w) => w.message).join("\n")).toMatch(/layer 2 \(sha256:.*\): truncated or corrupt .*: the result is partial/);
  });

  it.each([
    ["appended bytes", (b: Buffer) => Buffer.concat([b, Buffer.from("x")])],
    ["corrupted gzip", (b: Buffer) => Buffer.concat([b.subarray(0, 30), Buffer.alloc(40, 0xff), b.subarray(70)])],
  ])("refuses a layer whose blob does not match its digest (%s), by name", async (_, tamper) => {
    const spec: ImageSpec = { layers: [{ entries: Array.from({ length: 5 }, (_x, i) => ({ name: `f${i}`, content: `file ${i} `.repeat(50) })) }] };
    const built = await buildImage(spec);
    const dir = await ociLayoutDir([built], [spec]);
    const layer = built.layers[0]!;
    writeFileSync(join(dir, "blobs", "sha256", layer.digest.slice(7)), tamper(layer.blob));
    await expect(analyzeImage(await openImage(dir), Object.values(analyzers()))).rejects.toThrow(`layer ${layer.digest}: `);
  });

  it("refuses a legacy docker-archive layer whose content does not match its diff id", async () => {
    const spec: ImageSpec = { layers: [{ entries: [{ name: "f", content: "x" }], compression: "none" }] };
    const built = await buildImage(spec);
    const file = await dockerArchive([built], { form: "legacy", tamper: (n, d) => (n.endsWith("layer.tar") ? Buffer.from(d.toString("latin1").replace("x", "y"), "latin1") : d) });
    await expect(analyzeImage(await openImage(file), Object.values(analyzers()))).rejects.toThrow(`layer ${built.layers[0]!.diffId}: content does not match its digest`);
  });

  it("refuses 10,000 layers quickly", async () => {
    const image: Image = {
      name: "many",
      kind: "registry",
      id: "x",
      repoTags: [],
      config: {},
      layers: Array.from({ length: 10_000 }, (_, index) => ({ info: { index, digest: `sha256:${"0".repeat(64)}` }, open: async () => { throw new Error("opened"); } })),
      close: async () => {},
    };
    const started = Date.now();
    await expect(analyzeImage(image, [])).rejects.toThrow("many: the image has 10000 layers, more than the limit of 1000 (limits.maxLayers)");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("writes nothing: no file of the image appears anywhere under the temporary directory", async () => {
    const marker = `mamori-marker-${randomBytes(6).toString("hex")}.txt`;
    const spec: ImageSpec = { layers: [{ entries: [{ name: `opt/${marker}`, content: "AKIA" }, { name: "../../escape.txt", content: "AKIA" }, { name: "/abs.txt", content: "AKIA" }] }] };
    const built = await buildImage(spec);
    const dir = await ociLayoutDir([built], [spec]);
    const before = readdirSync(dir, { recursive: true }).sort();
    const cwdBefore = readdirSync(process.cwd()).sort();
    const result = await analyzeImage(await openImage(dir), Object.values(analyzers()));
    expect(result.findings.map((f) => f.location.path)).toEqual([`opt/${marker}`, "abs.txt"]);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    expect(readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
    const found: string[] = [];
    const search = (d: string, depth: number): void => {
      if (depth > 6) return;
      let names: Dirent[];
      try {
        names = readdirSync(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const n of names) {
        if (n.name === marker || n.name === "escape.txt" || n.name === "abs.txt") found.push(join(d, n.name));
        if (n.isDirectory()) search(join(d, n.name), depth + 1);
      }
    };
    search(tmpdir(), 0);
    expect(found).toEqual([]);
  });

  it("streams a 200 MB layer nobody wants without holding it in memory", async () => {
    // An uncompressed layer written to disk as it is generated: one 200 MB file of random bytes.
    const spec: ImageSpec = { layers: [{ entries: [{ name: "small.txt", content: "AKIA" }] }] };
    const built = await buildImage(spec);
    const dir = await ociLayoutDir([built], [spec]);
    const size = 200 * 1024 * 1024;
    const header = Buffer.alloc(512);
    header.write("data/random.bin", 0);
    header.write("0000644\0", 100);
    header.write(`${size.toString(8).padStart(11, "0")}\0`, 124);
    header.write("ustar\0" + "00", 257);
    header[156] = 0x30;
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
    const tmpLayer = join(dir, "layer.tmp");
    const fd = openSync(tmpLayer, "w");
    const hash = createHash("sha256");
    const write = (b: Buffer): void => {
      hash.update(b);
      writeSync(fd, b);
    };
    write(header);
    const chunk = Buffer.alloc(4 * 1024 * 1024);
    for (let left = size; left > 0; left -= chunk.length) write(randomFillSync(chunk));
    write(Buffer.alloc(1024));
    closeSync(fd);
    const digest = `sha256:${hash.digest("hex")}`;
    // A second layer whose blob is the file just written: config, manifest and index are rewritten for it.
    renameSync(tmpLayer, join(dir, "blobs", "sha256", digest.slice(7)));
    const config = JSON.parse(built.config.toString()) as { rootfs: { diff_ids: string[] }; history: object[] };
    config.rootfs.diff_ids.push(digest);
    config.history.push({ created_by: "COPY random.bin /data/" });
    const configBytes = Buffer.from(JSON.stringify(config));
    const manifest = JSON.parse(built.manifest.toString()) as { config: { digest: string; size: number }; layers: object[] };
    manifest.config = { ...manifest.config, digest: sha256(configBytes), size: configBytes.length };
    manifest.layers.push({ mediaType: "application/vnd.oci.image.layer.v1.tar", digest, size: size + 512 + 1024 });
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    writeFileSync(join(dir, "blobs", "sha256", sha256(configBytes).slice(7)), configBytes);
    writeFileSync(join(dir, "blobs", "sha256", sha256(manifestBytes).slice(7)), manifestBytes);
    writeFileSync(join(dir, "index.json"), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", digest: sha256(manifestBytes), size: manifestBytes.length }] }));

    const a = analyzers();
    const image = await openImage(dir);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const result = await analyzeImage(image, [a.npm, fake("text-only", (p) => p.endsWith(".txt"), () => undefined)]);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(result.stats.bytes).toBeGreaterThan(size);
    expect(result.partial).toBe(false);
    expect(image.layers[1]?.info.createdBy).toBe("COPY random.bin /data/");
    expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
  });

  it.skipIf(!zstdAvailable)("reads zstd layers", async () => {
    const spec: ImageSpec = { layers: [{ entries: [{ name: "app/package.json", content: pkg("z", "1.0.0") }], compression: "zstd" }] };
    const built = await buildImage(spec);
    const result = await analyzeImage(await openImage(await ociLayoutDir([built], [spec])), Object.values(analyzers()));
    expect(result.packages.map((p) => p.name)).toEqual(["z"]);
  });
});

describe("analyzeImage: layer cache", () => {
  it("replays every layer from the cache: no analyzer runs, no layer opens, same result", async () => {
    // The layered image plus a layer of trouble: an analyzer failure and more bad paths than are listed.
    const spec: ImageSpec = {
      layers: [
        ...layered.layers,
        { entries: [{ name: "bad/package.json", content: "{" }, ...Array.from({ length: 25 }, (_, i) => ({ name: `../escape${i}`, content: "x" }))] },
      ],
    };
    const built = await buildImage(spec);
    const dir = await ociLayoutDir([built], [spec]);
    const cache = memoryCache();
    const first = await analyzeImage(await openImage(dir), Object.values(analyzers()), { cache });
    expect(first.stats.cachedLayers).toBe(0);
    expect(cache.data.size).toBe(3);
    expect(first.warnings.map((w) => w.message)).toContain("5 more warnings: entry path leaves the image root");
    expect(first.warnings.some((w) => w.message.startsWith("npm: bad/package.json: "))).toBe(true);

    const image = await openImage(dir);
    let opened = 0;
    image.layers = image.layers.map((l) => ({ ...l, open: async () => (opened++, l.open()) }));
    const a = analyzers();
    const second = await analyzeImage(image, Object.values(a), { cache });
    expect(opened).toBe(0);
    expect(Object.values(a).flatMap((x) => x.offered)).toEqual([]);
    expect(second.stats).toMatchObject({ layers: 3, files: first.stats.files, bytes: first.stats.bytes, cachedLayers: 3 });
    expect(second.stats.perAnalyzer.npm?.files).toBe(0);
    const strip = (r: AnalysisResult) => JSON.parse(JSON.stringify({ ...r, stats: undefined })) as unknown;
    expect(strip(second)).toEqual(strip(first));

    // A new analyzer version is a miss: the layers are read again.
    const third = await analyzeImage(await openImage(dir), Object.values(analyzers(2)), { cache });
    expect(third.stats.cachedLayers).toBe(0);
  });

  it("does not cache a partial layer", async () => {
    const full = await buildImage({ layers: [{ entries: Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, content: randomBytes(2000).toString("hex") })) }] });
    const truncated = full.layers[0]!.blob.subarray(0, 9000);
    const spec: ImageSpec = { layers: [{ blob: truncated, diffId: full.layers[0]!.diffId }] };
    const built = await buildImage(spec);
    const cache = memoryCache();
    const result = await analyzeImage(await openImage(await ociLayoutDir([built], [spec])), Object.values(analyzers()), { cache });
    expect(result.partial).toBe(true);
    expect(cache.data.size).toBe(0);
  });

  it("reports progress per layer", async () => {
    const built = await buildImage(layered);
    const seen: string[] = [];
    await analyzeImage(await openImage(await ociLayoutDir([built], [layered])), [], { onProgress: (p) => seen.push(`${p.layer}/${p.layers} ${p.files}`) });
    expect(seen).toEqual(["1/2 7", "2/2 14"]);
  });
});

describe("analyzeDirectory", () => {
  function rootfs(files: Record<string, string>): string {
    const root = tempDir("mamori-rootfs-");
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(join(root, p, ".."), { recursive: true });
      writeFileSync(join(root, p), content);
    }
    return root;
  }

  it("analyzes a directory as one final filesystem, confined to its root", async () => {
    const outside = rootfs({ "secret.txt": "AKIA outside" });
    const root = rootfs({
      "etc/os-release": "ID=debian\nVERSION_ID=12\n",
      "var/lib/dpkg/status": "libc6 2.36\n",
      "usr/share/nodejs/lodash/package.json": pkg("lodash", "4.17.21"),
      "home/app/.env": "AKIA inside",
    });
    symlinkSync(join(outside, "secret.txt"), join(root, "link-out.txt"));
    const a = analyzers();
    const result = await analyzeDirectory(root, Object.values(a));
    expect(summary(result)).toEqual({
      os: { family: "debian", version: "12", ecosystem: "Debian:12" },
      packages: ["npm lodash 4.17.21 usr/share/nodejs/lodash/package.json undefined owned by Debian:12/node-lodash", "Debian:12 libc6 2.36 var/lib/dpkg/status undefined"],
      findings: ["home/app/.env: "],
    });
    expect(a.secrets.offered.every((o) => o.startsWith("-:"))).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual(["skipped: symbolic link points outside the scanned directory"]);
    expect(result.stats.files).toBe(4);

    // The same directory named as an image is a root filesystem image.
    const asImage = await analyzeImage(await openImage(root), Object.values(analyzers()));
    expect(summary(asImage)).toEqual(summary(result));
  });

  it("walks a root filesystem image as a layer: links are entries, node_modules is kept", async () => {
    const root = rootfs({
      "usr/bin/tool": "AKIA in a binary",
      "usr/lib/node_modules/npm/package.json": pkg("npm", "10.0.0"),
      "app/node_modules/left-pad/package.json": pkg("left-pad", "1.3.0"),
    });
    symlinkSync("usr/bin", join(root, "bin")); // merged /usr: /bin is a link
    symlinkSync("/etc/passwd", join(root, "passwd-link")); // absolute: inside the image, never the host's
    const a = analyzers();
    const result = await analyzeImage(await openImage(root), Object.values(a));
    expect(a.secrets.offered).toEqual(["-:app/node_modules/left-pad/package.json", "-:usr/bin/tool", "-:usr/lib/node_modules/npm/package.json"]);
    expect(result.packages.map((p) => `${p.name} ${p.path}`)).toEqual(["left-pad app/node_modules/left-pad/package.json", "npm usr/lib/node_modules/npm/package.json"]);
    expect(result.findings.map((f) => f.location.path)).toEqual(["usr/bin/tool"]);
    expect(result.warnings).toEqual([]);
  });

  it("skips wanted files above limits.maxFileSize", async () => {
    const root = rootfs({ "a/package.json": " ".repeat(3000) });
    const result = await analyzeDirectory(root, [analyzers().npm], { limits: { maxFileSize: 100 } });
    expect(result.warnings[0]?.message).toMatch(/a\/package.json: not analyzed by npm: 2.9 KB is more than limits.maxFileSize/);
  });
});
