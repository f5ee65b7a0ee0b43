// The image sources and the driver on the real test image (scripts/test-images, built once by
// test/helpers/images.ts): its OCI layout, OCI tar and docker-archive give the same final files as
// the root filesystem umoci unpacked, and the secrets a later layer deleted are still found.
import { lstatSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeImage } from "../../../src/artifacts/analyze.js";
import { openImage } from "../../../src/artifacts/image/open.js";
import type { Analyzer } from "../../../src/analyzers/types.js";
import { testImages, TEST_IMAGES_TIMEOUT_MS, type TestImages } from "../../helpers/images.js";

let images: TestImages | undefined;
let skip = "";

beforeAll(async () => {
  const built = await testImages();
  if ("skip" in built) skip = built.skip;
  else images = built;
}, TEST_IMAGES_TIMEOUT_MS);

/** Regular files of a directory, and which of them have other names (hard links). */
function regularFiles(root: string): { files: string[]; linked: Set<string> } {
  const files: string[] = [];
  const linked = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = lstatSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) {
        files.push(relative(root, path));
        if (st.nlink > 1) linked.add(relative(root, path));
      }
    }
  };
  walk(root);
  return { files: files.sort(), linked };
}

/** One "package" per file: packages are kept for final files only, so they list the final filesystem. */
const everyFile: Analyzer = {
  name: "every-file",
  version: 1,
  kind: "packages",
  wants: () => true,
  analyze: async (f) => ({ packages: [{ name: f.path, version: "0", ecosystem: "npm", purl: "pkg:npm/x@0" }] }),
};

const awsKeys: Analyzer = {
  name: "aws-keys",
  version: 1,
  kind: "secrets",
  wants: (_p, size) => size < 1024 * 1024,
  analyze: async (f) =>
    (await f.read()).includes("AKIAMAMORI7TESTQ2X4Z") ? { findings: [{ id: f.path, ruleId: "T", kind: "secret", severity: "high", title: "AWS key", location: {} }] } : undefined,
};

describe("the real test image", () => {
  it.each(["ociDir", "ociTar", "dockerArchive", "rootfs"] as const)("%s: the final files are the unpacked root filesystem's", async (form) => {
    if (!images) {
      console.warn(`real-image test skipped: ${skip}`);
      return;
    }
    const { files, linked } = regularFiles(images.rootfs);
    const image = await openImage(images[form]);
    const result = await analyzeImage(image, [everyFile, awsKeys]);
    const got = result.packages.map((p) => p.name).sort();
    expect(result.partial).toBe(false);
    // Every name of a hard-linked file is analyzed: through the layer read again for the tar forms.
    expect(got).toEqual(files);
    expect(linked.size).toBeGreaterThan(0);
    if (form === "rootfs") {
      expect(result.findings).toEqual([]);
      return;
    }
    expect(result.warnings).toEqual([]);
    expect(image.layers.map((l) => l.info.createdBy)).toEqual([
      "mmdebstrap --variant=minbase --include=ca-certificates bookworm",
      "COPY app /app",
      "COPY site-packages /usr/local/lib/python3.11/site-packages",
      "COPY secrets /",
      "RUN rm -rf /app/config/.env /root/.ssh/* /usr/share/doc/ca-certificates",
    ]);
    expect(result.findings.map((f) => `${f.location.path}: ${f.message}`)).toEqual(["app/config/.env: AWS key (deleted in layer 5)"]);
    expect(result.packages.find((p) => p.name === "app/package.json")?.layer).toBe(image.layers[1]?.info.digest);
  });
});
