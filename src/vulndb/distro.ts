// Operating-system packages: which OSV ecosystems and package names a distribution's advisories
// are filed under, which version they compare, and what state of fix an advisory states.
//
// What the feeds do, and so what this file follows:
// - Debian and Ubuntu file advisories under the SOURCE package and its version (a binNMU rebuild
//   adds "+bN" to the binary version only), Alpine under the origin package.
// - Ubuntu names releases "Ubuntu:22.04:LTS" (":LTS" is part of the name for LTS releases) and
//   fixes that need an Ubuntu Pro subscription "Ubuntu:Pro:22.04:LTS".
// - AlmaLinux and Rocky Linux advisories list binary RPMs (ALSA-2021:4156 names "delve",
//   ALSA-2020:1636 "libsndfile-devel"), others the source RPM: both names are asked.
// - Not affected: Debian and Ubuntu leave the package out of the record; Chainguard writes
//   `introduced 0, fixed 0` with a component status "not_affected". Unfixed: no `fixed` event.
//   Won't fix: Debian's urgency "end-of-life"; status words elsewhere ("ignored", "deferred", ...).
// - Root.io's patched packages ("...root.io.1") have their own ecosystems ("Root:Debian:12") and
//   names ("rootio-<source>").
// - Red Hat files advisories under product streams ("Red Hat:enterprise_linux:9::appstream"): a RHEL
//   package is asked for in every stream of its major release (redhat.ts).
import type { Package } from "../packages/types.js";
import type { OsvAffected, RangeVerdict, VersionScheme } from "./types.js";
import { DEBIAN_CODENAMES } from "../packages/os/os-ecosystem.js";
import { hasReachedFix } from "./ranges.js";
import { reachedFixOnLine, redHatStreams, type Settles } from "./redhat.js";

export type FixState = "fixed" | "unfixed" | "wont-fix" | "not-affected";

/** One look-up in the advisory database for an OS package. */
export interface DistroQuery {
  ecosystem: string;
  name: string;
  /** The version the advisories compare: the source package's for source-keyed distributions. */
  version: string;
  /** Set when name or version are the source package's rather than the binary's. */
  viaSource: boolean;
  /**
   * How a record of this ecosystem that puts the version past its fix settles the vulnerability for
   * the package; absent: any fix reached does.
   */
  settles?: Settles;
}

interface Distro {
  /** The OSV ecosystems of one release, given the release part of the package's ecosystem. */
  ecosystems: (release: string) => string[];
  /** "source": only the source (origin) package is asked; "both": the binary, then the source. */
  keyedBy: "source" | "both";
  /** Debian binNMUs: the binary version is the source version plus "+bN". */
  binNmu?: boolean;
  /** Root.io's ecosystem family and how it writes this distribution's release. */
  root?: { family: string; release: (release: string) => string };
  /** Streams that replace `ecosystems` when the release names some, with how each settles. */
  streams?: (release: string, version: string) => { ecosystem: string; settles: Settles }[] | undefined;
}


function debianRelease(release: string): string {
  const r = release.toLowerCase();
  return DEBIAN_CODENAMES[r] ?? /^(\d+)(?:\.\d+)*$/.exec(r)?.[1] ?? release;
}

/** "22.04", "22.04:LTS", "Pro:22.04:LTS" → "22.04". */
function ubuntuRelease(release: string): string {
  return /(\d\d\.\d\d)/.exec(release)?.[1] ?? release;
}

function ubuntuEcosystems(release: string): string[] {
  const r = ubuntuRelease(release);
  const m = /^(\d\d)\.(\d\d)$/.exec(r);
  // LTS releases are the April releases of even years.
  const lts = m !== null && m[2] === "04" && Number(m[1]) % 2 === 0;
  return lts ? [`Ubuntu:${r}:LTS`, `Ubuntu:Pro:${r}:LTS`] : [`Ubuntu:${r}`];
}

/** "v3.20", "3.20", "3.20.3" → "3.20". */
function alpineRelease(release: string): string {
  return /^v?(\d+\.\d+)/.exec(release)?.[1] ?? release.replace(/^v/, "");
}

function majorRelease(release: string): string {
  return /^(\d+)/.exec(release)?.[1] ?? release;
}

const asGiven = (family: string) => (release: string) => [release === "" ? family : `${family}:${release}`];

const DISTROS: Record<string, Distro> = {
  Debian: {
    ecosystems: (r) => [r === "" ? "Debian" : `Debian:${debianRelease(r)}`],
    keyedBy: "source",
    binNmu: true,
    root: { family: "Debian", release: debianRelease },
  },
  Ubuntu: {
    ecosystems: (r) => (r === "" ? ["Ubuntu"] : ubuntuEcosystems(r)),
    keyedBy: "source",
    binNmu: true,
    root: { family: "Ubuntu", release: ubuntuRelease },
  },
  Alpine: {
    ecosystems: (r) => [r === "" ? "Alpine" : `Alpine:v${alpineRelease(r)}`],
    keyedBy: "source",
    root: { family: "Alpine", release: alpineRelease },
  },
  Wolfi: { ecosystems: () => ["Wolfi"], keyedBy: "both" },
  // Chainguard images carry Wolfi packages too, and Chainguard's records cover both.
  Chainguard: { ecosystems: () => ["Chainguard", "Wolfi"], keyedBy: "both" },
  AlmaLinux: { ecosystems: (r) => [r === "" ? "AlmaLinux" : `AlmaLinux:${majorRelease(r)}`], keyedBy: "both" },
  "Rocky Linux": { ecosystems: (r) => [r === "" ? "Rocky Linux" : `Rocky Linux:${majorRelease(r)}`], keyedBy: "both" },
  // Red Hat's releases are CPE streams ("Red Hat:enterprise_linux:9::appstream"): every stream of the
  // package's RHEL major release; an ecosystem that names no RHEL release is asked as given.
  "Red Hat": { ecosystems: asGiven("Red Hat"), keyedBy: "both", streams: redHatStreams },
  SUSE: { ecosystems: asGiven("SUSE"), keyedBy: "both" },
  openSUSE: { ecosystems: asGiven("openSUSE"), keyedBy: "both" },
  "Photon OS": { ecosystems: asGiven("Photon OS"), keyedBy: "both" },
  Mageia: { ecosystems: asGiven("Mageia"), keyedBy: "both" },
  openEuler: { ecosystems: asGiven("openEuler"), keyedBy: "both" },
  Alpaquita: { ecosystems: asGiven("Alpaquita"), keyedBy: "both" },
  "BellSoft Hardened Containers": { ecosystems: asGiven("BellSoft Hardened Containers"), keyedBy: "both" },
  MinimOS: { ecosystems: asGiven("MinimOS"), keyedBy: "both" },
  Echo: { ecosystems: asGiven("Echo"), keyedBy: "both" },
  CleanStart: { ecosystems: asGiven("CleanStart"), keyedBy: "both" },
  "Docker Hardened Images": { ecosystems: asGiven("Docker Hardened Images"), keyedBy: "both" },
};

function split(ecosystem: string): { family: string; release: string } {
  const i = ecosystem.indexOf(":");
  return i < 0 ? { family: ecosystem, release: "" } : { family: ecosystem.slice(0, i), release: ecosystem.slice(i + 1) };
}

/** Whether a package of this ecosystem is an operating-system package, judged by its distribution. */
export function isOsEcosystem(ecosystem: string): boolean {
  return DISTROS[split(ecosystem).family] !== undefined;
}

/** The ecosystem whose version ordering applies: Root.io's "Root:Debian:12" orders like "Debian:12". */
export function orderingEcosystem(ecosystem: string): string {
  return ecosystem.startsWith("Root:") ? ecosystem.slice("Root:".length) : ecosystem;
}

/** "1.2-3+b1" → "1.2-3": a binNMU rebuild changes the binary version only. */
export function stripBinNmu(version: string): string {
  return version.replace(/\+b\d+$/, "");
}

const ROOT_PREFIX = "rootio-";

/** Root.io marks its rebuilt packages in the version ("…root.io.1", "…+root.io.1") or the name ("rootio-…"). */
export function isRootIoVersion(version: string): boolean {
  return version.includes("root.io");
}

/** The look-ups for an OS package, distribution first; undefined for a package of no known distribution. */
export function distroQueries(pkg: Package): DistroQuery[] | undefined {
  const { family, release } = split(pkg.ecosystem);
  const distro = DISTROS[family];
  if (distro === undefined) return undefined;
  const sourceName = pkg.source?.name ?? pkg.name;
  // Only binaries are binNMU'd: a "+bN" on a source version is a detector copying the binary's.
  const rawSourceVersion = pkg.source?.version ?? pkg.version;
  const sourceVersion = distro.binNmu ? stripBinNmu(rawSourceVersion) : rawSourceVersion;
  const viaSource = sourceName !== pkg.name || sourceVersion !== pkg.version;
  const keys: { name: string; version: string; viaSource: boolean }[] = [];
  if (distro.keyedBy === "both") keys.push({ name: pkg.name, version: pkg.version, viaSource: false });
  if (distro.keyedBy === "source" || viaSource) keys.push({ name: sourceName, version: sourceVersion, viaSource });
  const queries: DistroQuery[] = [];
  const streams = distro.streams?.(release, pkg.version);
  if (streams !== undefined) {
    for (const { ecosystem, settles } of streams) for (const k of keys) queries.push({ ecosystem, ...k, settles });
  } else {
    for (const ecosystem of distro.ecosystems(release)) {
      for (const k of keys) queries.push({ ecosystem, ...k });
    }
  }
  const rootName = sourceName.startsWith(ROOT_PREFIX) ? sourceName : isRootIoVersion(sourceVersion) ? `${ROOT_PREFIX}${sourceName}` : undefined;
  if (distro.root !== undefined && rootName !== undefined && release !== "") {
    const ecosystem = `Root:${distro.root.family}:${distro.root.release(release)}`;
    queries.push({ ecosystem, name: rootName, version: sourceVersion, viaSource });
  }
  return queries;
}

// Status words as the feeds write them, folded to lower case with "_" and " " read as "-".
const STATED: Record<string, FixState> = {
  "not-affected": "not-affected",
  "false-positive": "not-affected",
  "false-positive-determination": "not-affected",
  "end-of-life": "wont-fix",
  "end-of-support": "wont-fix",
  eol: "wont-fix",
  ignored: "wont-fix",
  deferred: "wont-fix",
  "fix-deferred": "wont-fix",
  "will-not-fix": "wont-fix",
  "wont-fix": "wont-fix",
  "won't-fix": "wont-fix",
  "fix-not-planned": "wont-fix",
  "not-planned": "wont-fix",
};

const STATUS_KEYS = ["status", "fix_state", "fixState", "state", "urgency"] as const;

function stated(word: unknown): FixState | undefined {
  return typeof word === "string" ? STATED[word.toLowerCase().replace(/[_ ]/g, "-")] : undefined;
}

function statedIn(fields: Record<string, unknown> | undefined): FixState | undefined {
  if (fields === undefined) return undefined;
  for (const key of STATUS_KEYS) {
    const s = stated(fields[key]);
    if (s !== undefined) return s;
  }
  // Chainguard: one status per component the package ships; not affected only if none is.
  const components = fields.components;
  if (Array.isArray(components) && components.length > 0) {
    const states = components.map((c) => stated((c as Record<string, unknown> | null)?.status));
    if (states.every((s) => s === "not-affected")) return "not-affected";
  }
  return undefined;
}

/** What the entry itself says about fixing, apart from its ranges. */
export function statedFixState(affected: OsvAffected): FixState | undefined {
  return statedIn(affected.ecosystem_specific) ?? statedIn(affected.database_specific);
}

/**
 * Whether a distribution's entry that judges `query.version` not affected settles the vulnerability
 * for the package, whatever another stream still lists: it says so, or the version carries its fix
 * (as the query's stream allows).
 */
export function settlesFor(affected: OsvAffected, query: Pick<DistroQuery, "version" | "settles">, scheme: VersionScheme): boolean {
  if (query.settles === "never") return false;
  if (statedFixState(affected) === "not-affected") return true;
  return query.settles === "same-line" ? reachedFixOnLine(affected, query.version, scheme) : hasReachedFix(affected, query.version, scheme);
}

/** The state of fix an affected entry gives a package version that `verdict` judged. */
export function fixStateOf(affected: OsvAffected, verdict: RangeVerdict): FixState {
  const said = statedFixState(affected);
  if (said === "not-affected" || !verdict.affected) return "not-affected";
  if (verdict.fixed.length > 0) return "fixed";
  return said === "wont-fix" ? "wont-fix" : "unfixed";
}
