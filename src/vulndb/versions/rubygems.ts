// RubyGems versions, ordered as Gem::Version orders them, through `@renovatebot/ruby-semver`:
// segments split at dots and letter/digit changes, a segment with letters makes a pre-release
// (1.0.a < 1.0), and trailing zeros do not count (1.0 = 1.0.0).
import { Version, create } from "@renovatebot/ruby-semver/dist/ruby/version.js";
import type { VersionScheme } from "../types.js";
import { MAX_VERSION_LENGTH, ParseCache, invalidVersion } from "./common.js";

const cache = new ParseCache<Version | null>();

/** Gem::Version reads "" and blanks as "0"; a version field that empty is not a version here. */
function read(v: string): Version | null {
  if (v.trim().length === 0 || v.length > MAX_VERSION_LENGTH || v !== v.trim()) return null;
  return Version.isCorrect(v) ? create(v) : null;
}

function parsed(v: string): Version {
  const p = cache.get(v, read);
  if (p === null) throw invalidVersion("rubygems", v);
  return p;
}

export const rubygemsScheme: VersionScheme = {
  name: "rubygems",
  compare(a, b) {
    const r = parsed(a).compare(parsed(b));
    return r < 0 ? -1 : r > 0 ? 1 : 0;
  },
  isValid(v) {
    return cache.get(v, read) !== null;
  },
};
