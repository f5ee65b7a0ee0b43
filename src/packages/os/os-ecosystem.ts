// The OSV ecosystem a distribution's advisories are filed under, from what os-release says. The
// release part follows the spellings src/vulndb/distro.ts resolves: "Debian:12", "Ubuntu:22.04"
// (the matcher adds ":LTS"), "Alpine:v3.20", "AlmaLinux:9", "Red Hat:enterprise_linux:9.4" (the
// matcher asks every stream of RHEL 9). Distributions OSV scopes by product name take it from
// PRETTY_NAME ("SUSE:Linux Enterprise Server 15 SP6", "openSUSE:Leap 15.6").

/** What the ecosystem is decided from: os-release fields, lower-cased ID. */
export interface OsFacts {
  id: string;
  versionId: string;
  codename?: string;
  prettyName?: string;
  /** os-release VERSION, e.g. "22.03 (LTS-SP3)" for openEuler. */
  version?: string;
}

// Debian testing and unstable have no VERSION_ID: the codename names the release to come.
export const DEBIAN_CODENAMES: Readonly<Record<string, string>> = {
  jessie: "8",
  stretch: "9",
  buster: "10",
  bullseye: "11",
  bookworm: "12",
  trixie: "13",
  forky: "14",
  duke: "15",
};

const major = (v: string): string | undefined => /^\d+/.exec(v)?.[0];
const majorMinor = (v: string): string | undefined => /^\d+\.\d+/.exec(v)?.[0];

function withRelease(family: string, release: string | undefined): string {
  return release === undefined ? family : `${family}:${release}`;
}

/** "SUSE Linux Enterprise Server 15 SP6" → "SUSE:Linux Enterprise Server 15 SP6". */
function productName(family: string, facts: OsFacts): string {
  const pretty = facts.prettyName?.trim() ?? "";
  return pretty.startsWith(`${family} `) ? `${family}:${pretty.slice(family.length + 1)}` : family;
}

type Rule = (facts: OsFacts) => string | undefined;

const debian: Rule = (f) => withRelease("Debian", major(f.versionId) ?? (f.codename ? DEBIAN_CODENAMES[f.codename.toLowerCase()] : undefined));

/** By os-release ID. Distributions OSV has no advisories for (CentOS, Fedora, Amazon Linux, Oracle Linux) are absent. */
const RULES: Readonly<Record<string, Rule>> = {
  debian,
  ubuntu: (f) => withRelease("Ubuntu", majorMinor(f.versionId)),
  alpine: (f) => withRelease("Alpine", mapDefined(majorMinor(f.versionId), (r) => `v${r}`)),
  wolfi: () => "Wolfi",
  chainguard: () => "Chainguard",
  almalinux: (f) => withRelease("AlmaLinux", major(f.versionId)),
  rocky: (f) => withRelease("Rocky Linux", major(f.versionId)),
  // Red Hat scopes releases by CPE stream ("Red Hat:enterprise_linux:9::appstream"), which the
  // rpm database does not record per package: the package's ecosystem names the release as a CPE
  // would ("Red Hat:enterprise_linux:9.4"; RHEL 10's streams are exactly that) and the matcher asks
  // every stream of the major release (src/vulndb/redhat.ts). UBI images say ID=rhel too. CentOS
  // Stream has no OSV ecosystem and its builds are not RHEL's: it stays unmatched.
  rhel: (f) => withRelease("Red Hat", mapDefined(majorMinor(f.versionId) ?? major(f.versionId), (r) => `enterprise_linux:${r}`)),
  sles: (f) => productName("SUSE", f),
  sled: (f) => productName("SUSE", f),
  "sle-micro": (f) => productName("SUSE", f),
  "sle_hpc": (f) => productName("SUSE", f),
  "opensuse-leap": (f) => productName("openSUSE", f),
  "opensuse-leap-micro": (f) => productName("openSUSE", f),
  "opensuse-tumbleweed": () => "openSUSE:Tumbleweed",
  opensuse: (f) => productName("openSUSE", f),
  photon: (f) => withRelease("Photon OS", majorMinor(f.versionId)),
  mageia: (f) => withRelease("Mageia", major(f.versionId)),
  // VERSION="22.03 (LTS-SP3)" → "openEuler:22.03-LTS-SP3".
  openeuler: (f) => {
    const m = /^(\d+\.\d+)\s*(?:\(([^)]*)\))?/.exec(f.version ?? f.versionId);
    if (!m?.[1]) return "openEuler";
    return `openEuler:${m[1]}${m[2] ? `-${m[2].trim().replace(/\s+/g, "-")}` : ""}`;
  },
};

function mapDefined<T, U>(v: T | undefined, f: (v: T) => U): U | undefined {
  return v === undefined ? undefined : f(v);
}

/** The OSV ecosystem for an OS, or undefined when OSV has none for it. */
export function osvEcosystem(facts: OsFacts): string | undefined {
  return RULES[facts.id.toLowerCase()]?.(facts);
}
