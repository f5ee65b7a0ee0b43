// Pulls from the fake registry: manifests, indexes and platforms, blobs behind redirects, digests
// checked while streaming, and the bounds checked before downloading.
import { createGunzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { extract } from "tar-stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openRegistryImage } from "../../../src/artifacts/image/registry.js";
import type { ImageLayer } from "../../../src/artifacts/image/types.js";
import { buildImage, configDigestOf, FakeRegistry, OCI_INDEX, OCI_MANIFEST, sha256 } from "./fake-registry.js";
import type { BuiltImage } from "./fake-registry.js";

async function filesOf(layer: ImageLayer): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const x = extract();
  x.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: unknown) => {
      chunks.push(c as Buffer);
    });
    stream.on("end", () => {
      out[header.name] = Buffer.concat(chunks).toString("utf8");
      next();
    });
  });
  await pipeline(await layer.open(), createGunzip(), x);
  return out;
}

async function drain(layer: ImageLayer): Promise<number> {
  let n = 0;
  for await (const c of await layer.open()) n += (c as Buffer).length;
  return n;
}

const app: Record<string, string>[] = [{ "etc/os-release": "ID=debian\n" }, { "app/package.json": '{"name":"app","version":"1.0.0"}' }];
let image: BuiltImage;
let reg: FakeRegistry;
let storage: FakeRegistry;
let redirecting: FakeRegistry;

beforeAll(async () => {
  image = await buildImage(app);
  reg = await new FakeRegistry().start();
  reg.add("team/app", "1.0", image);
  storage = await new FakeRegistry().start();
  for (const [d, b] of image.blobs) storage.blobs.set(d, b);
  redirecting = await new FakeRegistry({ auth: "bearer", redirectBlobsTo: storage }).start();
  redirecting.add("team/app", "1.0", image);
});

afterAll(async () => {
  await Promise.all([reg.stop(), storage.stop(), redirecting.stop()]);
});

afterEach(() => {
  reg.seen.length = 0;
  storage.seen.length = 0;
});

describe("openRegistryImage against a registry", () => {
  it("reads manifest, config and layers of a tag, asking for every current manifest format", async () => {
    const img = await openRegistryImage(`${reg.host}/team/app:1.0`, { insecure: true });
    try {
      expect(img).toMatchObject({ kind: "registry", id: image.manifestDigest, repoTags: [`${reg.host}/team/app:1.0`], platform: "linux/amd64" });
      expect(img.config).toEqual(image.config);
      expect(img.layers.map((l) => [l.info.index, l.compressedDigest, l.info.createdBy])).toEqual([
        [0, image.layerDigests[0], "COPY layer0 /"],
        [1, image.layerDigests[1], "COPY layer1 /"],
      ]);
      expect(await filesOf(img.layers[1]!)).toEqual(app[1]);
      const accept = reg.seen.find((s) => s.path.includes("/manifests/"))?.accept ?? "";
      for (const t of ["oci.image.index.v1", "oci.image.manifest.v1", "manifest.list.v2", "distribution.manifest.v2"]) expect(accept).toContain(t);
      expect(reg.seen.map((s) => s.path)).toEqual([
        "/v2/team/app/manifests/1.0",
        `/v2/team/app/blobs/${configDigestOf(image)}`,
        `/v2/team/app/blobs/${image.layerDigests[1]}`,
      ]);
    } finally {
      await img.close();
    }
  });

  it("follows blob redirects to storage without sending the registry token there", async () => {
    const img = await openRegistryImage(`${redirecting.host}/team/app:1.0`, { insecure: true });
    try {
      expect(await filesOf(img.layers[0]!)).toEqual(app[0]);
      const stored = storage.seen.filter((s) => s.path.startsWith("/storage/"));
      expect(stored.map((s) => s.path)).toEqual([`/storage/${configDigestOf(image)}`, `/storage/${image.layerDigests[0]}`]);
      expect(stored.every((s) => s.authorization === undefined)).toBe(true);
    } finally {
      await img.close();
    }
  });

  it("refuses a layer whose bytes do not match its digest, while streaming", async () => {
    const bad = await buildImage([{ "a.txt": "original" }]);
    const served = new FakeRegistry();
    await served.start();
    try {
      served.add("x/y", "1", bad);
      const digest = bad.layerDigests[0]!;
      const body = Buffer.from(bad.blobs.get(digest)!.body);
      body.writeUInt8(body.readUInt8(body.length - 5) ^ 0xff, body.length - 5); // same size, other bytes
      served.blobs.set(digest, { body, mediaType: "x" });
      const img = await openRegistryImage(`${served.host}/x/y:1`, { insecure: true });
      await expect(drain(img.layers[0]!)).rejects.toThrow(`layer ${digest}: content does not match its digest`);
      served.blobs.set(digest, { body: Buffer.concat([bad.blobs.get(digest)!.body, Buffer.from("extra")]), mediaType: "x" });
      await expect(drain(img.layers[0]!)).rejects.toThrow(`layer ${digest}: larger than its declared size`);
      served.blobs.delete(digest);
      await expect(img.layers[0]!.open()).rejects.toThrow(`layer ${digest}: missing from the registry (HTTP 404 (BLOB_UNKNOWN: blob unknown to registry))`);
      await img.close();
    } finally {
      await served.stop();
    }
  });

  it("refuses a manifest that does not hash to the pinned digest, and a config that does not match", async () => {
    const other = await buildImage([{ "b.txt": "b" }]);
    const served = await new FakeRegistry().start();
    try {
      served.manifests.set(`x/y:${image.manifestDigest}`, { body: other.manifest, mediaType: "application/vnd.oci.image.manifest.v1+json" });
      await expect(openRegistryImage(`${served.host}/x/y@${image.manifestDigest}`, { insecure: true })).rejects.toThrow(
        `x/y@${image.manifestDigest}: the manifest served for ${image.manifestDigest} hashes to ${other.manifestDigest}`,
      );
      served.add("x/z", "1", other);
      const configDigest = configDigestOf(other);
      served.blobs.set(configDigest, { body: Buffer.from('{"os":"linux","architecture":"amd64"}'), mediaType: "x" });
      await expect(openRegistryImage(`${served.host}/x/z:1`, { insecure: true })).rejects.toThrow(`config ${configDigest}: content does not match its digest`);
    } finally {
      await served.stop();
    }
  });

  it.each([
    ["a non-string os", { os: 5, architecture: "amd64", rootfs: { diff_ids: [] } }, /config sha256:\w+: "os" is not a string$/],
    ["diff ids that are not digests", { os: "linux", rootfs: { diff_ids: ["x"] } }, /config sha256:\w+: rootfs\.diff_ids is not a list of digests$/],
    ["no diff ids", { os: "linux" }, /rootfs\.diff_ids is not a list of digests$/],
    ["fewer diff ids than layers", { os: "linux", rootfs: { diff_ids: [] } }, /: the config lists 0 layer diff ids for 1 layers$/],
  ])("refuses a config with %s", async (_label, config, message) => {
    const served = await new FakeRegistry().start();
    try {
      const img = await buildImage([{ c: "c" }]);
      const body = Buffer.from(JSON.stringify(config));
      const manifest = JSON.parse(img.manifest.toString("utf8")) as { config: { digest: string; size: number } };
      manifest.config = { ...manifest.config, digest: sha256(body), size: body.length };
      served.blobs.set(sha256(body), { body, mediaType: "x" });
      served.addManifest("x/c", "1", Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST);
      await expect(openRegistryImage(`${served.host}/x/c:1`, { insecure: true })).rejects.toThrow(message);
    } finally {
      await served.stop();
    }
  });
});

describe("multi-platform indexes", () => {
  let multi: FakeRegistry;
  const variants = [
    { os: "linux", architecture: "arm64", variant: "v8" },
    { os: "linux", architecture: "amd64" },
    { os: "unknown", architecture: "unknown" },
  ];

  function indexOf(images: BuiltImage[], platforms: typeof variants): Buffer {
    return Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: images.map((img, i) => ({ mediaType: "application/vnd.oci.image.manifest.v1+json", digest: img.manifestDigest, size: img.manifest.length, platform: platforms[i] })),
      }),
    );
  }

  beforeAll(async () => {
    multi = await new FakeRegistry().start();
    const imgs = await Promise.all(variants.map((p) => buildImage([{ [`arch-${p.architecture}`]: p.architecture }], p)));
    for (const img of imgs) multi.add("m/img", img.manifestDigest, img);
    multi.addManifest("m/img", "all", indexOf(imgs, variants), OCI_INDEX);
    multi.addManifest("m/img", "arm", indexOf([imgs[0]!, imgs[2]!], [variants[0]!, variants[2]!]), OCI_INDEX);
    multi.addManifest("m/img", "none", indexOf([imgs[0]!, imgs[1]!].map((i) => i), [{ os: "windows", architecture: "amd64" }, { os: "linux", architecture: "s390x" }] as typeof variants), OCI_INDEX);
  });
  afterAll(() => multi.stop());

  it.each([
    ["linux/amd64 by default", "all", undefined, "linux/amd64"],
    ["the asked platform", "all", "linux/arm64", "linux/arm64/v8"],
    ["an alias of it", "all", "linux/aarch64", "linux/arm64/v8"],
    ["the only image, attestations aside", "arm", undefined, "linux/arm64/v8"],
  ])("picks %s", async (_label, tag, platform, expected) => {
    const img = await openRegistryImage(`${multi.host}/m/img:${tag}`, { insecure: true, ...(platform ? { platform } : {}) });
    try {
      expect(img.platform).toBe(expected);
      expect(img.config.config?.Env).toContain(`MADE_FOR=${expected.split("/")[1]}`);
    } finally {
      await img.close();
    }
  });

  it.each([
    ["several platforms without amd64", "none", undefined, /m\/img:none: several platforms \(windows\/amd64, linux\/s390x\); choose one with --platform$/],
    ["a platform the index lacks", "all", "linux/riscv64", /m\/img:all: no image for platform linux\/riscv64; it has linux\/arm64\/v8, linux\/amd64$/],
    ["a malformed --platform", "all", "linux", /^--platform "linux": expected os\/arch\[\/variant\]/],
  ])("refuses %s", async (_label, tag, platform, message) => {
    await expect(openRegistryImage(`${multi.host}/m/img:${tag}`, { insecure: true, ...(platform ? { platform } : {}) })).rejects.toThrow(message);
  });
});

describe("manifests Mamori does not read, and bounds", () => {
  let served: FakeRegistry;
  const innerIndex = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] }));
  beforeAll(async () => {
    served = await new FakeRegistry().start();
    served.addManifest("q/r", "inner", innerIndex, OCI_INDEX);
  });
  afterAll(() => served.stop());

  it.each([
    ["schema 1", { schemaVersion: 1, name: "x", tag: "1", fsLayers: [] }, "application/vnd.docker.distribution.manifest.v1+prettyjws", /uses Docker's schema 1 manifest format, retired in 2019/],
    ["a nested index", { schemaVersion: 2, manifests: [{ digest: sha256(innerIndex), size: innerIndex.length, platform: { os: "linux", architecture: "amd64" } }] }, OCI_INDEX, /points at another index \(sha256:\w+\); nested indexes are not followed$/],
    ["not an image", { schemaVersion: 2, mediaType: "application/vnd.example+json" }, "application/json", /neither an image manifest nor an index/],
    ["a bad layer digest", { schemaVersion: 2, config: { digest: `sha256:${"a".repeat(64)}`, size: 2 }, layers: [{ digest: "md5:abc", size: 1 }] }, "application/json", /layers\[0\]: bad digest "md5:abc"/],
    ["a negative size", { schemaVersion: 2, config: { digest: `sha256:${"a".repeat(64)}`, size: -2 }, layers: [] }, "application/json", /config: bad size -2/],
  ])("refuses %s", async (_label, manifest, mediaType, message) => {
    served.addManifest("q/r", "1", Buffer.from(JSON.stringify(manifest)), mediaType);
    await expect(openRegistryImage(`${served.host}/q/r:1`, { insecure: true })).rejects.toThrow(message);
  });

  it("bounds the manifest size while reading it", async () => {
    served.addManifest("q/big", "1", Buffer.alloc(70_000, 0x20), "application/json");
    await expect(openRegistryImage(`${served.host}/q/big:1`, { insecure: true, limits: { maxMetadataSize: 65_536 } })).rejects.toThrow(
      /q\/big:1: manifest: larger than 65536 bytes$/,
    );
  });

  it("checks layer count, layer size and total size before any blob is fetched", async () => {
    const img = await buildImage([{ a: "a" }, { b: "b" }, { c: "c" }]);
    served.add("q/s", "1", img);
    const biggest = Math.max(...img.layerDigests.map((d) => img.blobs.get(d)!.body.length));
    for (const [limits, message] of [
      [{ maxLayers: 2 }, /: 3 layers, more than the limit of 2$/],
      [{ maxImageBytes: biggest * 2 }, /: layers total \d+ bytes compressed, more than the limit of \d+$/],
      [{ maxLayerBytes: biggest - 1 }, /: layer sha256:\w+ is \d+ bytes, more than the limit of \d+$/],
    ] as const) {
      served.seen.length = 0;
      await expect(openRegistryImage(`${served.host}/q/s:1`, { insecure: true, limits })).rejects.toThrow(message);
      expect(served.seen.map((s) => s.path)).toEqual(["/v2/q/s/manifests/1"]);
    }
  });
});
