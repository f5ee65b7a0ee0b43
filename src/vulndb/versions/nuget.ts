// NuGet versions: SemVer 2.0 with up to four numbers (1.2.3.4; missing ones are 0, so 1.0 = 1.0.0.0)
// and pre-release labels compared without regard to case (1.0.0-Beta = 1.0.0-beta), numeric labels
// as numbers and before alphanumeric ones. Build metadata does not take part in the order.
// Hand-written because `semver` knows neither the fourth number nor case-insensitive labels.
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, ParseCache, compareDigits, compareIdentifiers, invalidVersion } from "./common.js";

const NUGET = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

interface NugetVersion {
  numbers: string[];
  labels: string[];
}

const cache = new ParseCache<NugetVersion | null>();

function read(v: string): NugetVersion | null {
  if (v.length > MAX_VERSION_LENGTH) return null;
  const m = NUGET.exec(v);
  if (m === null) return null;
  return { numbers: [m[1]!, m[2] ?? "0", m[3] ?? "0", m[4] ?? "0"], labels: m[5] === undefined ? [] : m[5].split(".") };
}

function parsed(v: string): NugetVersion {
  const p = cache.get(v, read);
  if (p === null) throw invalidVersion("nuget", v);
  return p;
}

export const nugetScheme: VersionScheme = {
  name: "nuget",
  compare(a, b) {
    const x = parsed(a);
    const y = parsed(b);
    for (let k = 0; k < 4; k++) {
      const r = compareDigits(x.numbers[k]!, y.numbers[k]!);
      if (r !== 0) return r;
    }
    // a release sorts after all its pre-releases
    if (x.labels.length === 0 || y.labels.length === 0) {
      return x.labels.length === y.labels.length ? 0 : x.labels.length === 0 ? 1 : -1;
    }
    return compareIdentifiers(x.labels, y.labels, true);
  },
  isValid(v) {
    return cache.get(v, read) !== null;
  },
};
