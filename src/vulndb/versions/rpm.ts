// RPM version ordering (Red Hat, AlmaLinux, Rocky, SUSE, openSUSE, Mageia, openEuler, ...):
// [epoch:]version[-release], each part compared with rpmvercmp. Hand-written to follow rpm 4.18's
// `rpm.vercmp` exactly, including "~" (before everything, even the end) and "^" (after the end,
// before anything else).
//
// One deliberate difference: rpm's own EVR comparison treats a missing release as "any release" in
// some code paths, which is not an order (1.0-1 = 1.0 = 1.0-2). Here, as `rpm.vercmp` does, a
// version without a release sorts before the same version with any release.
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, ParseCache, invalidVersion, isDigitCode, isPrintableAscii } from "./common.js";

interface Evr {
  epoch: string;
  version: string;
  release: string | null;
}

const TILDE = 126;
const CARET = 94;

const cache = new ParseCache<Evr | null>();

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** rpm reads an epoch only from leading digits followed by ":"; an empty epoch counts as 0. */
function parse(v: string): Evr | null {
  if (v.length === 0 || v.length > MAX_VERSION_LENGTH || !isPrintableAscii(v)) return null;
  let p = 0;
  while (p < v.length && isDigitCode(v.charCodeAt(p))) p++;
  const hasEpoch = p < v.length && v.charCodeAt(p) === 58;
  const start = hasEpoch ? p + 1 : 0;
  const epoch = hasEpoch && p > 0 ? v.slice(0, p) : "0";
  const hyphen = v.lastIndexOf("-");
  const version = hyphen >= start ? v.slice(start, hyphen) : v.slice(start);
  const release = hyphen >= start ? v.slice(hyphen + 1) : null;
  if (version.length === 0 || release === "") return null;
  return { epoch, version, release };
}

function parsed(v: string): Evr {
  const p = cache.get(v, parse);
  if (p === null) throw invalidVersion("rpm", v);
  return p;
}

/**
 * rpmvercmp: separators (anything but letters, digits, "~" and "^") only split segments; digit
 * segments compare as numbers and beat letter segments; the version with segments left over wins.
 */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la || j < lb) {
    while (i < la && isSeparator(a.charCodeAt(i))) i++;
    while (j < lb && isSeparator(b.charCodeAt(j))) j++;
    const ca = i < la ? a.charCodeAt(i) : 0;
    const cb = j < lb ? b.charCodeAt(j) : 0;
    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    if (ca === CARET || cb === CARET) {
      if (i >= la) return -1;
      if (j >= lb) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    if (i >= la || j >= lb) break;
    const si = i;
    const sj = j;
    const numeric = isDigitCode(ca);
    const inSegment = numeric ? isDigitCode : isAlpha;
    while (i < la && inSegment(a.charCodeAt(i))) i++;
    while (j < lb && inSegment(b.charCodeAt(j))) j++;
    // a digit segment against a letter segment: digits are newer
    if (sj === j) return numeric ? 1 : -1;
    let x = si;
    let y = sj;
    if (numeric) {
      while (x < i && a.charCodeAt(x) === 48) x++;
      while (y < j && b.charCodeAt(y) === 48) y++;
      if (i - x !== j - y) return i - x > j - y ? 1 : -1;
    }
    for (; x < i && y < j; x++, y++) {
      const d = a.charCodeAt(x) - b.charCodeAt(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    if (x < i) return 1;
    if (y < j) return -1;
  }
  if (i >= la && j >= lb) return 0;
  return i < la ? 1 : -1;
}

function isSeparator(c: number): boolean {
  return !isDigitCode(c) && !isAlpha(c) && c !== TILDE && c !== CARET;
}

export const rpmScheme: VersionScheme = {
  name: "rpm",
  compare(a, b) {
    const x = parsed(a);
    const y = parsed(b);
    const r = rpmvercmp(x.epoch, y.epoch) || rpmvercmp(x.version, y.version);
    if (r !== 0) return r;
    if (x.release === null || y.release === null) {
      return x.release === y.release ? 0 : x.release === null ? -1 : 1;
    }
    return rpmvercmp(x.release, y.release);
  },
  isValid(v) {
    return cache.get(v, parse) !== null;
  },
};
