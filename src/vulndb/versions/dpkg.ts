// Debian and Ubuntu version ordering: [epoch:]upstream[-revision], compared as
// `dpkg --compare-versions` does (deb-version(5)). Hand-written because no maintained npm package
// follows dpkg exactly (tilde sorting before the end of the string, letters before every other
// character, digit runs of any length), and because the matcher runs it in its hottest loop.
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, invalidVersion, isDigitCode, isPrintableAscii } from "./common.js";

const MAX_EPOCH = 2147483647; // dpkg rejects epochs above INT_MAX

/**
 * False where dpkg reports an error (empty parts, a bad epoch, an empty revision). Versions dpkg only
 * warns about (not starting with a digit, unusual characters) are accepted: dpkg still orders them.
 * Whitespace and non-ASCII are refused, as no Debian tool writes them.
 */
function isDebianVersion(v: string): boolean {
  if (v.length === 0 || v.length > MAX_VERSION_LENGTH || !isPrintableAscii(v)) return false;
  const colon = v.indexOf(":");
  if (colon >= 0) {
    if (colon === 0 || colon === v.length - 1) return false;
    for (let i = 0; i < colon; i++) if (!isDigitCode(v.charCodeAt(i))) return false;
    if (epochOf(v, colon) > MAX_EPOCH) return false;
  }
  const start = colon + 1;
  const hyphen = v.lastIndexOf("-");
  if (hyphen < start) return true;
  return hyphen > start && hyphen < v.length - 1;
}

function epochOf(v: string, colon: number): number {
  let e = 0;
  for (let i = 0; i < colon; i++) e = e * 10 + v.charCodeAt(i) - 48;
  return e;
}

/** dpkg's weight of a non-digit character; 0 stands for the end of the string. */
function weight(c: number): number {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return c;
  if (c === 126) return -1; // "~" sorts before everything, even the end
  if (c === 0) return 0;
  return c + 256;
}

/**
 * One upstream or revision part, a[i..la) against b[j..lb): alternating non-digit runs (by weight) and
 * digit runs (as numbers). Works on index ranges so that a comparison allocates nothing.
 */
function compareDebianPart(a: string, i: number, la: number, b: string, j: number, lb: number): number {
  while (i < la || j < lb) {
    for (;;) {
      const ca = i < la ? a.charCodeAt(i) : 0;
      const cb = j < lb ? b.charCodeAt(j) : 0;
      const aText = ca !== 0 && !isDigitCode(ca);
      const bText = cb !== 0 && !isDigitCode(cb);
      if (!aText && !bText) break;
      const wa = aText ? weight(ca) : 0;
      const wb = bText ? weight(cb) : 0;
      if (wa !== wb) return wa < wb ? -1 : 1;
      i++;
      j++;
    }
    while (i < la && a.charCodeAt(i) === 48) i++;
    while (j < lb && b.charCodeAt(j) === 48) j++;
    let firstDiff = 0;
    while (i < la && j < lb) {
      const ca = a.charCodeAt(i);
      const cb = b.charCodeAt(j);
      if (!isDigitCode(ca) || !isDigitCode(cb)) break;
      if (firstDiff === 0) firstDiff = ca - cb;
      i++;
      j++;
    }
    if (i < la && isDigitCode(a.charCodeAt(i))) return 1;
    if (j < lb && isDigitCode(b.charCodeAt(j))) return -1;
    if (firstDiff !== 0) return firstDiff < 0 ? -1 : 1;
  }
  return 0;
}

export const dpkgScheme: VersionScheme = {
  name: "dpkg",
  compare(a, b) {
    if (!isDebianVersion(a)) throw invalidVersion("dpkg", a);
    if (!isDebianVersion(b)) throw invalidVersion("dpkg", b);
    const ca = a.indexOf(":");
    const cb = b.indexOf(":");
    const ea = ca < 0 ? 0 : epochOf(a, ca);
    const eb = cb < 0 ? 0 : epochOf(b, cb);
    if (ea !== eb) return ea < eb ? -1 : 1;
    // the revision follows the last hyphen; without one it is empty, which orders like "0"
    let ha = a.lastIndexOf("-");
    let hb = b.lastIndexOf("-");
    if (ha <= ca) ha = a.length;
    if (hb <= cb) hb = b.length;
    return (
      compareDebianPart(a, ca + 1, ha, b, cb + 1, hb) ||
      compareDebianPart(a, Math.min(ha + 1, a.length), a.length, b, Math.min(hb + 1, b.length), b.length)
    );
  },
  isValid: isDebianVersion,
};
