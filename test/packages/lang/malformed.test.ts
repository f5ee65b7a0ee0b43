import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Analyzer } from "../../../src/analyzers/types.js";
import { InputError } from "../../../src/core/errors.js";
import { MAX_LOCKFILE_BYTES, MAX_PACKAGES_PER_FILE, PackageList } from "../../../src/packages/lang/common.js";
import { langAnalyzers } from "../../../src/packages/lang/index.js";
import { dedent, fileEntry, run } from "./helpers.js";

function analyzer(name: string): Analyzer {
  const a = langAnalyzers.find((x) => x.name === name);
  if (!a) throw new Error(`no analyzer ${name}`);
  return a;
}

/** A path each detector wants, to feed it arbitrary content. */
const PATHS: Record<string, string> = {
  "npm-lock": "app/package-lock.json",
  "npm-installed": "app/node_modules/x/package.json",
  "yarn-lock": "app/yarn.lock",
  "pnpm-lock": "app/pnpm-lock.yaml",
  "python-installed": "lib/site-packages/x-1.0.dist-info/METADATA",
  "pip-requirements": "app/requirements.txt",
  "poetry-lock": "app/poetry.lock",
  "pipfile-lock": "app/Pipfile.lock",
  "uv-lock": "app/uv.lock",
  "go-mod": "app/go.mod",
  gemspec: "gems/specifications/x.gemspec",
  "gemfile-lock": "app/Gemfile.lock",
  "cargo-lock": "app/Cargo.lock",
  "composer-lock": "app/composer.lock",
  "nuget-deps": "app/App.deps.json",
  "nuget-lock": "app/packages.lock.json",
};

const billionLaughs = dedent(`
  lockfileVersion: '9.0'
  a: &a ["x","x","x","x","x","x","x","x","x"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  packages: [*f,*f,*f,*f,*f,*f,*f,*f,*f]
`);

const MALFORMED: [string, string, string | RegExp][] = [
  ["npm-lock", '{"lockfileVersion": 3, "packages": {', /^app\/package-lock\.json: not valid JSON at line 1, column \d+/],
  ["npm-lock", "[1, 2]", "app/package-lock.json: not an npm lock file (expected an object at the top level)"],
  ["npm-lock", '{"name": "x"}', "app/package-lock.json: not an npm lock file (no lockfileVersion, packages or dependencies)"],
  ["npm-lock", '{"lockfileVersion": 1, "dependencies": "oops"}', 'app/package-lock.json: "dependencies" is not an object'],
  ["npm-installed", "{ name: lodash }", /^app\/node_modules\/x\/package\.json: not valid JSON/],
  ["yarn-lock", "# yarn lockfile v1\n\nlodash@^4.17.21\n  version \"4.17.21\"\n", 'app/yarn.lock:3: not a yarn lock file entry: "lodash@^4.17.21"'],
  ["yarn-lock", '  version "1.0.0"\n', 'app/yarn.lock:1: indented line before the first entry: "  version \\"1.0.0\\""'],
  ["yarn-lock", '"lodash@^4:\n  version "4.17.21"\n', "app/yarn.lock:1: unterminated quote in entry key"],
  ["yarn-lock", "__metadata:\n  version: 8\n\"a@npm:1\": [unclosed\n", /^app\/yarn\.lock: not valid YAML: /],
  ["yarn-lock", '__metadata:\n  version: 8\n"a@npm:1": just a string\n', 'app/yarn.lock: entry "a@npm:1" is not a mapping'],
  ["pnpm-lock", "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {resolution: {integrity: x}\n", /^app\/pnpm-lock\.yaml: not valid YAML: /],
  ["pnpm-lock", "importers: {}\n", "app/pnpm-lock.yaml: not a pnpm lock file (no lockfileVersion)"],
  ["pnpm-lock", "lockfileVersion: '9.0'\npackages: [a, b]\n", 'app/pnpm-lock.yaml: "packages" is not a mapping'],
  ["pnpm-lock", billionLaughs, /^app\/pnpm-lock\.yaml: not valid YAML: .*alias/i],
  ["python-installed", "<html>not metadata</html>\n", "lib/site-packages/x-1.0.dist-info/METADATA: not Python package metadata (no Name or Version header)"],
  ["poetry-lock", '[[package]]\nname = "x"\nversion = ', /^app\/poetry\.lock: not valid TOML at line 3, column \d+: /],
  ["poetry-lock", 'title = "not poetry"\n', "app/poetry.lock: not a poetry lock file (no [[package]] or [metadata])"],
  ["pipfile-lock", '{"default": ', /^app\/Pipfile\.lock: not valid JSON/],
  ["pipfile-lock", '{"packages": []}', "app/Pipfile.lock: not a Pipfile.lock (no _meta, default or develop)"],
  ["uv-lock", "version = 1\n[[package]\n", /^app\/uv\.lock: not valid TOML at line 2/],
  ["uv-lock", "", "app/uv.lock: not a uv lock file (no version or [[package]])"],
  ["go-mod", "module x\nrequire (\n  a v1.0.0\n", 'app/go.mod: unterminated "require (" block'],
  ["go-mod", "hello world\n", "app/go.mod: not a go.mod file (no module or require directive)"],
  ["gemspec", "puts 'hi'\n", "gems/specifications/x.gemspec: no gem name and version in the specification or its file name"],
  ["gemfile-lock", "just some text\n  specs:\n    a (1.0)\n", "app/Gemfile.lock: not a Gemfile.lock (no GEM, GIT, PATH or DEPENDENCIES section)"],
  ["cargo-lock", "[[package]\n", /^app\/Cargo\.lock: not valid TOML at line 1/],
  ["cargo-lock", "[workspace]\nmembers = []\n", "app/Cargo.lock: not a Cargo.lock (no [[package]])"],
  ["composer-lock", '{"require": {}}', 'app/composer.lock: not a composer.lock (no "packages" list)'],
  ["nuget-deps", '{"targets": {}}', 'app/App.deps.json: not a .NET deps.json (no "libraries" object)'],
  ["nuget-lock", '{"version": 1}', 'app/packages.lock.json: not a NuGet packages.lock.json (no "dependencies" object)'],
];

describe("malformed files end in one clear error naming the file", () => {
  it.each(MALFORMED)("%s: %j", async (name, text, message) => {
    const path = PATHS[name] ?? "";
    const failure = run(analyzer(name), path, text);
    await expect(failure).rejects.toBeInstanceOf(InputError);
    await expect(failure).rejects.toThrow(message);
  });

  it("no detector crashes on arbitrary text: a result or an InputError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...langAnalyzers), fc.string({ unit: "binary", maxLength: 400 }), async (a, text) => {
        const path = PATHS[a.name] ?? "";
        try {
          const out = await run(a, path, text);
          for (const p of out.packages ?? []) expect(p.purl.startsWith("pkg:")).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("no JSON detector crashes on arbitrary JSON documents", async () => {
    const jsonDetectors = ["npm-lock", "npm-installed", "pipfile-lock", "composer-lock", "nuget-deps", "nuget-lock"].map(analyzer);
    const lockish = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.jsonValue({ maxDepth: 2 }),
        fc.dictionary(fc.constantFrom("packages", "dependencies", "default", "libraries", "version", "name", "license", "node_modules/a", "type", "resolved", "link"), tie("value"), { maxKeys: 4 }),
        fc.array(tie("value"), { maxLength: 3 }),
      ),
    })).value;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...jsonDetectors), lockish, async (a, doc) => {
        try {
          await run(a, PATHS[a.name] ?? "", JSON.stringify(doc));
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("a deeply nested npm v1 tree is walked without running out of stack", async () => {
    // Written as text: JSON.stringify itself recurses.
    const depth = 20_000;
    let text = "";
    for (let i = 0; i < depth; i++) text += `{"p${i}": {"version": "1.0.0", "dependencies": `;
    text = `{"lockfileVersion": 1, "dependencies": ${text}{}${"}}".repeat(depth)}}`;
    const out = await run(analyzer("npm-lock"), "package-lock.json", text);
    expect(out.packages).toHaveLength(depth);
  });

  it("deeply nested TOML is refused, not a stack overflow", async () => {
    const text = `version = 3\nx = ${"[".repeat(5000)}${"]".repeat(5000)}\n`;
    await expect(run(analyzer("cargo-lock"), "Cargo.lock", text)).rejects.toThrow(/^Cargo\.lock: not valid TOML/);
  });

  it("a file with more distinct packages than the bound is cut, with a warning", () => {
    const list = new PackageList("npm", "yarn.lock", 3);
    for (const v of ["1.0.0", "1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4"]) list.add("p", v);
    expect(list.output()).toMatchObject({
      packages: [{ version: "1.0.0" }, { version: "1.0.1" }, { version: "1.0.2" }],
      warnings: ["yarn.lock: more than 3 packages; the rest were not read"],
    });
    expect(MAX_PACKAGES_PER_FILE).toBeGreaterThanOrEqual(100_000);
  });

  it("entries with malformed names or versions are skipped and counted", async () => {
    const lock = { lockfileVersion: 3, packages: { "node_modules/ok": { version: "1.0.0" }, "node_modules/bad name": { version: "1.0.0" }, "node_modules/x": { version: "" } } };
    const out = await run(analyzer("npm-lock"), "package-lock.json", JSON.stringify(lock));
    expect(out.packages?.map((p) => p.name)).toEqual(["ok"]);
    expect(out.warnings).toEqual(["package-lock.json: 2 entries skipped: empty, overlong or malformed package name or version"]);
  });

  it("asks the source for at most the size bound of its file type", async () => {
    const asked: (number | undefined)[] = [];
    const entry = fileEntry("package-lock.json", "{}");
    const read = entry.read;
    entry.read = (max) => {
      asked.push(max);
      return read(max);
    };
    await analyzer("npm-lock").analyze(entry, { source: "test" }).catch(() => undefined);
    expect(asked).toEqual([MAX_LOCKFILE_BYTES]);
  });

  it("a source that ignores the bound is caught", async () => {
    const entry = fileEntry("app/node_modules/x/package.json", "{}");
    entry.read = async () => Buffer.alloc(9 * 1024 * 1024, 0x20);
    await expect(analyzer("npm-installed").analyze(entry, { source: "test" })).rejects.toThrow(/^app\/node_modules\/x\/package\.json: larger than the \d+ byte limit/);
  });
});

describe("deeply nested YAML", () => {
  it("ends in an InputError, not a crash", async () => {
    const text = `lockfileVersion: '9.0'\npackages: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`;
    await expect(run(analyzer("pnpm-lock"), "pnpm-lock.yaml", text)).rejects.toBeInstanceOf(InputError);
  });
});
