// SemVer 2.0 precedence (npm, crates.io, Bitnami, and OSV's SEMVER ranges) through the `semver`
// package, with loose parsing for isValid ("v1.2.3", "=1.2.3", "1.2.3beta" are accepted and ordered
// as npm orders them). Build metadata does not take part in the order.
//
// `semver` parses both strings with a regular expression on every comparison; the matcher compares
// the same strings many times, so parsed versions are kept in a bounded cache, and the most common
// case, two plain "x.y.z" versions, is compared by hand without parsing at all.
import { parse } from "semver";
import type { SemVer } from "semver";
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, ParseCache, invalidVersion, isDigitCode } from "./common.js";

/** Longest number part the fast path reads: 15 digits always stay below Number.MAX_SAFE_INTEGER. */
const MAX_PLAIN_DIGITS = 15;

/** "x.y.z" with digits only, short enough that `semver` would accept the numbers. */
function isPlain(v: string): boolean {
  let dots = 0;
  let run = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 46) {
      if (run === 0 || ++dots > 2) return false;
      run = 0;
    } else if (isDigitCode(c)) {
      if (++run > MAX_PLAIN_DIGITS) return false;
    } else {
      return false;
    }
  }
  return dots === 2 && run > 0;
}

/** Compares two plain versions part by part, as numbers, without slicing the strings. */
function comparePlain(a: string, b: string): number {
  let i = 0;
  let j = 0;
  for (let part = 0; part < 3; part++) {
    let ei = i;
    let ej = j;
    while (ei < a.length && a.charCodeAt(ei) !== 46) ei++;
    while (ej < b.length && b.charCodeAt(ej) !== 46) ej++;
    while (i < ei - 1 && a.charCodeAt(i) === 48) i++;
    while (j < ej - 1 && b.charCodeAt(j) === 48) j++;
    if (ei - i !== ej - j) return ei - i < ej - j ? -1 : 1;
    for (; i < ei; i++, j++) {
      const d = a.charCodeAt(i) - b.charCodeAt(j);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    i = ei + 1;
    j = ej + 1;
  }
  return 0;
}

export interface SemverOptions {
  /** Accept npm's loose forms ("v1.2.3", "=1.2.3", leading zeros, "1.2.3beta"). */
  loose: boolean;
  /** Rewrites an ecosystem's spelling into SemVer before parsing; null rejects it. */
  normalize?: (v: string) => string | null;
}

/** A SemVer-ordered scheme, shared by the ecosystems whose versions are SemVer with local spellings. */
export function semverOrdering(name: string, options: SemverOptions): VersionScheme {
  const cache = new ParseCache<SemVer | null>();
  const { loose, normalize } = options;
  const read = (v: string): SemVer | null => {
    if (v.length === 0 || v.length > MAX_VERSION_LENGTH || v !== v.trim()) return null;
    const s = normalize === undefined ? v : normalize(v);
    return s === null ? null : parse(s, { loose });
  };
  const parsed = (v: string): SemVer => {
    const p = cache.get(v, read);
    if (p === null) throw invalidVersion(name, v);
    return p;
  };
  // Loose parsing reads "01.2.3" as 1.2.3, as the fast path does; strict parsing would refuse it.
  const fast = loose && normalize === undefined;
  return {
    name,
    compare(a, b) {
      if (fast && isPlain(a) && isPlain(b)) return comparePlain(a, b);
      return parsed(a).compare(parsed(b));
    },
    isValid(v) {
      return (fast && isPlain(v)) || cache.get(v, read) !== null;
    },
  };
}

export const semverScheme: VersionScheme = semverOrdering("semver", { loose: true });
