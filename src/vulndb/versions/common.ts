// Small pieces every version ordering shares: the error for a version a scheme cannot order,
// a bounded parse cache, and comparison of digit runs of any length.
import { InputError } from "../../core/errors.js";

/**
 * Every scheme's compare() throws this for a string its isValid() rejects: the matcher calls
 * isValid first and counts what it skips, so reaching here means a caller skipped that check.
 */
export function invalidVersion(scheme: string, version: string): InputError {
  const shown = version.length > 80 ? `${version.slice(0, 80)}...` : version;
  return new InputError(`${JSON.stringify(shown)} is not a valid ${scheme} version`);
}

/** Longest version string any scheme accepts: a bound on the work one hostile string can cause. */
export const MAX_VERSION_LENGTH = 256;

/**
 * Parsed versions by their text. Matching compares one installed version with every range bound of
 * every advisory for it, so the same few strings are parsed again and again; the map is dropped
 * whole when full, which keeps it bounded without the bookkeeping of a true LRU.
 */
export class ParseCache<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly limit = 4096) {}

  get(key: string, parse: (key: string) => T): T {
    let v = this.map.get(key);
    if (v === undefined && !this.map.has(key)) {
      v = parse(key);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, v);
    }
    return v as T;
  }
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Printable ASCII without spaces: what every packaging tool here writes in a version field. */
export function isPrintableAscii(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/**
 * Compares two runs of ASCII digits as numbers of any size, leading zeros ignored: version
 * components such as dates or build counters can overflow a double, and then `Number` would tie them.
 */
export function compareDigits(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length - 1 && a.charCodeAt(i) === 48) i++;
  while (j < b.length - 1 && b.charCodeAt(j) === 48) j++;
  const la = a.length - i;
  const lb = b.length - j;
  if (la !== lb) return la < lb ? -1 : 1;
  for (; i < a.length; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Plain code-unit order, as C's strcmp and Java's compareTo give on ASCII. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * SemVer-style identifier lists (pre-release or build labels): numeric identifiers compare as
 * numbers and before alphanumeric ones, and a list that is a prefix of another comes first.
 */
export function compareIdentifiers(a: readonly string[], b: readonly string[], foldCase = false): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a[k]!;
    const y = b[k]!;
    const xn = isAllDigits(x);
    const yn = isAllDigits(y);
    let r: number;
    if (xn && yn) r = compareDigits(x, y);
    else if (xn) r = -1;
    else if (yn) r = 1;
    else r = foldCase ? compareStrings(x.toUpperCase(), y.toUpperCase()) : compareStrings(x, y);
    if (r !== 0) return r;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}
