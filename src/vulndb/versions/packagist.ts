// Packagist (Composer) versions, after Composer's normalisation: an optional "v", one to four
// numbers (missing ones are 0), an optional stability with its numbers (dev < alpha = a < beta = b <
// RC < stable < patch = pl = p), and an optional "-dev" that sorts a build before the release it
// leads to; build metadata ("+...") is dropped, as Composer drops it.
// Hand-written: Composer compares normalised versions with PHP's version_compare, which is not a
// total order on arbitrary strings; this is that order on the versions Composer itself accepts.
// Branch names ("dev-main", "1.x-dev") name no point in the order and are not valid here.
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, ParseCache, compareDigits, invalidVersion } from "./common.js";

// Linear-time: every repetition is anchored on a separator, so a hostile string cannot make it backtrack.
const COMPOSER =
  /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:[._-]?(stable|beta|b|rc|alpha|a|patch|pl|p)([.-]?\d+(?:[.-]\d+)*)?)?(?:[.-]?(dev))?(?:\+[0-9A-Za-z.-]*)?$/i;

const STABILITY: Readonly<Record<string, number>> = {
  dev: 0,
  alpha: 1,
  a: 1,
  beta: 2,
  b: 2,
  rc: 3,
  stable: 4,
  patch: 5,
  pl: 5,
  p: 5,
};
const STABLE = 4;

interface ComposerVersion {
  numbers: string[];
  stability: number;
  /** Numbers after the stability ("beta2.1" gives 2, 1). */
  stabilityNumbers: string[];
  /** "-dev" after a stability: the development build leading to it. */
  dev: boolean;
}

const cache = new ParseCache<ComposerVersion | null>();

function read(v: string): ComposerVersion | null {
  if (v.length > MAX_VERSION_LENGTH) return null;
  const m = COMPOSER.exec(v);
  if (m === null) return null;
  const numbers = [m[1]!, m[2] ?? "0", m[3] ?? "0", m[4] ?? "0"];
  const named = m[5]?.toLowerCase();
  const dev = m[7] !== undefined;
  if (named === undefined || named === "stable") {
    // "1.0-dev" is Composer's dev stability itself; "stable" is no suffix at all
    return dev
      ? { numbers, stability: STABILITY.dev!, stabilityNumbers: [], dev: false }
      : { numbers, stability: STABLE, stabilityNumbers: [], dev: false };
  }
  const stabilityNumbers = (m[6] ?? "").split(/[.-]/).filter((s) => s !== "");
  return { numbers, stability: STABILITY[named]!, stabilityNumbers, dev };
}

function parsed(v: string): ComposerVersion {
  const p = cache.get(v, read);
  if (p === null) throw invalidVersion("packagist", v);
  return p;
}

export const packagistScheme: VersionScheme = {
  name: "packagist",
  compare(a, b) {
    const x = parsed(a);
    const y = parsed(b);
    for (let k = 0; k < 4; k++) {
      const r = compareDigits(x.numbers[k]!, y.numbers[k]!);
      if (r !== 0) return r;
    }
    if (x.stability !== y.stability) return x.stability < y.stability ? -1 : 1;
    const n = Math.min(x.stabilityNumbers.length, y.stabilityNumbers.length);
    for (let k = 0; k < n; k++) {
      const r = compareDigits(x.stabilityNumbers[k]!, y.stabilityNumbers[k]!);
      if (r !== 0) return r;
    }
    if (x.stabilityNumbers.length !== y.stabilityNumbers.length) {
      return x.stabilityNumbers.length < y.stabilityNumbers.length ? -1 : 1;
    }
    return x.dev === y.dev ? 0 : x.dev ? -1 : 1;
  },
  isValid(v) {
    return cache.get(v, read) !== null;
  },
};
