// Dart pub versions, ordered as pub_semver's Version.compareTo: SemVer precedence, and then, unlike
// SemVer, build metadata too: a version without build sorts before the same version with one, and
// builds compare like pre-release labels (1.0.0 < 1.0.0+1 < 1.0.0+2 < 1.0.0+a). Numbers may have
// leading zeros, as pub's parser allows. Hand-written: `semver` ignores build metadata.
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, ParseCache, compareDigits, compareIdentifiers, invalidVersion } from "./common.js";

const PUB = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

interface PubVersion {
  numbers: [string, string, string];
  pre: string[];
  build: string[];
}

const cache = new ParseCache<PubVersion | null>();

function read(v: string): PubVersion | null {
  if (v.length > MAX_VERSION_LENGTH) return null;
  const m = PUB.exec(v);
  if (m === null) return null;
  return {
    numbers: [m[1]!, m[2]!, m[3]!],
    pre: m[4] === undefined ? [] : m[4].split("."),
    build: m[5] === undefined ? [] : m[5].split("."),
  };
}

function parsed(v: string): PubVersion {
  const p = cache.get(v, read);
  if (p === null) throw invalidVersion("pub", v);
  return p;
}

export const pubScheme: VersionScheme = {
  name: "pub",
  compare(a, b) {
    const x = parsed(a);
    const y = parsed(b);
    for (let k = 0; k < 3; k++) {
      const r = compareDigits(x.numbers[k]!, y.numbers[k]!);
      if (r !== 0) return r;
    }
    if (x.pre.length === 0 || y.pre.length === 0) {
      if (x.pre.length !== y.pre.length) return x.pre.length === 0 ? 1 : -1;
    } else {
      const r = compareIdentifiers(x.pre, y.pre);
      if (r !== 0) return r;
    }
    return compareIdentifiers(x.build, y.build);
  },
  isValid(v) {
    return cache.get(v, read) !== null;
  },
};
