// OSV range evaluation (https://ossf.github.io/osv-schema/#evaluation), one row per rule of the schema.
import { describe, expect, it } from "vitest";
import { evaluateAffected, hasReachedFix, LISTED_IN_VERSIONS } from "../../../src/vulndb/ranges.js";
import type { OsvAffected, OsvEvent, OsvRange, VersionScheme } from "../../../src/vulndb/types.js";
import { schemeFor } from "../../../src/vulndb/versions/index.js";

function scheme(ecosystem: string): VersionScheme {
  const s = schemeFor(ecosystem);
  if (s === undefined) throw new Error(`no version scheme for ${ecosystem}`);
  return s;
}

const range = (type: OsvRange["type"], ...events: OsvEvent[]): OsvRange => ({ type, events });
const eco = (...events: OsvEvent[]) => range("ECOSYSTEM", ...events);
const semverRange = (...events: OsvEvent[]) => range("SEMVER", ...events);

interface Row {
  what: string;
  ecosystem: string;
  affected: OsvAffected;
  version: string;
  affectedExpected: boolean;
  matched?: string;
  fixed?: string[];
}

const fixedRange: OsvAffected = { ranges: [eco({ introduced: "1.2.0" }, { fixed: "1.2.5" })] };
const twoBranches: OsvAffected = {
  // Out of order on purpose: the schema sorts events by version before reading them.
  ranges: [eco({ fixed: "3.2.5" }, { introduced: "3.0.0" }, { fixed: "1.0.2" }, { introduced: "1.0.0" })],
};

const rows: Row[] = [
  { what: "below introduced", ecosystem: "npm", affected: fixedRange, version: "1.1.9", affectedExpected: false },
  { what: "at introduced", ecosystem: "npm", affected: fixedRange, version: "1.2.0", affectedExpected: true, matched: ">=1.2.0, <1.2.5", fixed: ["1.2.5"] },
  { what: "inside", ecosystem: "npm", affected: fixedRange, version: "1.2.4", affectedExpected: true, matched: ">=1.2.0, <1.2.5", fixed: ["1.2.5"] },
  { what: "at fixed (exclusive)", ecosystem: "npm", affected: fixedRange, version: "1.2.5", affectedExpected: false },
  { what: "above fixed", ecosystem: "npm", affected: fixedRange, version: "2.0.0", affectedExpected: false },
  {
    what: 'introduced "0" is before every version',
    ecosystem: "npm",
    affected: { ranges: [eco({ introduced: "0" }, { fixed: "4.17.21" })] },
    version: "0.0.1",
    affectedExpected: true,
    matched: ">=0, <4.17.21",
    fixed: ["4.17.21"],
  },
  {
    what: "introduced 0 alone: every version",
    ecosystem: "PyPI",
    affected: { ranges: [eco({ introduced: "0" })] },
    version: "99.0",
    affectedExpected: true,
    matched: ">=0",
    fixed: [],
  },
  {
    what: "last_affected is inclusive",
    ecosystem: "Maven",
    affected: { ranges: [eco({ introduced: "0" }, { last_affected: "2.1.214" })] },
    version: "2.1.214",
    affectedExpected: true,
    matched: ">=0, <=2.1.214",
    fixed: [],
  },
  {
    what: "above last_affected",
    ecosystem: "Maven",
    affected: { ranges: [eco({ introduced: "0" }, { last_affected: "2.1.214" })] },
    version: "2.1.215",
    affectedExpected: false,
  },
  {
    what: "limit bounds an open range",
    ecosystem: "npm",
    affected: { ranges: [eco({ introduced: "1.0.0" }, { limit: "2.0.0" })] },
    version: "1.5.0",
    affectedExpected: true,
    matched: ">=1.0.0, <2.0.0",
    fixed: [],
  },
  {
    what: "at the limit",
    ecosystem: "npm",
    affected: { ranges: [eco({ introduced: "1.0.0" }, { limit: "2.0.0" })] },
    version: "2.0.0",
    affectedExpected: false,
  },
  {
    what: "limit bounds every interval of the range",
    ecosystem: "npm",
    affected: { ranges: [eco({ introduced: "1.0.0" }, { fixed: "1.5.0" }, { introduced: "2.0.0" }, { limit: "3.0.0" })] },
    version: "3.1.0",
    affectedExpected: false,
  },
  {
    what: 'limit "*" is infinity',
    ecosystem: "npm",
    affected: { ranges: [eco({ introduced: "1.0.0" }, { limit: "*" })] },
    version: "9.0.0",
    affectedExpected: true,
    matched: ">=1.0.0",
  },
  {
    what: "several limits: below any one of them",
    ecosystem: "npm",
    affected: { ranges: [eco({ introduced: "1.0.0" }, { limit: "1.4.0" }, { limit: "2.0.0" })] },
    version: "1.8.0",
    affectedExpected: true,
  },
  {
    what: "listed in versions, no ranges",
    ecosystem: "PyPI",
    affected: { versions: ["1.0.0", "1.0.1"] },
    version: "1.0.1",
    affectedExpected: true,
    matched: LISTED_IN_VERSIONS,
  },
  { what: "not listed", ecosystem: "PyPI", affected: { versions: ["1.0.0", "1.0.1"] }, version: "1.0.2", affectedExpected: false },
  {
    what: "Go's v prefix against a list without it",
    ecosystem: "Go",
    affected: { versions: ["1.2.3"] },
    version: "v1.2.3",
    affectedExpected: true,
    matched: LISTED_IN_VERSIONS,
  },
  {
    what: "first branch of two, events out of order",
    ecosystem: "npm",
    affected: twoBranches,
    version: "1.0.1",
    affectedExpected: true,
    matched: ">=1.0.0, <1.0.2",
    fixed: ["1.0.2", "3.2.5"],
  },
  { what: "between two branches", ecosystem: "npm", affected: twoBranches, version: "2.0.0", affectedExpected: false },
  { what: "second branch", ecosystem: "npm", affected: twoBranches, version: "3.2.4", affectedExpected: true, matched: ">=3.0.0, <3.2.5", fixed: ["3.2.5"] },
  {
    what: "several range objects: inside the second",
    ecosystem: "PyPI",
    affected: { ranges: [eco({ introduced: "4.0" }, { fixed: "4.3" }), eco({ introduced: "5.0" }, { fixed: "5.2" })] },
    version: "5.1",
    affectedExpected: true,
    matched: ">=5.0, <5.2",
    fixed: ["5.2"],
  },
  {
    what: "fixed versions above the installed one, in the ecosystem's order",
    ecosystem: "PyPI",
    affected: { ranges: [eco({ introduced: "4.0" }, { fixed: "4.10" }), eco({ introduced: "0" }, { fixed: "3.1" }), eco({ introduced: "4.10.5" }, { fixed: "4.11" })] },
    version: "4.2",
    affectedExpected: true,
    fixed: ["4.10", "4.11"],
  },
  {
    what: "introduced and fixed at one version: empty (Chainguard's 0/0)",
    ecosystem: "Chainguard",
    affected: { ranges: [eco({ introduced: "0" }, { fixed: "0" })] },
    version: "2.0.13-r0",
    affectedExpected: false,
  },
  {
    // dpkg orders 1.0.0-beta (revision "beta") above 1.0.0; SemVer orders the pre-release below.
    what: "a SEMVER range uses SemVer precedence on a Debian version",
    ecosystem: "Debian:12",
    affected: { ranges: [semverRange({ introduced: "0" }, { fixed: "1.0.0" })] },
    version: "1.0.0-beta",
    affectedExpected: true,
    matched: ">=0, <1.0.0",
    fixed: ["1.0.0"],
  },
  {
    what: "the same bounds as an ECOSYSTEM range use dpkg",
    ecosystem: "Debian:12",
    affected: { ranges: [eco({ introduced: "0" }, { fixed: "1.0.0" })] },
    version: "1.0.0-beta",
    affectedExpected: false,
  },
  {
    what: "a SEMVER range on a version SemVer cannot read falls back to the ecosystem",
    ecosystem: "PyPI",
    affected: { ranges: [semverRange({ introduced: "0" }, { fixed: "1.0.1" })] },
    version: "1.0",
    affectedExpected: true,
    fixed: ["1.0.1"],
  },
  {
    what: "GIT ranges are not evaluated against package versions",
    ecosystem: "PyPI",
    affected: { ranges: [{ type: "GIT", repo: "https://github.com/example/lib", events: [{ introduced: "0" }, { fixed: "b42dd4badf803bb9fb71ac34cd9cb0c249262f2c" }] }] },
    version: "1.0",
    affectedExpected: false,
  },
  {
    what: "a GIT range with the version listed in versions",
    ecosystem: "PyPI",
    affected: {
      ranges: [{ type: "GIT", repo: "https://github.com/example/lib", events: [{ introduced: "0" }, { fixed: "b42dd4badf803bb9fb71ac34cd9cb0c249262f2c" }] }],
      versions: ["1.0"],
    },
    version: "1.0",
    affectedExpected: true,
    matched: LISTED_IN_VERSIONS,
    fixed: [],
  },
  {
    what: "an unreadable fixed event leaves the range open (a false alarm, never a miss)",
    ecosystem: "PyPI",
    affected: { ranges: [eco({ introduced: "1.0" }, { fixed: "not a version!" })] },
    version: "7.0",
    affectedExpected: true,
    matched: ">=1.0",
    fixed: [],
  },
  {
    what: "Debian epochs and tildes, by dpkg",
    ecosystem: "Debian:12",
    affected: { ranges: [eco({ introduced: "0" }, { fixed: "1:3.0.11-1~deb12u2" })] },
    version: "1:3.0.11-1~deb12u1",
    affectedExpected: true,
    fixed: ["1:3.0.11-1~deb12u2"],
  },
];

describe("evaluateAffected", () => {
  it.each(rows)("$what ($ecosystem $version)", (row) => {
    const v = evaluateAffected(row.affected, row.version, scheme(row.ecosystem));
    expect(v.affected).toBe(row.affectedExpected);
    if (!row.affectedExpected) {
      expect(v.fixed).toEqual([]);
      expect(v.matched).toBeUndefined();
      return;
    }
    if (row.matched !== undefined) expect(v.matched).toBe(row.matched);
    else expect(v.matched).toBeTruthy();
    if (row.fixed !== undefined) expect(v.fixed).toEqual(row.fixed);
  });

  it("gives the same answers when one range is evaluated against many versions (compiled once)", () => {
    const npm = scheme("npm");
    const affected: OsvAffected = { ranges: [eco({ introduced: "1.0.0" }, { fixed: "1.0.5" }, { introduced: "2.0.0" }, { last_affected: "2.0.3" })] };
    const inside = ["1.0.0", "1.0.4", "2.0.0", "2.0.3"];
    const outside = ["0.9.9", "1.0.5", "1.9.0", "2.0.4", "3.0.0"];
    for (let round = 0; round < 3; round++) {
      for (const v of inside) expect(evaluateAffected(affected, v, npm).affected, v).toBe(true);
      for (const v of outside) expect(evaluateAffected(affected, v, npm).affected, v).toBe(false);
    }
  });
});

describe("hasReachedFix", () => {
  const esm: OsvAffected = { ranges: [eco({ introduced: "0" }, { fixed: "8.12.1-1ubuntu0.1~esm1" })] };
  it.each([
    ["8.12.1-1ubuntu0.1~esm1", true],
    ["8.12.1-1ubuntu0.2", true],
    ["8.12.1-1", false],
  ] as const)("%s: %s", (version, expected) => {
    expect(hasReachedFix(esm, version, scheme("Ubuntu:22.04:LTS"))).toBe(expected);
  });

  it("a range without a fixed event is never reached", () => {
    expect(hasReachedFix({ ranges: [eco({ introduced: "0" })] }, "9.9-9", scheme("Debian:12"))).toBe(false);
  });
});
