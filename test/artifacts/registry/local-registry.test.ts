// Pulls the real test image from Debian's docker-registry on 127.0.0.1, pushed there by skopeo.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRegistryImage } from "../../../src/artifacts/image/registry.js";
import type { Image } from "../../../src/artifacts/image/types.js";
import { testImages, TEST_IMAGES_TIMEOUT_MS } from "../../helpers/images.js";
import type { TestImages } from "../../helpers/images.js";
import { missingTools, startDockerRegistry } from "./docker-registry.js";
import type { RunningRegistry } from "./docker-registry.js";

let skip: string | undefined;
let images: TestImages;
let registry: RunningRegistry | undefined;

beforeAll(async () => {
  const missing = missingTools(["docker-registry", "skopeo"]);
  if (missing.length > 0) {
    skip = `${missing.join(", ")} not installed`;
    return;
  }
  const built = await testImages();
  if ("skip" in built) {
    skip = built.skip;
    return;
  }
  images = built;
  registry = await startDockerRegistry();
  const push = spawnSync(
    "skopeo",
    ["copy", "--quiet", "--insecure-policy", "--dest-tls-verify=false", `oci:${images.ociDir}:${images.tag}`, `docker://${registry.host}/mamori/test:1`],
    { encoding: "utf8", timeout: 60_000 },
  );
  if (push.status !== 0) throw new Error(`skopeo copy to ${registry.host} failed: ${push.stderr}`);
}, TEST_IMAGES_TIMEOUT_MS);

afterAll(async () => {
  await registry?.stop();
});

/** The manifest digest skopeo pushed: the OCI layout's own, since the blobs are copied as they are. */
function layoutManifestDigest(): string {
  const index = JSON.parse(readFileSync(join(images.ociDir, "index.json"), "utf8")) as { manifests: { digest: string }[] };
  return index.manifests[0]!.digest;
}

async function readAll(image: Image): Promise<{ bytes: number; digests: string[] }> {
  let bytes = 0;
  const digests: string[] = [];
  for (const layer of image.layers) {
    const hash = createHash("sha256");
    for await (const chunk of await layer.open()) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    digests.push(`sha256:${hash.digest("hex")}`);
  }
  return { bytes, digests };
}

describe("pull from a local docker-registry", () => {
  it("reads config and layers of a tag, verifying every layer digest", async (ctx) => {
    if (skip !== undefined) return ctx.skip(skip);
    const image = await openRegistryImage(`${registry!.host}/mamori/test:1`, { insecure: true });
    try {
      expect(image.kind).toBe("registry");
      expect(image.id).toBe(layoutManifestDigest());
      expect(image.repoTags).toEqual([`${registry!.host}/mamori/test:1`]);
      expect(image.platform).toBe("linux/amd64");
      expect(image.config.config?.Env).toContain("NODE_ENV=production");
      expect(Object.keys(image.config.config?.ExposedPorts ?? {}).sort()).toEqual(["22/tcp", "8080/tcp"]);
      expect(image.layers).toHaveLength(5);
      expect(image.layers.map((l) => l.info.createdBy)).toEqual([
        "mmdebstrap --variant=minbase --include=ca-certificates bookworm",
        "COPY app /app",
        "COPY site-packages /usr/local/lib/python3.11/site-packages",
        "COPY secrets /",
        "RUN rm -rf /app/config/.env /root/.ssh/* /usr/share/doc/ca-certificates",
      ]);
      expect(image.layers.map((l) => l.info.digest)).toEqual(image.config.rootfs?.diff_ids);
      const { bytes, digests } = await readAll(image);
      expect(digests).toEqual(image.layers.map((l) => l.compressedDigest));
      expect(bytes).toBe(image.layers.reduce((s, l) => s + (l.size ?? 0), 0));
    } finally {
      await image.close();
    }
  });

  it("pulls by digest", async (ctx) => {
    if (skip !== undefined) return ctx.skip(skip);
    const digest = layoutManifestDigest();
    const image = await openRegistryImage(`${registry!.host}/mamori/test@${digest}`, { insecure: true });
    try {
      expect(image.id).toBe(digest);
      expect(image.repoTags).toEqual([]);
      expect(image.layers).toHaveLength(5);
    } finally {
      await image.close();
    }
  });

  it.for([
    ["a missing tag", "mamori/test:nope", /^\S+\/mamori\/test:nope: not found in 127\.0\.0\.1:\d+ \(HTTP 404 \(MANIFEST_UNKNOWN/],
    ["a missing repository", "mamori/absent:1", /^\S+\/mamori\/absent:1: not found in 127\.0\.0\.1:\d+ \(HTTP 404/],
    ["a missing digest", `mamori/test@sha256:${"0".repeat(64)}`, /: not found in 127\.0\.0\.1:\d+/],
  ] as const)("refuses %s in one line", async ([, path, message], ctx) => {
    if (skip !== undefined) return ctx.skip(skip);
    const err = await openRegistryImage(`${registry!.host}/${path}`, { insecure: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "InputError", message: expect.stringMatching(message) });
    expect((err as Error).message).not.toContain("\n");
  });

  it("stops at the layer limit before downloading anything", async (ctx) => {
    if (skip !== undefined) return ctx.skip(skip);
    await expect(openRegistryImage(`${registry!.host}/mamori/test:1`, { insecure: true, limits: { maxLayers: 4 } })).rejects.toThrow(
      /: 5 layers, more than the limit of 4$/,
    );
    await expect(openRegistryImage(`${registry!.host}/mamori/test:1`, { insecure: true, limits: { maxImageBytes: 1000 } })).rejects.toThrow(
      /: layers total \d+ bytes compressed, more than the limit of 1000$/,
    );
  });
});
