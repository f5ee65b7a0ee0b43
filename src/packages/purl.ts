// Package URLs (https://github.com/package-url/purl-spec) to and from Mamori packages. The purl type
// and, for OS packages, its namespace and `distro` qualifier decide the OSV ecosystem (with the
// release OSV scopes distribution advisories by); the `upstream` qualifier names the source package
// that distribution advisories are keyed by.
import { PackageURL } from "packageurl-js";
import type { Package } from "./types.js";

/** Language ecosystems: how a purl's namespace and name join into the OSV package name. */
interface LanguageType {
  type: string;
  ecosystem: string;
  /** Separator between namespace and name in the OSV name; none: the namespace is not part of it. */
  join?: "/" | ":";
}

const LANGUAGES: readonly LanguageType[] = [
  { type: "npm", ecosystem: "npm", join: "/" }, // @scope/name
  { type: "pypi", ecosystem: "PyPI" },
  { type: "golang", ecosystem: "Go", join: "/" }, // the module path
  { type: "cargo", ecosystem: "crates.io" },
  { type: "maven", ecosystem: "Maven", join: ":" }, // groupId:artifactId
  { type: "gem", ecosystem: "RubyGems" },
  { type: "nuget", ecosystem: "NuGet" },
  { type: "composer", ecosystem: "Packagist", join: "/" }, // vendor/name
  { type: "hex", ecosystem: "Hex" },
  { type: "pub", ecosystem: "Pub" },
];

/** Distributions: purl type and namespaces, OSV ecosystem, and how the release is written there. */
interface OsFamily {
  type: "deb" | "apk" | "rpm";
  /** Namespaces SBOM tools write; the first is the one purlFor writes. */
  namespaces: readonly string[];
  ecosystem: string;
  /** The OSV release suffix from a numeric distro version; absent where OSV scopes otherwise (CPE, product name). */
  release?: (version: string) => string | undefined;
  /** Release names used instead of numbers in `distro` (purl-spec examples use `distro=jessie`). */
  codenames?: Readonly<Record<string, string>>;
  /** Prefix of the `distro` qualifier purlFor writes, as Syft does: `debian-12`, `alpine-3.20`. */
  distroPrefix?: string;
}

const DEBIAN_CODENAMES = { wheezy: "7", jessie: "8", stretch: "9", buster: "10", bullseye: "11", bookworm: "12", trixie: "13", forky: "14" };
const UBUNTU_CODENAMES = {
  trusty: "14.04", xenial: "16.04", bionic: "18.04", focal: "20.04", jammy: "22.04", kinetic: "22.10",
  lunar: "23.04", mantic: "23.10", noble: "24.04", oracular: "24.10", plucky: "25.04", questing: "25.10",
};

const major = (v: string): string | undefined => /^\d+/.exec(v)?.[0];
const majorMinor = (v: string): string | undefined => /^\d+\.\d+/.exec(v)?.[0];

const OS_FAMILIES: readonly OsFamily[] = [
  { type: "deb", namespaces: ["debian"], ecosystem: "Debian", release: major, codenames: DEBIAN_CODENAMES, distroPrefix: "debian" },
  // OSV writes LTS releases as "Ubuntu:22.04:LTS"; Mamori's Package keeps "Ubuntu:22.04" and the matcher resolves it.
  { type: "deb", namespaces: ["ubuntu"], ecosystem: "Ubuntu", release: majorMinor, codenames: UBUNTU_CODENAMES, distroPrefix: "ubuntu" },
  { type: "apk", namespaces: ["alpine"], ecosystem: "Alpine", release: (v) => mapDefined(majorMinor(v), (r) => `v${r}`), distroPrefix: "alpine" },
  { type: "apk", namespaces: ["wolfi"], ecosystem: "Wolfi" },
  { type: "apk", namespaces: ["chainguard"], ecosystem: "Chainguard" },
  // Red Hat scopes by product CPE, SUSE and openSUSE by product name: neither is in a purl.
  { type: "rpm", namespaces: ["redhat", "rhel"], ecosystem: "Red Hat" },
  { type: "rpm", namespaces: ["almalinux", "alma"], ecosystem: "AlmaLinux", release: major, distroPrefix: "almalinux" },
  { type: "rpm", namespaces: ["rocky", "rockylinux", "rocky-linux"], ecosystem: "Rocky Linux", release: major, distroPrefix: "rocky" },
  { type: "rpm", namespaces: ["suse", "sles", "sle"], ecosystem: "SUSE" },
  { type: "rpm", namespaces: ["opensuse", "opensuse-leap", "opensuse.leap", "opensuse-tumbleweed", "opensuse.tumbleweed"], ecosystem: "openSUSE" },
];

function mapDefined<T, U>(v: T | undefined, f: (v: T) => U): U | undefined {
  return v === undefined ? undefined : f(v);
}

/** The operating system an SBOM describes, for purls that carry no `distro` qualifier. */
export interface OsHint {
  /** os-release ID or the SBOM's operating-system component name: "debian", "alpine", "rocky". */
  id: string;
  version: string;
}

/** Why a purl gives no package, for the reader's counted warnings. */
export type PurlProblem = { problem: string };

/** Reads a purl into a package, or says why it cannot be one. */
export function resolvePurl(purl: string, os?: OsHint): Package | PurlProblem {
  let p: PackageURL;
  try {
    p = PackageURL.fromString(purl);
  } catch {
    return { problem: "not a valid purl" };
  }
  if (!p.version) return { problem: "purl has no version" };
  const language = LANGUAGES.find((l) => l.type === p.type);
  if (language) {
    let name = language.join && p.namespace ? `${p.namespace}${language.join}${p.name}` : p.name;
    if (p.type === "pypi") name = pep503(name);
    return { name, version: p.version, ecosystem: language.ecosystem, purl };
  }
  const namespace = p.namespace ?? "";
  const family = OS_FAMILIES.find((f) => f.type === p.type && f.namespaces.includes(namespace));
  if (!family) {
    const known = OS_FAMILIES.some((f) => f.type === p.type);
    return { problem: known ? `purl namespace "${short(namespace)}" of type ${p.type} is not supported` : `purl type "${short(p.type)}" is not supported` };
  }
  const q = p.qualifiers ?? {};
  const version = withEpoch(p.version, q.epoch);
  const pkg: Package = { name: p.name, version, ecosystem: osEcosystem(family, q.distro, os), purl };
  const source = q.upstream ? upstreamSource(q.upstream, family.type, version, q.epoch) : undefined;
  if (source) pkg.source = source;
  return pkg;
}

/** Purl parts quoted in warnings come from the scanned document: keep them short. */
function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}

/** The package a purl names, or undefined for purls of types and distributions OSV has no ecosystem for. */
export function packageFromPurl(purl: string, os?: OsHint): Package | undefined {
  const r = resolvePurl(purl, os);
  return "problem" in r ? undefined : r;
}

/** PyPI names as OSV records them: PEP 503 normalized (case-insensitive, runs of -, _ and . are one separator). */
export function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** Epoch from the `epoch` qualifier (Syft, Trivy) into the version, where dpkg and rpm compare it. */
function withEpoch(version: string, epoch: string | undefined): string {
  if (!epoch || epoch === "0" || version.includes(":")) return version;
  return `${epoch}:${version}`;
}

function osEcosystem(family: OsFamily, distro: string | undefined, os: OsHint | undefined): string {
  if (!family.release) return family.ecosystem;
  let value = distro;
  if (value === undefined && os && (family.namespaces.includes(os.id) || family.distroPrefix === os.id)) value = os.version;
  const release = value === undefined ? undefined : releaseOf(family, value);
  return release === undefined ? family.ecosystem : `${family.ecosystem}:${release}`;
}

/** `debian-12.4`, `12`, `bookworm`, `alpine-3.20.3`, `3.20.3`, `rocky-9.3` → the family's release. */
function releaseOf(family: OsFamily, distro: string): string | undefined {
  const lower = distro.toLowerCase();
  const codename = family.codenames?.[lower];
  if (codename !== undefined) return family.release?.(codename);
  const digits = /\d+(?:\.\d+)*/.exec(lower)?.[0];
  return digits === undefined ? undefined : family.release?.(digits);
}

/**
 * The source package from the `upstream` qualifier: `openssl` or `openssl@3.0.11-1` for deb and apk
 * (Syft writes the version only when it differs from the binary's), `openssl-3.0.7-27.el9.src.rpm`
 * for rpm. A source RPM file name carries no epoch: the binary's epoch is the source's.
 */
function upstreamSource(
  upstream: string,
  type: OsFamily["type"],
  binaryVersion: string,
  epoch: string | undefined,
): { name: string; version: string } | undefined {
  if (type === "rpm") {
    const srpm = sourceRpm(upstream);
    if (srpm) return { name: srpm.name, version: withEpoch(srpm.version, epoch) };
  }
  const at = upstream.indexOf("@");
  if (at === 0) return undefined;
  if (at < 0) return { name: upstream, version: binaryVersion };
  return { name: upstream.slice(0, at), version: upstream.slice(at + 1) || binaryVersion };
}

/** `name-version-release.src.rpm` split without a regular expression: qualifiers may be long and hostile. */
export function sourceRpm(file: string): { name: string; version: string } | undefined {
  const suffix = [".src.rpm", ".nosrc.rpm"].find((s) => file.endsWith(s));
  if (!suffix) return undefined;
  const nvr = file.slice(0, -suffix.length);
  const releaseDash = nvr.lastIndexOf("-");
  const versionDash = releaseDash > 0 ? nvr.lastIndexOf("-", releaseDash - 1) : -1;
  if (versionDash <= 0 || releaseDash === nvr.length - 1 || releaseDash - versionDash < 2) return undefined;
  return { name: nvr.slice(0, versionDash), version: nvr.slice(versionDash + 1) };
}

/** What purlFor needs of a package. */
export interface PurlInput {
  name: string;
  version: string;
  ecosystem: string;
  source?: { name: string; version: string };
}

/**
 * The purl of a package, in the form Syft writes (`distro` and `upstream` qualifiers, rpm epoch as a
 * qualifier). Ecosystems without a purl type give `pkg:generic/<name>@<version>`.
 */
/**
 * packageurl-js 2.0 throws a ReferenceError (a bug in its golang version check) for Go versions
 * such as "v1.0": such a version is then appended percent-encoded, as the purl spec writes it.
 */
function languagePurl(type: string, namespace: string | undefined, name: string, version: string): string {
  try {
    return new PackageURL(type, namespace, name, version).toString();
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    return `${new PackageURL(type, namespace, name, undefined).toString()}@${encodeURIComponent(version)}`;
  }
}

export function purlFor(pkg: PurlInput): string {
  const colon = pkg.ecosystem.indexOf(":");
  const base = colon < 0 ? pkg.ecosystem : pkg.ecosystem.slice(0, colon);
  const release = colon < 0 ? undefined : pkg.ecosystem.slice(colon + 1);
  const language = LANGUAGES.find((l) => l.ecosystem === base);
  if (language) {
    const [namespace, name] = splitName(pkg.name, language.join);
    return languagePurl(language.type, namespace, name, pkg.version);
  }
  const family = OS_FAMILIES.find((f) => f.ecosystem === base);
  if (!family) return new PackageURL("generic", undefined, pkg.name, pkg.version).toString();
  const qualifiers: Record<string, string> = {};
  let version = pkg.version;
  if (family.type === "rpm") {
    const m = /^(\d+):(.*)$/.exec(version);
    if (m) {
      version = m[2] ?? "";
      if (m[1] !== "0") qualifiers.epoch = m[1] ?? "";
    }
  }
  const source = pkg.source;
  if (source && (source.name !== pkg.name || source.version !== pkg.version)) qualifiers.upstream = upstreamQualifier(family.type, source, pkg.version);
  if (release && family.distroPrefix) qualifiers.distro = `${family.distroPrefix}-${release.replace(/^v/, "")}`;
  return new PackageURL(family.type, family.namespaces[0], pkg.name, version, qualifiers).toString();
}

function upstreamQualifier(type: OsFamily["type"], source: { name: string; version: string }, binaryVersion: string): string {
  if (type === "rpm") return `${source.name}-${source.version.replace(/^\d+:/, "")}.src.rpm`;
  return source.version === binaryVersion ? source.name : `${source.name}@${source.version}`;
}

function splitName(name: string, join: LanguageType["join"]): [string | undefined, string] {
  if (!join) return [undefined, name];
  const at = join === ":" ? name.indexOf(":") : name.lastIndexOf("/");
  return at <= 0 ? [undefined, name] : [name.slice(0, at), name.slice(at + 1)];
}

/** What identifies a package version in a purl: qualifiers and subpath dropped, an `epoch` qualifier folded into the version. */
export interface PurlIdentity {
  type: string;
  namespace: string;
  name: string;
  version?: string;
}

export function purlIdentity(purl: string): PurlIdentity | undefined {
  let p: PackageURL;
  try {
    p = PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
  const id: PurlIdentity = { type: p.type, namespace: p.namespace ?? "", name: p.name };
  if (p.version) id.version = withEpoch(p.version, p.qualifiers?.epoch);
  return id;
}

/** The same purl naming another version, or undefined when it does not parse. */
export function purlWithVersion(purl: string, version: string): string | undefined {
  try {
    const p = PackageURL.fromString(purl);
    return new PackageURL(p.type, p.namespace, p.name, version, p.qualifiers, p.subpath).toString();
  } catch {
    return undefined;
  }
}
