// Which version ordering an OSV ecosystem uses. Ecosystem names are OSV's ("Debian:12",
// "Ubuntu:22.04:LTS", "Alpine:v3.20", "npm", ...): the part after the first ":" names a release and
// does not change the ordering. "SEMVER" is OSV's range type, ordered by SemVer whatever the ecosystem.
//
// Invalid input: every scheme's compare() throws an InputError ("... is not a valid dpkg version")
// for a string its isValid() refuses, rather than guessing a place for it; callers check isValid first.
import type { VersionScheme } from "../types.js";
import { InputError } from "../../core/errors.js";
import { apkScheme } from "./apk.js";
import { dpkgScheme } from "./dpkg.js";
import { goScheme } from "./go.js";
import { hexScheme } from "./hex.js";
import { mavenScheme } from "./maven.js";
import { nugetScheme } from "./nuget.js";
import { packagistScheme } from "./packagist.js";
import { pep440Scheme } from "./pep440.js";
import { pubScheme } from "./pub.js";
import { rpmScheme } from "./rpm.js";
import { rubygemsScheme } from "./rubygems.js";
import { semverScheme } from "./semver.js";

export { apkScheme, dpkgScheme, goScheme, hexScheme, mavenScheme, nugetScheme, packagistScheme, pep440Scheme, pubScheme, rpmScheme, rubygemsScheme, semverScheme };

/** Every ordering, once each. */
export const SCHEMES: readonly VersionScheme[] = [
  dpkgScheme,
  rpmScheme,
  apkScheme,
  semverScheme,
  goScheme,
  pep440Scheme,
  mavenScheme,
  rubygemsScheme,
  nugetScheme,
  packagistScheme,
  hexScheme,
  pubScheme,
];

/** OSV ecosystem (without its release suffix) to ordering. */
const BY_ECOSYSTEM: Readonly<Record<string, VersionScheme>> = {
  Debian: dpkgScheme,
  Ubuntu: dpkgScheme,
  Alpine: apkScheme,
  Wolfi: apkScheme,
  Chainguard: apkScheme,
  Alpaquita: apkScheme,
  "BellSoft Hardened Containers": apkScheme,
  MinimOS: apkScheme,
  "Red Hat": rpmScheme,
  AlmaLinux: rpmScheme,
  "Rocky Linux": rpmScheme,
  SUSE: rpmScheme,
  openSUSE: rpmScheme,
  Mageia: rpmScheme,
  openEuler: rpmScheme,
  "Photon OS": rpmScheme,
  "Azure Linux": rpmScheme,
  Mariner: rpmScheme,
  "Oracle Linux": rpmScheme,
  CentOS: rpmScheme,
  Fedora: rpmScheme,
  npm: semverScheme,
  "crates.io": semverScheme,
  Bitnami: semverScheme,
  SEMVER: semverScheme,
  Go: goScheme,
  PyPI: pep440Scheme,
  Maven: mavenScheme,
  RubyGems: rubygemsScheme,
  NuGet: nugetScheme,
  Packagist: packagistScheme,
  Hex: hexScheme,
  Pub: pubScheme,
};

/** The same table by lower-case name, for callers holding a purl type's or a user's spelling. */
const BY_LOWER_CASE = new Map(Object.entries(BY_ECOSYSTEM).map(([k, v]) => [k.toLowerCase(), v]));

/** The ordering of an OSV ecosystem ("Debian:12" → dpkg), or undefined for one without a known ordering. */
export function schemeFor(ecosystem: string): VersionScheme | undefined {
  const colon = ecosystem.indexOf(":");
  const base = (colon >= 0 ? ecosystem.slice(0, colon) : ecosystem).trim();
  if (Object.hasOwn(BY_ECOSYSTEM, base)) return BY_ECOSYSTEM[base];
  return BY_LOWER_CASE.get(base.toLowerCase());
}

/**
 * Compares two versions of one ecosystem. Throws InputError for an ecosystem without an ordering
 * and for a version its ordering cannot read (see VersionScheme.isValid).
 */
export function compareVersions(ecosystem: string, a: string, b: string): number {
  const scheme = schemeFor(ecosystem);
  if (scheme === undefined) throw new InputError(`no version ordering is known for the ecosystem ${JSON.stringify(ecosystem)}`);
  return scheme.compare(a, b);
}
