import { describe, expect, it } from "vitest";
import { npmInstalledDetector } from "../../../src/packages/lang/npm-installed.js";
import { npmLockDetector, parseNpmLock } from "../../../src/packages/lang/npm-lock.js";
import { found, run } from "./helpers.js";

const lockV1 = JSON.stringify({
  name: "web",
  version: "1.0.0",
  lockfileVersion: 1,
  requires: true,
  dependencies: {
    express: {
      version: "4.17.1",
      resolved: "https://registry.npmjs.org/express/-/express-4.17.1.tgz",
      integrity: "sha512-x",
      requires: { debug: "2.6.9" },
      dependencies: {
        debug: { version: "2.6.9", resolved: "https://registry.npmjs.org/debug/-/debug-2.6.9.tgz", requires: { ms: "2.0.0" } },
        ms: { version: "2.0.0" },
      },
    },
    debug: { version: "4.3.4", dev: true, requires: { ms: "2.1.2" } },
    ms: { version: "2.1.2", dev: true },
    "@types/node": { version: "18.11.9", dev: true },
    "string-width-cjs": { version: "npm:string-width@4.2.3" },
    "my-fork": { version: "github:me/my-fork#0a1b2c3d", from: "github:me/my-fork" },
    "local-lib": { version: "file:../local-lib" },
    lodash: { version: "4.17.21", bundled: true },
  },
});

const lockV2 = JSON.stringify({
  name: "web",
  version: "1.0.0",
  lockfileVersion: 2,
  requires: true,
  packages: {
    "": { name: "web", version: "1.0.0", license: "MIT", dependencies: { express: "^4.18.2" }, workspaces: ["packages/*"] },
    "node_modules/express": { version: "4.18.2", resolved: "https://registry.npmjs.org/express/-/express-4.18.2.tgz", license: "MIT" },
    "node_modules/express/node_modules/debug": { version: "2.6.9", license: "MIT" },
    "node_modules/debug": { version: "4.3.4", dev: true, license: "MIT" },
    "node_modules/@babel/core": { version: "7.20.12", dev: true, license: "MIT" },
    "node_modules/@babel/core/node_modules/semver": { version: "6.3.0", dev: true, license: "ISC" },
    "node_modules/string-width-cjs": { name: "string-width", version: "4.2.3", license: "MIT" },
    "node_modules/@web/ui": { resolved: "packages/ui", link: true },
    "packages/ui": { name: "@web/ui", version: "0.1.0" },
    "node_modules/old-style": { version: "1.0.0", license: { type: "BSD-3-Clause" } },
    "node_modules/express/node_modules/ms": { version: "2.0.0" },
    "node_modules/other/node_modules/ms": { version: "2.0.0" },
  },
  // v2 keeps the v1 tree for old npm versions: it must not add or duplicate anything.
  dependencies: {
    express: { version: "4.18.2" },
    "left-pad": { version: "9.9.9" },
  },
});

const lockV3 = JSON.stringify({
  name: "api",
  lockfileVersion: 3,
  requires: true,
  packages: {
    "": { name: "api", version: "2.0.0" },
    "node_modules/undici": { version: "5.28.4", license: "MIT", engines: { node: ">=14.0" } },
    "node_modules/@aws-sdk/client-s3": { version: "3.540.0", license: "Apache-2.0" },
    "node_modules/fsevents": { version: "2.3.3", optional: true, os: ["darwin"], license: "MIT" },
  },
});

describe("npm package-lock.json and npm-shrinkwrap.json", () => {
  it.each([
    [
      "lockfileVersion 1: the nested dependency tree, aliases resolved, non-registry sources left out",
      "app/package-lock.json",
      lockV1,
      ["express@4.17.1", "debug@4.3.4", "ms@2.1.2", "@types/node@18.11.9", "string-width@4.2.3", "lodash@4.17.21", "debug@2.6.9", "ms@2.0.0"],
    ],
    [
      "lockfileVersion 2: the packages map wins; root, workspace members and links left out; duplicates once",
      "app/package-lock.json",
      lockV2,
      ["express@4.18.2", "debug@2.6.9", "debug@4.3.4", "@babel/core@7.20.12", "semver@6.3.0", "string-width@4.2.3", "old-style@1.0.0", "ms@2.0.0"],
    ],
    ["lockfileVersion 3", "srv/api/npm-shrinkwrap.json", lockV3, ["undici@5.28.4", "@aws-sdk/client-s3@3.540.0", "fsevents@2.3.3"]],
    ["a project with no dependencies", "package-lock.json", JSON.stringify({ name: "x", lockfileVersion: 3, packages: { "": { name: "x" } } }), []],
  ])("%s", async (_label, path, text, expected) => {
    expect(await found(npmLockDetector, path, text)).toEqual(expected);
  });

  it("gives each package its purl, path and license", async () => {
    const out = await run(npmLockDetector, "app/package-lock.json", lockV2);
    expect(out.packages?.find((p) => p.name === "@babel/core")).toEqual({
      name: "@babel/core",
      version: "7.20.12",
      ecosystem: "npm",
      purl: "pkg:npm/%40babel/core@7.20.12",
      path: "app/package-lock.json",
      license: "MIT",
    });
    expect(out.packages?.find((p) => p.name === "old-style")?.license).toBe("BSD-3-Clause");
    expect(out.warnings).toBeUndefined();
  });

  it("reads a 50,000-package lock file well under 2 seconds", async () => {
    const packages: Record<string, unknown> = { "": { name: "big", version: "1.0.0" } };
    for (let i = 0; i < 50_000; i++) {
      const key = i % 2 === 0 ? `node_modules/pkg-${i}` : `node_modules/@scope-${i % 97}/pkg-${i}`;
      packages[key] = { version: `1.${i % 50}.${i}`, resolved: `https://registry.npmjs.org/pkg-${i}/-/pkg-${i}-1.0.0.tgz`, integrity: "sha512-abc", license: "MIT" };
    }
    const text = JSON.stringify({ name: "big", lockfileVersion: 3, requires: true, packages });
    // CPU time, not wall time: the suite runs test files in parallel on a shared machine.
    const started = process.cpuUsage();
    const out = await run(npmLockDetector, "package-lock.json", text);
    const used = process.cpuUsage(started);
    expect(out.packages).toHaveLength(50_000);
    expect(out.packages?.[1]).toMatchObject({ name: "@scope-1/pkg-1", version: "1.1.1", purl: "pkg:npm/%40scope-1/pkg-1@1.1.1" });
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });
});

describe("installed npm packages (node_modules/**/package.json)", () => {
  it.each([
    ["node_modules/lodash/package.json", { name: "lodash", version: "4.17.21", license: "MIT" }, "lodash@4.17.21", "MIT"],
    ["usr/lib/node_modules/npm/node_modules/@npmcli/arborist/package.json", { name: "@npmcli/arborist", version: "6.2.0", license: "ISC" }, "@npmcli/arborist@6.2.0", "ISC"],
    ["app/node_modules/old/package.json", { name: "old", version: "0.1.0", license: { type: "MIT", url: "http://x" } }, "old@0.1.0", "MIT"],
    ["app/node_modules/dual/package.json", { name: "dual", version: "1.0.0", licenses: [{ type: "MIT" }, { type: "Apache-2.0" }] }, "dual@1.0.0", "MIT OR Apache-2.0"],
    ["app/node_modules/alias-dir/package.json", { name: "real-name", version: "2.0.0" }, "real-name@2.0.0", undefined],
  ])("%s", async (path, manifest, expected, license) => {
    const out = await run(npmInstalledDetector, path, JSON.stringify(manifest));
    expect(out.packages?.map((p) => `${p.name}@${p.version}`)).toEqual([expected]);
    expect(out.packages?.[0]?.license).toBe(license);
    expect(out.packages?.[0]?.path).toBe(path);
  });

  it("a package.json without a version gives no package and no error", async () => {
    expect(await found(npmInstalledDetector, "node_modules/fixture/package.json", JSON.stringify({ name: "fixture" }))).toEqual([]);
  });
});

describe("npm lock dependency edges", () => {
  it("resolves each package's dependencies as Node would, nested installs first", () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        "": { name: "app", dependencies: { a: "^1" } },
        "node_modules/a": { version: "1.0.0", dependencies: { b: "^2", c: "^1" } },
        "node_modules/a/node_modules/b": { version: "2.0.0" },
        "node_modules/b": { version: "1.5.0" },
        "node_modules/c": { version: "1.1.0", dependencies: { b: "^1" }, optionalDependencies: { missing: "1" } },
      },
    };
    const out = parseNpmLock(JSON.stringify(lock), "package-lock.json");
    const edges = Object.fromEntries((out.packages ?? []).map((p) => [`${p.name}@${p.version}`, p.dependsOn ?? []]));
    expect(edges).toEqual({
      "a@1.0.0": ["pkg:npm/b@2.0.0", "pkg:npm/c@1.1.0"],
      "b@2.0.0": [],
      "b@1.5.0": [],
      "c@1.1.0": ["pkg:npm/b@1.5.0"],
    });
  });
});
