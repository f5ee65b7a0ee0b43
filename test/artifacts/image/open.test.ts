import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { openImage } from "../../../src/artifacts/image/open.js";
import { instructionOf } from "../../../src/artifacts/image/history.js";
import { InputError } from "../../../src/core/errors.js";
import { buildImage, cleanup, dockerArchive, ociLayoutDir, sha256, tarDirectory, tempDir, type ImageSpec } from "./fixtures.js";

afterEach(cleanup);

async function drain(s: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const twoLayers: ImageSpec = {
  layers: [
    { entries: [{ name: "etc/os-release", content: "ID=debian\n" }], compression: "none", createdBy: "/bin/sh -c #(nop) ADD file:abc in / " },
    { entries: [{ name: "app/main.js", content: "x" }], compression: "none", createdBy: "RUN /bin/sh -c npm ci # buildkit" },
  ],
  emptyHistory: ["/bin/sh -c #(nop)  CMD [\"bash\"]"],
};

describe("openImage: docker-archive", () => {
  it.each(["legacy", "blobs"] as const)("reads the %s form: config, tags, layers with diff ids and history", async (form) => {
    const built = await buildImage(twoLayers);
    const file = await dockerArchive([built], { form, repoTags: [["example.com/app:1.0"]] });
    const image = await openImage(file);
    expect(image.kind).toBe("docker-archive");
    expect(image.id).toBe(built.configDigest);
    expect(image.repoTags).toEqual(["example.com/app:1.0"]);
    expect(image.platform).toBe("linux/amd64");
    expect(image.config.config?.Env).toEqual(["PATH=/usr/bin"]);
    expect(image.layers.map((l) => l.info)).toEqual([
      { index: 0, digest: built.layers[0]?.diffId, createdBy: "ADD file:abc in /" },
      { index: 1, digest: built.layers[1]?.diffId, createdBy: "RUN npm ci" },
    ]);
    expect(image.layers[0]?.compressedDigest).toBe(form === "blobs" ? built.layers[0]?.digest : undefined);
    expect((await drain(await image.layers[1]!.open())).equals(built.layers[1]!.blob)).toBe(true);
    await image.close();
  });

  it("reads an archive unpacked to a directory", async () => {
    const built = await buildImage(twoLayers);
    const file = await dockerArchive([built], { form: "legacy" });
    const dir = tempDir();
    expect(spawnSync("tar", ["-xf", file, "-C", dir]).status).toBe(0);
    const image = await openImage(dir);
    expect(image).toMatchObject({ kind: "docker-archive", id: built.configDigest });
    expect((await drain(await image.layers[0]!.open())).equals(built.layers[0]!.blob)).toBe(true);
  });

  it("chooses among several images by tag and lists them otherwise", async () => {
    const a = await buildImage(twoLayers);
    const b = await buildImage({ layers: [{ entries: [{ name: "b", content: "b" }], compression: "none" }] });
    const file = await dockerArchive([a, b], { form: "blobs", repoTags: [["example.com/a:1"], ["example.com/b:2"]] });
    expect((await openImage(`${file}:2`)).id).toBe(b.configDigest);
    expect((await openImage(`${file}:example.com/a:1`)).id).toBe(a.configDigest);
    await expect(openImage(file)).rejects.toThrow(/holds 2 images \(example.com\/a:1, example.com\/b:2\)/);
    await expect(openImage(`${file}:3`)).rejects.toThrow(/no image tagged 3/);
  });

  it("refuses a layer that is missing, by name", async () => {
    const built = await buildImage(twoLayers);
    const missing = `blobs/sha256/${built.layers[1]!.digest.slice(7)}`;
    const file = await dockerArchive([built], { form: "blobs", omit: [missing] });
    await expect(openImage(file)).rejects.toThrow(new RegExp(`layer ${built.layers[1]!.digest} is missing`));
  });

  it("refuses a config that does not match its digest, by name", async () => {
    const built = await buildImage(twoLayers);
    const file = await dockerArchive([built], { form: "legacy", tamper: (name, data) => (name.endsWith(".json") && name !== "manifest.json" ? Buffer.from(data.toString().replace("PATH", "HTAP")) : data) });
    await expect(openImage(file)).rejects.toThrow(`config ${built.configDigest}: content does not match its digest`);
  });

  it("verifies a layer blob against its digest while streaming", async () => {
    const built = await buildImage(twoLayers);
    const name = `blobs/sha256/${built.layers[0]!.digest.slice(7)}`;
    const file = await dockerArchive([built], { form: "blobs", tamper: (n, data) => (n === name ? Buffer.from(data.toString("latin1").replace("ID=debian", "ID=evilos"), "latin1") : data) });
    const image = await openImage(file);
    await expect(drain(await image.layers[0]!.open())).rejects.toThrow(`layer ${built.layers[0]!.digest}: content does not match its digest`);
  });

  it("refuses 10,000 layers quickly with the limit named", async () => {
    // The same small blob 10,000 times: the archive stays small, the manifest is what is hostile.
    const one = await buildImage({ layers: [{ entries: [{ name: "x", content: "x" }], compression: "none" }] });
    const layer = one.layers[0]!;
    const many = { ...one, layers: Array.from({ length: 10_000 }, () => layer) };
    many.config = Buffer.from(JSON.stringify({ os: "linux", architecture: "amd64", rootfs: { type: "layers", diff_ids: many.layers.map((l) => l.diffId) } }));
    many.configDigest = sha256(many.config);
    const file = await dockerArchive([many], { form: "blobs" });
    const started = Date.now();
    await expect(openImage(file)).rejects.toThrow(/10000 layers, more than the limit of 1000 \(limits.maxLayers\)/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("openImage: OCI layout", () => {
  const platforms: ImageSpec[] = [
    { layers: [{ entries: [{ name: "arch", content: "amd64" }] }], platform: { os: "linux", architecture: "amd64" } },
    { layers: [{ entries: [{ name: "arch", content: "arm64" }] }], platform: { os: "linux", architecture: "arm64", variant: "v8" } },
    { layers: [{ entries: [{ name: "arch", content: "arm" }] }], platform: { os: "linux", architecture: "arm", variant: "v7" } },
  ];

  it.each([
    { nested: false, tar: false },
    { nested: true, tar: false },
    { nested: true, tar: true },
  ])("picks the platform of a multi-platform index (nested %o)", async ({ nested, tar }) => {
    const built = await Promise.all(platforms.map(buildImage));
    let ref = await ociLayoutDir(built, platforms, { nested });
    if (tar) ref = await tarDirectory(ref, join(tempDir(), "layout.tar"));
    const cases: [string | undefined, number][] = [
      [undefined, 0],
      ["linux/arm64", 1],
      ["linux/arm64/v8", 1],
      ["linux/aarch64", 1],
      ["linux/arm/v7", 2],
    ];
    for (const [platform, want] of cases) {
      const image = await openImage(ref, platform ? { platform } : {});
      expect(image.kind).toBe("oci-layout");
      expect(image.id, platform).toBe(built[want]!.manifestDigest);
      expect(image.layers[0]?.compressedDigest).toBe(built[want]!.layers[0]!.digest);
      expect(image.layers[0]?.mediaType).toBe("application/vnd.oci.image.layer.v1.tar+gzip");
      if (nested) expect(image.repoTags).toEqual(["example.com/app:1.0"]);
    }
    await expect(openImage(ref, { platform: "linux/s390x" })).rejects.toThrow(/no image for platform linux\/s390x; it has linux\/amd64, linux\/arm64\/v8, linux\/arm\/v7/);
    await expect(openImage(ref, { platform: "linux" })).rejects.toThrow(/expected os\/arch\[\/variant\]/);
  });

  it("without linux/amd64 and without --platform, lists the platforms", async () => {
    const specs = platforms.slice(1);
    const built = await Promise.all(specs.map(buildImage));
    const dir = await ociLayoutDir(built, specs);
    await expect(openImage(dir)).rejects.toThrow(/several platforms \(linux\/arm64\/v8, linux\/arm\/v7\); choose one with --platform/);
    const single = await ociLayoutDir([built[0]!], [specs[0]!]);
    expect((await openImage(single)).platform).toBe("linux/arm64/v8");
  });

  it("refuses a manifest that points at a missing blob, naming it", async () => {
    const built = await buildImage(platforms[0]!);
    const dir = await ociLayoutDir([built], [platforms[0]!], { omit: [built.configDigest] });
    await expect(openImage(dir)).rejects.toThrow(new RegExp(`config ${built.configDigest} is missing`));
    const noLayer = await ociLayoutDir([built], [platforms[0]!], { omit: [built.layers[0]!.digest] });
    await expect(openImage(noLayer)).rejects.toThrow(new RegExp(`layer ${built.layers[0]!.digest} is missing`));
  });

  it("refuses a manifest that does not match its digest", async () => {
    const built = await buildImage(platforms[0]!);
    const dir = await ociLayoutDir([built], [platforms[0]!]);
    const path = join(dir, "blobs", "sha256", built.manifestDigest.slice(7));
    writeFileSync(path, readFileSync(path, "utf8").replace("schemaVersion", "schemaversion"));
    await expect(openImage(dir)).rejects.toThrow(`manifest ${built.manifestDigest}: content does not match its digest`);
  });

  it("refuses manifest paths that leave the layout", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "oci-layout"), "{}");
    writeFileSync(join(dir, "index.json"), JSON.stringify({ manifests: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", digest: "sha256:../../../etc/passwd" }] }));
    await expect(openImage(dir)).rejects.toThrow(/not a sha256 or sha512 digest/);
  });

  it("chooses by tag among several images of one layout", async () => {
    const specs: ImageSpec[] = [
      { layers: [{ entries: [{ name: "v", content: "1" }] }], tag: "v1" },
      { layers: [{ entries: [{ name: "v", content: "2" }] }], tag: "v2" },
    ];
    const built = await Promise.all(specs.map(buildImage));
    const dir = await ociLayoutDir(built, specs);
    expect((await openImage(`${dir}:v2`)).id).toBe(built[1]!.manifestDigest);
    await expect(openImage(dir)).rejects.toThrow(/holds several images \(v1, v2\)/);
  });
});

describe("openImage: what the reference names", () => {
  it("a directory without a layout is a root filesystem", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "etc"));
    const image = await openImage(dir);
    expect(image).toMatchObject({ kind: "rootfs", layers: [], repoTags: [] });
    expect(image.root).toBeTruthy();
  });

  it("refuses compressed archives with a hint, non-tars and missing paths", async () => {
    const dir = tempDir();
    const gz = join(dir, "image.tar.gz");
    writeFileSync(gz, gzipSync(Buffer.from("x")));
    const err = await openImage(gz).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/gzip-compressed/);
    expect((err as InputError).hint).toMatch(/gunzip/);
    const notTar = join(dir, "notes.txt");
    writeFileSync(notTar, "hello ".repeat(200));
    await expect(openImage(notTar)).rejects.toThrow(/not a tar archive/);
    await expect(openImage(join(dir, "missing.tar"))).rejects.toThrow(/no such file or directory/);
    rmSync(dir, { recursive: true });
  });

  it("history lines read as Dockerfile instructions", () => {
    expect(instructionOf("/bin/sh -c #(nop)  ENV A=b")).toBe("ENV A=b");
    expect(instructionOf("/bin/sh -c apt-get update")).toBe("RUN apt-get update");
    expect(instructionOf("COPY . /app # buildkit")).toBe("COPY . /app");
  });
});
