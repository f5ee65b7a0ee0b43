// Alpine (and Wolfi, Chainguard) apk-tools version ordering:
//   digits{.digits}[letter]{_suffix[digits]}[-rN]
// with suffixes _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p.
// Hand-written from apk-tools' current rules because no npm package implements them: the first
// number and suffix and revision numbers compare as numbers; a later dot-separated number with a
// leading zero compares as text (so 1.01 < 1.1, as in Gentoo); when one version runs out of tokens
// first, it is older unless the other goes on with a pre-release suffix.
//
// isValid is stricter than apk-tools on two points it also accepts: an empty number after "." and
// "-r" without digits. Numbers of any length compare exactly (apk-tools holds them in 64 bits).
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, ParseCache, compareDigits, compareStrings, invalidVersion, isDigitCode } from "./common.js";

// Token kinds in apk-tools' order: when two versions differ in kind at the same place, the one
// with the later kind is the older one (END last, so a shorter version is older).
const INITIAL = 0;
const DIGIT = 1;
const LETTER = 2;
const SUFFIX = 3;
const SUFFIX_NO = 4;
const REVISION = 5;
const END = 6;

/** Suffix ranks; below NONE are pre-releases. */
const SUFFIXES: Readonly<Record<string, number>> = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10,
};
const NONE = 5;

interface Token {
  kind: number;
  /** Digits, the letter, or the suffix name. */
  text: string;
  /** Suffix rank for SUFFIX tokens. */
  rank: number;
}

const END_TOKEN: Token = { kind: END, text: "", rank: 0 };

const cache = new ParseCache<Token[] | null>();

function digitsEnd(v: string, i: number): number {
  while (i < v.length && isDigitCode(v.charCodeAt(i))) i++;
  return i;
}

function tokenize(v: string): Token[] | null {
  if (v.length === 0 || v.length > MAX_VERSION_LENGTH) return null;
  const out: Token[] = [];
  let i = digitsEnd(v, 0);
  if (i === 0) return null;
  out.push({ kind: INITIAL, text: v.slice(0, i), rank: 0 });
  let kind = INITIAL;
  while (i < v.length) {
    const c = v.charCodeAt(i);
    if (c === 46 /* . */) {
      if (kind > DIGIT) return null;
      const end = digitsEnd(v, i + 1);
      if (end === i + 1) return null;
      kind = DIGIT;
      out.push({ kind, text: v.slice(i + 1, end), rank: 0 });
      i = end;
    } else if (c >= 97 && c <= 122) {
      if (kind > DIGIT) return null;
      kind = LETTER;
      out.push({ kind, text: v[i]!, rank: 0 });
      i++;
    } else if (c === 95 /* _ */) {
      if (kind > SUFFIX_NO) return null;
      let end = i + 1;
      while (end < v.length && v.charCodeAt(end) >= 97 && v.charCodeAt(end) <= 122) end++;
      const name = v.slice(i + 1, end);
      const rank = SUFFIXES[name];
      if (rank === undefined || !Object.hasOwn(SUFFIXES, name)) return null;
      kind = SUFFIX;
      out.push({ kind, text: name, rank });
      i = end;
      const numEnd = digitsEnd(v, i);
      if (numEnd > i) {
        kind = SUFFIX_NO;
        out.push({ kind, text: v.slice(i, numEnd), rank: 0 });
        i = numEnd;
      }
    } else if (c === 45 /* - */) {
      if (kind >= REVISION || v.charCodeAt(i + 1) !== 114 /* r */) return null;
      const end = digitsEnd(v, i + 2);
      if (end === i + 2) return null;
      kind = REVISION;
      out.push({ kind, text: v.slice(i + 2, end), rank: 0 });
      i = end;
    } else {
      return null;
    }
  }
  out.push(END_TOKEN);
  return out;
}

function tokens(v: string): Token[] {
  const t = cache.get(v, tokenize);
  if (t === null) throw invalidVersion("apk", v);
  return t;
}

function compareTokens(x: Token, y: Token): number {
  switch (x.kind) {
    case DIGIT:
      if (x.text.charCodeAt(0) === 48 || y.text.charCodeAt(0) === 48) return compareStrings(x.text, y.text);
      return compareDigits(x.text, y.text);
    case LETTER:
      return compareStrings(x.text, y.text);
    case SUFFIX:
      return x.rank === y.rank ? 0 : x.rank < y.rank ? -1 : 1;
    default:
      return compareDigits(x.text, y.text);
  }
}

export const apkScheme: VersionScheme = {
  name: "apk",
  compare(a, b) {
    const ta = tokens(a);
    const tb = tokens(b);
    let k = 0;
    let x = ta[0]!;
    let y = tb[0]!;
    while (x.kind === y.kind && x.kind !== END) {
      const r = compareTokens(x, y);
      if (r !== 0) return r;
      k++;
      x = ta[k]!;
      y = tb[k]!;
    }
    if (x.kind === y.kind) return 0;
    if (x.kind === SUFFIX && x.rank < NONE) return -1;
    if (y.kind === SUFFIX && y.rank < NONE) return 1;
    return x.kind > y.kind ? -1 : 1;
  },
  isValid(v) {
    return cache.get(v, tokenize) !== null;
  },
};
