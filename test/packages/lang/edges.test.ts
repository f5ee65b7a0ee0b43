// Dependency edges read from yarn, pnpm, poetry and uv lock files: each package lists the exact
// packages (by purl) its dependencies resolved to, and only packages locked in the same file.
import { describe, expect, it } from "vitest";
import type { Analyzer } from "../../../src/analyzers/types.js";
import { composerLockDetector } from "../../../src/packages/lang/composer.js";
import { gemfileLockDetector } from "../../../src/packages/lang/gemfile-lock.js";
import { nugetDepsDetector } from "../../../src/packages/lang/nuget-deps.js";
import { pnpmLockDetector } from "../../../src/packages/lang/pnpm.js";
import { poetryLockDetector } from "../../../src/packages/lang/poetry.js";
import { uvLockDetector } from "../../../src/packages/lang/uv.js";
import { yarnLockDetector } from "../../../src/packages/lang/yarn.js";
import { dedent, run } from "./helpers.js";

async function edges(analyzer: Analyzer, path: string, text: string): Promise<Record<string, string[]>> {
  const out = await run(analyzer, path, text);
  // Every edge points at a package of the same output, by its exact purl (an SBOM ref).
  const purls = new Set((out.packages ?? []).map((p) => p.purl));
  for (const p of out.packages ?? []) for (const d of p.dependsOn ?? []) expect(purls.has(d), `${p.name} -> ${d}`).toBe(true);
  return Object.fromEntries((out.packages ?? []).map((p) => [`${p.name}@${p.version}`, [...(p.dependsOn ?? [])].sort()]));
}

const yarnV1 = dedent(`
  # yarn lockfile v1

  "@babel/code-frame@^7.0.0":
    version "7.22.13"
    dependencies:
      "@babel/highlight" "^7.22.13"
      chalk "^2.4.2"
    optionalDependencies:
      fsevents "~2.3.2"

  "@babel/highlight@^7.22.13":
    version "7.22.20"

  chalk@^2.0.0, chalk@^2.4.2:
    version "2.4.2"
    dependencies:
      ansi-styles "^3.2.1"
      missing-one "^1.0.0"

  ansi-styles@^3.2.1:
    version "3.2.1"
`);

const yarnBerry = dedent(`
  __metadata:
    version: 6

  "ms@npm:2.1.2":
    version: 2.1.2
    resolution: "ms@npm:2.1.2"

  "debug@npm:^4.3.4":
    version: 4.3.4
    resolution: "debug@npm:4.3.4"
    dependencies:
      ms: "npm:2.1.2"

  "app@workspace:.":
    version: 0.0.0-use.local
    resolution: "app@workspace:."
    dependencies:
      debug: "npm:^4.3.4"
`);

const pnpm6 = dedent(`
  lockfileVersion: '6.0'
  packages:
    /react-dom@18.2.0(react@18.2.0):
      dependencies:
        loose-envify: 1.4.0
        react: 18.2.0
        scheduler: 0.23.0
    /react@18.2.0:
      dependencies:
        loose-envify: 1.4.0
    /loose-envify@1.4.0:
      dependencies:
        js-tokens: 4.0.0
    /js-tokens@4.0.0: {}
    /scheduler@0.23.0:
      dependencies:
        loose-envify: 1.4.0
`);

const pnpm5 = dedent(`
  lockfileVersion: 5.4
  packages:
    /react-dom/18.2.0_react@18.2.0:
      dependencies:
        react: 18.2.0
        sw: /string-width/4.2.3
    /react/18.2.0:
      dev: false
    /string-width/4.2.3:
      dev: false
`);

const pnpm9 = dedent(`
  lockfileVersion: '9.0'
  packages:
    debug@4.3.4:
      resolution: {integrity: sha512-x}
    ms@2.1.2:
      resolution: {integrity: sha512-y}
  snapshots:
    debug@4.3.4(supports-color@8.1.1):
      dependencies:
        ms: 2.1.2
    ms@2.1.2: {}
`);

const poetry = dedent(`
  [[package]]
  name = "requests"
  version = "2.31.0"

  [package.dependencies]
  certifi = ">=2017.4.17"
  charset-normalizer = ">=2,<4"
  PySocks = {version = ">=1.5.6", optional = true}

  [[package]]
  name = "certifi"
  version = "2024.2.2"

  [[package]]
  name = "charset_normalizer"
  version = "3.3.2"

  [metadata]
  lock-version = "2.0"
`);

const uv = dedent(`
  version = 1

  [[package]]
  name = "httpx"
  version = "0.27.0"
  source = { registry = "https://pypi.org/simple" }
  dependencies = [
      { name = "anyio" },
      { name = "sniffio" },
  ]

  [[package]]
  name = "anyio"
  version = "4.4.0"
  source = { registry = "https://pypi.org/simple" }
  dependencies = [{ name = "sniffio" }]

  [[package]]
  name = "sniffio"
  version = "1.3.1"
  source = { registry = "https://pypi.org/simple" }
`);

describe("dependency edges from lock files", () => {
  it("yarn 1: each dependency spec resolves to the entry that lists it; unlocked ones give no edge", async () => {
    expect(await edges(yarnLockDetector, "yarn.lock", yarnV1)).toEqual({
      "@babel/code-frame@7.22.13": ["pkg:npm/%40babel/highlight@7.22.20", "pkg:npm/chalk@2.4.2"],
      "@babel/highlight@7.22.20": [],
      "chalk@2.4.2": ["pkg:npm/ansi-styles@3.2.1"],
      "ansi-styles@3.2.1": [],
    });
  });

  it("yarn berry: ranges with and without their npm: protocol; workspace packages stay out", async () => {
    expect(await edges(yarnLockDetector, "yarn.lock", yarnBerry)).toEqual({
      "ms@2.1.2": [],
      "debug@4.3.4": ["pkg:npm/ms@2.1.2"],
    });
  });

  it("pnpm 6: peer suffixes are dropped on both sides", async () => {
    expect(await edges(pnpmLockDetector, "pnpm-lock.yaml", pnpm6)).toEqual({
      "react-dom@18.2.0": ["pkg:npm/loose-envify@1.4.0", "pkg:npm/react@18.2.0", "pkg:npm/scheduler@0.23.0"],
      "react@18.2.0": ["pkg:npm/loose-envify@1.4.0"],
      "loose-envify@1.4.0": ["pkg:npm/js-tokens@4.0.0"],
      "js-tokens@4.0.0": [],
      "scheduler@0.23.0": ["pkg:npm/loose-envify@1.4.0"],
    });
  });

  it("pnpm 5: underscore peer suffixes and path-form aliases", async () => {
    expect(await edges(pnpmLockDetector, "pnpm-lock.yaml", pnpm5)).toEqual({
      "react-dom@18.2.0": ["pkg:npm/react@18.2.0", "pkg:npm/string-width@4.2.3"],
      "react@18.2.0": [],
      "string-width@4.2.3": [],
    });
  });

  it("pnpm 9: edges come from snapshots", async () => {
    expect(await edges(pnpmLockDetector, "pnpm-lock.yaml", pnpm9)).toEqual({ "debug@4.3.4": ["pkg:npm/ms@2.1.2"], "ms@2.1.2": [] });
  });

  it("poetry: dependency names resolve by their PEP 503 form; an extra not locked gives no edge", async () => {
    expect(await edges(poetryLockDetector, "poetry.lock", poetry)).toEqual({
      "requests@2.31.0": ["pkg:pypi/certifi@2024.2.2", "pkg:pypi/charset-normalizer@3.3.2"],
      "certifi@2024.2.2": [],
      "charset_normalizer@3.3.2": [],
    });
  });

  it("uv: dependency tables name the locked distribution", async () => {
    expect(await edges(uvLockDetector, "uv.lock", uv)).toEqual({
      "httpx@0.27.0": ["pkg:pypi/anyio@4.4.0", "pkg:pypi/sniffio@1.3.1"],
      "anyio@4.4.0": ["pkg:pypi/sniffio@1.3.1"],
      "sniffio@1.3.1": [],
    });
  });

  it("composer: require names resolve case-insensitively; platform requirements give no edge", async () => {
    const lock = JSON.stringify({
      packages: [
        { name: "monolog/monolog", version: "3.5.0", require: { php: ">=8.1", "Psr/Log": "^2.0 || ^3.0" } },
        { name: "psr/log", version: "3.0.0", require: { php: ">=8.0" } },
      ],
    });
    expect(await edges(composerLockDetector, "composer.lock", lock)).toEqual({
      "monolog/monolog@3.5.0": ["pkg:composer/psr/log@3.0.0"],
      "psr/log@3.0.0": [],
    });
  });

  it("Gemfile.lock: six-space lines under a spec are its dependencies", async () => {
    const lock = dedent(`
      GEM
        remote: https://rubygems.org/
        specs:
          actionpack (7.1.3)
            rack (>= 2.2.4)
            rack-test (>= 0.6.3)
          rack (3.0.9)
          nokogiri (1.16.2-x86_64-linux)
            racc (~> 1.4)
          racc (1.7.3)

      PLATFORMS
        x86_64-linux
    `);
    expect(await edges(gemfileLockDetector, "Gemfile.lock", lock)).toEqual({
      "actionpack@7.1.3": ["pkg:gem/rack@3.0.9"],
      "rack@3.0.9": [],
      "nokogiri@1.16.2": ["pkg:gem/racc@1.7.3"],
      "racc@1.7.3": [],
    });
  });

  it("deps.json: each target lists its library's dependencies by name and version", async () => {
    const deps = JSON.stringify({
      targets: {
        ".NETCoreApp,Version=v8.0": {
          "App/1.0.0": { dependencies: { "Newtonsoft.Json": "13.0.3" } },
          "Newtonsoft.Json/13.0.3": {},
          "Serilog/3.1.1": { dependencies: { "newtonsoft.json": "13.0.3", "Missing.Pkg": "1.0.0" } },
        },
      },
      libraries: { "App/1.0.0": { type: "project" }, "Newtonsoft.Json/13.0.3": { type: "package" }, "Serilog/3.1.1": { type: "package" } },
    });
    expect(await edges(nugetDepsDetector, "app.deps.json", deps)).toEqual({
      "Newtonsoft.Json@13.0.3": [],
      "Serilog@3.1.1": ["pkg:nuget/Newtonsoft.Json@13.0.3"],
    });
  });
});
