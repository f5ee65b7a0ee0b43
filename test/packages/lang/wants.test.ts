import { describe, expect, it } from "vitest";
import { langAnalyzers } from "../../../src/packages/lang/index.js";

/** Which detectors want a path: exactly these, none other. */
const TABLE: [string, string[]][] = [
  ["package-lock.json", ["npm-lock"]],
  ["srv/app/package-lock.json", ["npm-lock"]],
  ["srv/app/npm-shrinkwrap.json", ["npm-lock"]],
  // npm's hidden lock file and dependencies' own lock files do not say what is installed.
  ["app/node_modules/.package-lock.json", []],
  ["app/node_modules/some-dep/package-lock.json", []],
  ["app/node_modules/some-dep/yarn.lock", []],
  ["app/node_modules/lodash/package.json", ["npm-installed"]],
  ["node_modules/lodash/package.json", ["npm-installed"]],
  ["usr/lib/node_modules/npm/node_modules/@npmcli/arborist/package.json", ["npm-installed"]],
  ["app/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/package.json", ["npm-installed"]],
  ["app/package.json", []],
  ["app/node_modules/@babel/runtime/helpers/esm/package.json", []],
  ["app/node_modules/.bin/package.json", []],
  ["app/node_modules/lodash/package.json.bak", []],
  ["yarn.lock", ["yarn-lock"]],
  ["web/pnpm-lock.yaml", ["pnpm-lock"]],
  ["web/pnpm-lock.yml", []],
  ["usr/lib/python3/dist-packages/requests-2.28.1.dist-info/METADATA", ["python-installed"]],
  ["usr/local/lib/python3.12/site-packages/pip-24.0.dist-info/METADATA", ["python-installed"]],
  ["usr/lib/python3/dist-packages/python_apt-2.6.0.egg-info", ["python-installed"]],
  ["usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO", ["python-installed"]],
  ["opt/eggs/foo-1.0-py3.8.egg/EGG-INFO/PKG-INFO", ["python-installed"]],
  ["usr/lib/python3/dist-packages/requests-2.28.1.dist-info/RECORD", []],
  ["app/requirements.txt", ["pip-requirements"]],
  ["app/requirements-dev.txt", ["pip-requirements"]],
  ["app/requirements_test.txt", ["pip-requirements"]],
  ["app/requirements.in", []],
  ["app/dev-requirements.txt", []],
  ["poetry.lock", ["poetry-lock"]],
  ["Pipfile.lock", ["pipfile-lock"]],
  ["Pipfile", []],
  ["uv.lock", ["uv-lock"]],
  ["go/src/app/go.mod", ["go-mod"]],
  ["go/src/app/go.sum", []],
  ["usr/local/bundle/specifications/rack-2.2.8.gemspec", ["gemspec"]],
  ["usr/lib/ruby/gems/3.2.0/specifications/default/json-2.6.3.gemspec", ["gemspec"]],
  ["app/mygem.gemspec", []],
  ["app/Gemfile.lock", ["gemfile-lock"]],
  ["app/gems.locked", ["gemfile-lock"]],
  ["app/Gemfile", []],
  ["rust/Cargo.lock", ["cargo-lock"]],
  ["rust/Cargo.toml", []],
  ["php/composer.lock", ["composer-lock"]],
  ["php/composer.json", []],
  ["app/Api.deps.json", ["nuget-deps"]],
  ["app/Api.runtimeconfig.json", []],
  ["src/Api/packages.lock.json", ["nuget-lock"]],
  ["etc/passwd", []],
];

describe("which files each language detector wants", () => {
  it.each(TABLE)("%s", (path, expected) => {
    const wanting = langAnalyzers.filter((a) => a.wants(path, 100, 0o100644)).map((a) => a.name);
    expect(wanting).toEqual(expected);
  });

  it("an egg-info directory is not metadata; the file of that name is", () => {
    const python = langAnalyzers.find((a) => a.name === "python-installed");
    expect(python?.wants("usr/lib/python3/dist-packages/six-1.16.0.egg-info", 4096, 0o040755)).toBe(false);
    expect(python?.wants("usr/lib/python3/dist-packages/six-1.16.0.egg-info", 1024, 0o100644)).toBe(true);
  });

  it("every detector has a distinct name, a version and the packages kind", () => {
    const names = langAnalyzers.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const a of langAnalyzers) {
      expect(a.kind).toBe("packages");
      expect(a.version).toBeGreaterThanOrEqual(1);
    }
  });
});
