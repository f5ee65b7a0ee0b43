// Maven version ordering, after the POM reference's "Version Order Specification" (what
// ComparableVersion implements): a version is split into tokens at ".", "-" and every change between
// digits and letters (a change counts as "-"); empty tokens are "0"; "null" tokens (0, "", "final",
// "ga", "release") are trimmed from the end and before every remaining "-"; the rest compares token by
// token, qualifiers alpha < beta < milestone < rc = cr < snapshot < "" = final = ga = release < sp <
// unknown qualifiers (alphabetically) < "-number" < ".number", case-insensitively.
//
// Hand-written: no maintained JavaScript port follows Maven exactly. Where Maven's implementation
// departs from its own specification (its nested lists give 1-ga-1 < 1-1 and 1.foo < 1-foo, the
// specification says both are equal), this follows the specification.
//
// Neither is a total order: "null" is 0 against a number and "" against a qualifier, so
// 1.0.alpha.1 < 1 < 1.ga.1 < 1.0.alpha.1. To stay a total order, every null token here, in any place,
// is one and the same value, ranked with "" among the qualifiers. That changes only comparisons
// where a zero in the middle of a version meets a qualifier above "" or a "-number" at the same
// place: Maven has 1.0.1 > 1.sp.1 and 1.0.1 > 1-1, this ordering has both the other way round.
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, ParseCache, compareDigits, compareStrings, invalidVersion, isDigitCode, isPrintableAscii } from "./common.js";

/** Token classes, in order. */
const QUALIFIER = 0;
const HYPHEN_NUMBER = 1;
const DOT_NUMBER = 2;

const KNOWN_QUALIFIERS: Readonly<Record<string, number>> = {
  alpha: 0,
  beta: 1,
  milestone: 2,
  rc: 3,
  cr: 3,
  snapshot: 4,
  "": 5,
  ga: 5,
  final: 5,
  release: 5,
  sp: 6,
};
const NULL_RANK = 5;
const UNKNOWN_RANK = 7;

/** Letters standing for a qualifier when a number follows directly ("1-a1" = "1-alpha-1"). */
const SHORT_QUALIFIERS: Readonly<Record<string, string>> = { a: "alpha", b: "beta", m: "milestone" };

interface MavenToken {
  hyphen: boolean;
  /** Digits (leading zeros removed) for numbers; the lower-cased qualifier otherwise. */
  value: string;
  numeric: boolean;
  /** Qualifier rank; NULL_RANK for null tokens of any kind. */
  rank: number;
}

const cache = new ParseCache<MavenToken[] | null>();

function makeToken(raw: string, hyphen: boolean, followedByDigit: boolean): MavenToken {
  if (raw.length === 0) raw = "0";
  if (isDigitCode(raw.charCodeAt(0))) {
    let z = 0;
    while (z < raw.length - 1 && raw.charCodeAt(z) === 48) z++;
    const value = raw.slice(z);
    return { hyphen, value, numeric: true, rank: value === "0" ? NULL_RANK : 0 };
  }
  let q = raw.toLowerCase();
  if (followedByDigit) q = SHORT_QUALIFIERS[q] ?? q;
  const rank = Object.hasOwn(KNOWN_QUALIFIERS, q) ? KNOWN_QUALIFIERS[q]! : UNKNOWN_RANK;
  return { hyphen, value: q, numeric: false, rank };
}

function isNull(t: MavenToken): boolean {
  return t.rank === NULL_RANK;
}

function tokenize(v: string): MavenToken[] | null {
  if (v.length === 0 || v.length > MAX_VERSION_LENGTH || !isPrintableAscii(v)) return null;
  const out: MavenToken[] = [];
  let hyphen = false;
  let start = 0;
  for (let i = 0; i <= v.length; i++) {
    const c = i < v.length ? v.charCodeAt(i) : 0;
    if (i === v.length || c === 46 || c === 45) {
      out.push(makeToken(v.slice(start, i), hyphen, false));
      hyphen = c === 45;
      start = i + 1;
    } else if (i > start && isDigitCode(c) !== isDigitCode(v.charCodeAt(i - 1))) {
      out.push(makeToken(v.slice(start, i), hyphen, isDigitCode(c)));
      hyphen = true;
      start = i;
    }
  }
  // Trim nulls at the end, then before each remaining "-" from the end to the start.
  let k = out.length;
  while (k > 0 && isNull(out[k - 1]!)) out.splice(--k, 1);
  for (k = out.length - 1; k > 0; k--) {
    if (!out[k]!.hyphen) continue;
    while (k > 0 && isNull(out[k - 1]!)) out.splice(--k, 1);
  }
  return out;
}

function tokens(v: string): MavenToken[] {
  const t = cache.get(v, tokenize);
  if (t === null) throw invalidVersion("maven", v);
  return t;
}

function tokenClass(t: MavenToken): number {
  if (!t.numeric || isNull(t)) return QUALIFIER;
  return t.hyphen ? HYPHEN_NUMBER : DOT_NUMBER;
}

/** A missing token (past the end of the shorter version) is the null token. */
function compareTokens(x: MavenToken | undefined, y: MavenToken | undefined): number {
  const cx = x === undefined ? QUALIFIER : tokenClass(x);
  const cy = y === undefined ? QUALIFIER : tokenClass(y);
  if (cx !== cy) return cx < cy ? -1 : 1;
  if (cx !== QUALIFIER) return compareDigits(x!.value, y!.value);
  const rx = x === undefined ? NULL_RANK : x.rank;
  const ry = y === undefined ? NULL_RANK : y.rank;
  if (rx !== ry) return rx < ry ? -1 : 1;
  return rx === UNKNOWN_RANK ? compareStrings(x!.value, y!.value) : 0;
}

export const mavenScheme: VersionScheme = {
  name: "maven",
  compare(a, b) {
    const ta = tokens(a);
    const tb = tokens(b);
    const n = Math.max(ta.length, tb.length);
    for (let k = 0; k < n; k++) {
      const r = compareTokens(ta[k], tb[k]);
      if (r !== 0) return r;
    }
    return 0;
  },
  isValid(v) {
    return cache.get(v, tokenize) !== null;
  },
};
