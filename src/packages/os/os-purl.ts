// OS package detectors see one file and not the OS (analyzers/types.ts): they write ecosystem
// "os:dpkg" | "os:apk" | "os:rpm" and a provisional purl of the family's default distribution that
// already carries what only the file knows (arch, epoch, upstream). Once the OS is known the driver
// calls `finishOsPackage`, which sets the OSV ecosystem and rebuilds the purl with purlFor.
import { PackageURL } from "packageurl-js";
import type { OsInfo } from "../../artifacts/types.js";
import { purlFor } from "../purl.js";
import type { Package } from "../types.js";

export type OsPackageType = "os:dpkg" | "os:apk" | "os:rpm";

const OS_TYPES: readonly OsPackageType[] = ["os:dpkg", "os:apk", "os:rpm"];

/** The family assumed when no OS was detected: the one that defined the package format. */
const DEFAULT_ECOSYSTEM: Readonly<Record<OsPackageType, string>> = { "os:dpkg": "Debian", "os:apk": "Alpine", "os:rpm": "Red Hat" };

/** Which package format an OSV distribution ecosystem uses, to refuse an OS that cannot own the package. */
const FORMAT_OF: Readonly<Record<string, OsPackageType>> = {
  Debian: "os:dpkg",
  Ubuntu: "os:dpkg",
  Alpine: "os:apk",
  Wolfi: "os:apk",
  Chainguard: "os:apk",
  "Red Hat": "os:rpm",
  AlmaLinux: "os:rpm",
  "Rocky Linux": "os:rpm",
  SUSE: "os:rpm",
  openSUSE: "os:rpm",
  "Photon OS": "os:rpm",
  Mageia: "os:rpm",
  openEuler: "os:rpm",
};

export function isOsPackageType(ecosystem: string): ecosystem is OsPackageType {
  return (OS_TYPES as readonly string[]).includes(ecosystem);
}

function withQualifiers(purl: string, added: Record<string, string>): string {
  const p = PackageURL.fromString(purl);
  return new PackageURL(p.type, p.namespace, p.name, p.version, { ...p.qualifiers, ...added }, p.subpath).toString();
}

function withArch(purl: string, arch: string | undefined): string {
  return arch ? withQualifiers(purl, { arch }) : purl;
}

/**
 * Families whose purls purl.ts writes without a `distro` qualifier because OSV does not scope them
 * by a release number (Red Hat's CPE streams): the qualifier still says which release the package
 * was found on, as Syft writes it ("distro=rhel-9.4").
 */
const DISTRO_QUALIFIED = new Set(["Red Hat"]);

/** The purl a detector writes before the OS is known. */
export function provisionalPurl(type: OsPackageType, pkg: { name: string; version: string; source?: { name: string; version: string } }, arch?: string): string {
  return withArch(purlFor({ ...pkg, ecosystem: DEFAULT_ECOSYSTEM[type] }), arch);
}

function archOf(purl: string): string | undefined {
  try {
    return PackageURL.fromString(purl).qualifiers?.arch;
  } catch {
    return undefined;
  }
}

function ecosystemFor(type: OsPackageType, os: OsInfo | undefined): string {
  if (os === undefined) return DEFAULT_ECOSYSTEM[type];
  if (os.ecosystem !== undefined) {
    const base = os.ecosystem.split(":", 1)[0] ?? "";
    return FORMAT_OF[base] === type ? os.ecosystem : DEFAULT_ECOSYSTEM[type];
  }
  // An OS OSV has no advisories for (CentOS, Fedora, Amazon Linux): named, so that nothing matches.
  return os.version === "" ? os.family : `${os.family}:${os.version}`;
}

/**
 * An OS package as the scan reports it: its OSV ecosystem from the detected OS and its purl rebuilt
 * for that distribution (with the `distro` qualifier where purl.ts knows the family's releases).
 * Packages of other ecosystems are returned unchanged.
 */
export function finishOsPackage(pkg: Package, os: OsInfo | undefined): Package {
  if (!isOsPackageType(pkg.ecosystem)) return pkg;
  const type = pkg.ecosystem;
  const ecosystem = ecosystemFor(type, os);
  const input = { name: pkg.name, version: pkg.version, ecosystem, ...(pkg.source ? { source: pkg.source } : {}) };
  let purl = purlFor(input);
  if (purl.startsWith("pkg:generic/")) {
    // purl.ts has no namespace for this distribution: the os-release ID is the purl namespace.
    const p = PackageURL.fromString(purlFor({ ...input, ecosystem: DEFAULT_ECOSYSTEM[type] }));
    const qualifiers = { ...p.qualifiers };
    if (os !== undefined && os.version !== "") qualifiers.distro = `${os.family}-${os.version}`;
    purl = new PackageURL(p.type, os?.family ?? p.namespace, p.name, p.version, qualifiers, p.subpath).toString();
  } else if (os !== undefined && os.version !== "" && DISTRO_QUALIFIED.has(ecosystem.split(":", 1)[0] ?? "")) {
    purl = withQualifiers(purl, { distro: `${os.family}-${os.version}` });
  }
  return { ...pkg, ecosystem, purl: withArch(purl, archOf(pkg.purl)) };
}
