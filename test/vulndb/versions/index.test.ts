import { describe, expect, it } from "vitest";
import { isInputError } from "../../../src/core/errors.js";
import { SCHEMES, compareVersions, schemeFor } from "../../../src/vulndb/versions/index.js";

const ECOSYSTEMS: [string, string | undefined][] = [
  ["Debian", "dpkg"],
  ["Debian:12", "dpkg"],
  ["Ubuntu:22.04:LTS", "dpkg"],
  ["Ubuntu:Pro:18.04:LTS", "dpkg"],
  ["Alpine:v3.20", "apk"],
  ["Wolfi", "apk"],
  ["Chainguard", "apk"],
  ["Red Hat:enterprise_linux:9::appstream", "rpm"],
  ["AlmaLinux:9", "rpm"],
  ["Rocky Linux:8", "rpm"],
  ["SUSE:Linux Enterprise Server 15 SP5", "rpm"],
  ["openSUSE:Tumbleweed", "rpm"],
  ["Mageia:9", "rpm"],
  ["openEuler:22.03-LTS", "rpm"],
  ["npm", "semver"],
  ["crates.io", "semver"],
  ["Bitnami", "semver"],
  ["SEMVER", "semver"],
  ["Go", "go"],
  ["PyPI", "pep440"],
  ["Maven", "maven"],
  ["RubyGems", "rubygems"],
  ["NuGet", "nuget"],
  ["Packagist", "packagist"],
  ["Hex", "hex"],
  ["Pub", "pub"],
  ["pypi", "pep440"],
  ["Hackage", undefined],
  ["GIT", undefined],
  ["", undefined],
  ["constructor", undefined],
  ["__proto__", undefined],
];

describe("schemeFor", () => {
  it.each(ECOSYSTEMS)("%j orders with %s", (ecosystem, name) => {
    expect(schemeFor(ecosystem)?.name).toBe(name);
  });

  it("lists every scheme once, by distinct names", () => {
    const names = SCHEMES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["dpkg", "rpm", "apk", "semver", "go", "pep440", "maven", "rubygems", "nuget", "packagist", "hex", "pub"]));
  });
});

describe("compareVersions", () => {
  it("compares with the ecosystem's ordering", () => {
    expect(compareVersions("Debian:12", "1.0~rc1", "1.0")).toBeLessThan(0);
    expect(compareVersions("npm", "1.10.0", "1.9.0")).toBeGreaterThan(0);
    expect(compareVersions("PyPI", "1.0", "1.0.0")).toBe(0);
  });

  it("throws an InputError for an ecosystem without an ordering", () => {
    expect(() => compareVersions("Hackage", "1", "2")).toThrow(/no version ordering is known for the ecosystem "Hackage"/);
    try {
      compareVersions("Hackage", "1", "2");
    } catch (e) {
      expect(isInputError(e)).toBe(true);
    }
  });

  it("throws an InputError for a version the ordering cannot read", () => {
    expect(() => compareVersions("npm", "not-a-version", "1.0.0")).toThrow(/"not-a-version" is not a valid semver version/);
  });
});
