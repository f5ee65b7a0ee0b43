// Property tests: every scheme is a total order on the versions it accepts, and isValid never
// throws, whatever the string.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { VersionScheme } from "../../../src/vulndb/types.js";
import { SCHEMES } from "../../../src/vulndb/versions/index.js";

const join = (xs: readonly string[]): string => xs.join("");
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null });
const num = fc.constantFrom("0", "1", "2", "9", "10", "11", "007", "20230101", "123456789012345678901");
const small = fc.constantFrom("0", "1", "2", "9", "10", "11", "20230101");
const ids = fc.constantFrom("alpha", "beta", "rc", "0", "1", "2", "10", "a-b", "x", "SNAPSHOT");
const idList = fc.array(ids, { minLength: 1, maxLength: 3 }).map((xs) => xs.join("."));
const semverCore = fc.tuple(small, small, small).map((xs) => xs.join("."));

const ARBITRARIES: Record<string, fc.Arbitrary<string>> = {
  dpkg: fc
    .tuple(
      opt(fc.constantFrom("0", "1", "2")),
      num,
      fc.array(fc.constantFrom("0", "1", "9", "10", "00", ".", "~", "+", "a", "Z", "b", ":"), { maxLength: 6 }),
      opt(fc.array(fc.constantFrom("0", "1", "10", ".", "~", "+", "ubuntu", "deb", "b", "-"), { minLength: 1, maxLength: 5 })),
    )
    .map(([e, first, up, rev]) => {
      const upstream = first + join(up).replaceAll(":", e === null ? "." : ":");
      return (e === null ? "" : `${e}:`) + upstream + (rev === null ? "" : `-${join(rev).replaceAll("-", ".")}0`);
    }),
  rpm: fc
    .tuple(
      opt(fc.constantFrom("0", "1", "2", "")),
      fc.array(fc.constantFrom("0", "1", "10", "007", ".", "~", "^", "_", "+", "a", "rc", "git", "B"), { minLength: 1, maxLength: 7 }),
      opt(fc.array(fc.constantFrom("1", "2", "10", ".", "el9", "_", "~", "^", "a"), { minLength: 1, maxLength: 5 })),
    )
    .map(([e, v, r]) => (e === null ? "" : `${e}:`) + join(v) + (r === null ? "" : `-${join(r)}`)),
  apk: fc
    .tuple(
      num,
      fc.array(num.map((n) => `.${n}`), { maxLength: 3 }),
      opt(fc.constantFrom("a", "b", "z")),
      fc.array(fc.tuple(fc.constantFrom("alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"), opt(small)), { maxLength: 2 }),
      opt(small),
    )
    .map(([first, rest, letter, suffixes, rev]) =>
      first + join(rest) + (letter ?? "") + join(suffixes.map(([s, n]) => `_${s}${n ?? ""}`)) + (rev === null ? "" : `-r${rev}`),
    ),
  semver: fc
    .tuple(fc.constantFrom("", "v", "="), semverCore, opt(idList), opt(idList))
    .map(([p, core, pre, build]) => p + core + (pre === null ? "" : `-${pre}`) + (build === null ? "" : `+${build}`)),
  go: fc.oneof(
    fc.tuple(fc.constantFrom("", "v"), semverCore, opt(idList), fc.boolean()).map(
      ([p, core, pre, inc]) => p + core + (pre === null ? "" : `-${pre}`) + (inc ? "+incompatible" : ""),
    ),
    fc.tuple(semverCore, fc.constantFrom("20210101120000", "20191109021931", "20230615000000"), fc.constantFrom("abcdef123456", "daa7c04131f5")).map(
      ([core, time, hash]) => `v${core}-0.${time}-${hash}`,
    ),
    fc.tuple(fc.constantFrom("1.20", "1.21", "1.9", "1.10"), opt(fc.constantFrom(".0", ".1", ".12")), opt(fc.constantFrom("rc1", "rc2", "beta1"))).map(
      ([mm, patch, pre]) => `go${mm}${patch ?? ""}${patch === null ? (pre ?? "") : ""}`,
    ),
  ),
  pep440: fc
    .tuple(
      opt(fc.constantFrom("1!", "2!")),
      fc.array(small, { minLength: 1, maxLength: 4 }),
      opt(fc.tuple(fc.constantFrom("a", "b", "rc", "c", "alpha", "pre"), small)),
      opt(small),
      opt(small),
      opt(fc.array(fc.constantFrom("abc", "5", "7", "ubuntu", "0"), { minLength: 1, maxLength: 3 })),
    )
    .map(
      ([epoch, release, pre, post, dev, local]) =>
        (epoch ?? "") +
        release.join(".") +
        (pre === null ? "" : pre.join("")) +
        (post === null ? "" : `.post${post}`) +
        (dev === null ? "" : `.dev${dev}`) +
        (local === null ? "" : `+${local.join(".")}`),
    ),
  maven: fc
    .array(fc.constantFrom("1", "0", "2", "10", "007", ".", "-", "alpha", "beta", "a", "b", "m", "rc", "cr", "snapshot", "SNAPSHOT", "sp", "ga", "final", "release", "foo", "bar", "v"), {
      minLength: 1,
      maxLength: 8,
    })
    .map(join),
  rubygems: fc
    .tuple(small, fc.array(fc.constantFrom("0", "1", "2", "10", "a", "b", "pre", "rc1", "beta2"), { maxLength: 4 }))
    .map(([first, rest]) => [first, ...rest].join(".")),
  nuget: fc
    .tuple(fc.array(small, { minLength: 1, maxLength: 4 }), opt(fc.array(fc.constantFrom("alpha", "Alpha", "BETA", "beta", "rc", "1", "2", "10", "preview1"), { minLength: 1, maxLength: 3 })), fc.boolean())
    .map(([nums, labels, build]) => nums.join(".") + (labels === null ? "" : `-${labels.join(".")}`) + (build ? "+sha.abc" : "")),
  packagist: fc
    .tuple(
      fc.constantFrom("", "v"),
      fc.array(small, { minLength: 1, maxLength: 4 }),
      opt(fc.tuple(fc.constantFrom("-", ".", "", "_"), fc.constantFrom("alpha", "a", "beta", "b", "RC", "rc", "stable", "patch", "pl", "p"), opt(fc.constantFrom("1", "2", ".1", "-2", "1.1")))),
      fc.constantFrom("", "-dev", ".dev"),
    )
    .map(([v, nums, st, dev]) => v + nums.join(".") + (st === null ? "" : st[0] + st[1] + (st[2] ?? "")) + dev),
  hex: fc.tuple(semverCore, opt(idList), opt(idList)).map(([core, pre, build]) => core + (pre === null ? "" : `-${pre}`) + (build === null ? "" : `+${build}`)),
  pub: fc
    .tuple(fc.tuple(num, small, small).map((xs) => xs.join(".")), opt(idList), opt(idList))
    .map(([core, pre, build]) => core + (pre === null ? "" : `-${pre}`) + (build === null ? "" : `+${build}`)),
};

/** MAMORI_FC_RUNS=50 runs every property fifty times longer, for a deeper search before a release. */
const RUNS = Math.max(1, Number(process.env.MAMORI_FC_RUNS ?? "1") || 1);

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function checkTriple(s: VersionScheme, a: string, b: string, c: string): void {
  for (const v of [a, b, c]) expect(s.isValid(v), v).toBe(true);
  expect(s.compare(a, a)).toBe(0);
  const ab = sign(s.compare(a, b));
  const bc = sign(s.compare(b, c));
  const ac = sign(s.compare(a, c));
  expect(sign(s.compare(b, a))).toBe(sign(-ab));
  if (ab <= 0 && bc <= 0) expect(ac).toBeLessThanOrEqual(0);
  if (ab >= 0 && bc >= 0) expect(ac).toBeGreaterThanOrEqual(0);
  if (ab === 0) expect(ac).toBe(bc);
}

describe.each(SCHEMES.map((s) => [s.name, s] as const))("%s is a total order", (name, scheme) => {
  const arb = ARBITRARIES[name]!;

  it("has a generator", () => {
    expect(arb).toBeDefined();
  });

  it("is reflexive, antisymmetric and transitive on triples", () => {
    fc.assert(
      fc.property(arb, arb, arb, (a, b, c) => checkTriple(scheme, a, b, c)),
      { numRuns: 400 * RUNS, seed: RUNS === 1 ? 42 : undefined },
    );
  });

  it("sorts consistently: after sorting, every earlier version is at most every later one", () => {
    fc.assert(
      fc.property(fc.array(arb, { minLength: 2, maxLength: 24 }), (vs) => {
        const sorted = [...vs].sort((x, y) => scheme.compare(x, y));
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) {
            expect(sign(scheme.compare(sorted[i]!, sorted[j]!)), `${sorted[i]} vs ${sorted[j]}`).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 150 * RUNS, seed: RUNS === 1 ? 7 : undefined },
    );
  });

  it("never throws from isValid, and orders whatever it accepts", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 8 }), arb), arb, (v, w) => {
        const ok = scheme.isValid(v);
        if (ok) expect(sign(scheme.compare(v, w))).toBe(sign(-scheme.compare(w, v)));
        else expect(() => scheme.compare(v, w)).toThrow(/is not a valid/);
      }),
      { numRuns: 300 * RUNS, seed: RUNS === 1 ? 3 : undefined },
    );
  });
});
