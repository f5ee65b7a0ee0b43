// Red Hat's OSV ecosystems are product streams named by CPE: "Red Hat:enterprise_linux:9::appstream",
// "Red Hat:rhel_eus:9.2::baseos" and, from RHEL 10 on (minor versions, no channels),
// "Red Hat:enterprise_linux:10.1" and "Red Hat:enterprise_linux_eus:10.0". An rpm database does not
// say which repository a package came from, so a RHEL package is asked for in every stream of its
// major release, never another's:
// - RHEL 9 and before: "enterprise_linux:<major>::<channel>", one stream per channel for the whole
//   life of the release; and, when the OS version names a minor release, that minor's extended
//   streams (rhel_eus, rhel_aus, rhel_e4s, rhel_tus). Other minors' extended streams are not asked:
//   their fixes are built on another branch.
// - RHEL 10 and later: every minor's stream (an advisory of a later minor is an update this system
//   can take) and the extended streams of the OS's own minor.
// Layered products ("Red Hat:openstack:18.0::el9") are not RHEL streams and are not asked.
//
// Records of one vulnerability may disagree between streams (an EUS fix is older than the mainline
// one; a module stream's fix is of another version line). A record that puts the installed version
// past its fix settles the vulnerability only when its stream is one this system is on (the major's
// stream before RHEL 10, the OS's own minor from RHEL 10, the minor's extended streams) and the fix
// is of the installed version's line: nodejs 20 is not fixed by the nodejs 18 module's fix.
import type { OsvAffected, VersionScheme } from "./types.js";

/** How a record that judges the installed version past its fix settles the vulnerability. */
export type Settles = "same-line" | "never";

export interface Stream {
  /** The OSV ecosystem, "Red Hat:..." */
  ecosystem: string;
  settles: Settles;
}

interface RhelRelease {
  major: number;
  minor?: number;
}

// Channels of the RHEL 8 and 9 streams, and of RHEL 7 and before (which had variants for
// server, workstation, client and compute node instead of BaseOS and AppStream).
const ADD_ON_CHANNELS = ["highavailability", "resilientstorage", "sap", "sap_hana", "nfv", "realtime", "supplementary"];
const CHANNELS_8 = ["baseos", "appstream", "crb", ...ADD_ON_CHANNELS];
const CHANNELS_7 = ["server", "workstation", "client", "computenode", ...ADD_ON_CHANNELS];
const EXTENDED_BEFORE_10 = ["rhel_eus", "rhel_aus", "rhel_e4s", "rhel_tus"];
const EXTENDED_FROM_10 = ["enterprise_linux_eus", "enterprise_linux_aus", "enterprise_linux_e4s", "enterprise_linux_tus"];
/** Minor releases asked for from RHEL 10 on: RHEL 8 and 9 each planned ten. */
const LAST_MINOR = 10;

const PRODUCTS = ["enterprise_linux", ...EXTENDED_BEFORE_10, ...EXTENDED_FROM_10].join("|");
/** "enterprise_linux:9.4", "9", "enterprise_linux:9::baseos" (os-release's CPE), "rhel_eus:9.2::appstream". */
const RELEASE = new RegExp(`^(?:(?:${PRODUCTS}):)?(\\d+)(?:\\.(\\d+))?(?:::[a-z0-9_]+)?$`);
/** The distribution tag in an rpm release: ".el9", ".el9_4", "+el9.3.0+" (modules). Not "el8sat". */
const DIST_TAG = /(?:^|[.+])el(\d+)(?=$|[._+])/;

/**
 * The RHEL release the part of a package's ecosystem after "Red Hat:" names, or, when there is
 * none, the major release the package's own distribution tag names. Undefined for anything else.
 */
export function rhelRelease(release: string, version: string): RhelRelease | undefined {
  if (release === "") {
    const rpmRelease = version.slice(version.lastIndexOf("-") + 1);
    const tag = version.includes("-") ? DIST_TAG.exec(rpmRelease) : null;
    return tag?.[1] === undefined ? undefined : { major: Number(tag[1]) };
  }
  const m = RELEASE.exec(release);
  if (m?.[1] === undefined) return undefined;
  return m[2] === undefined ? { major: Number(m[1]) } : { major: Number(m[1]), minor: Number(m[2]) };
}

/** The streams a package of this release is asked for in; undefined when the release is not RHEL's. */
export function redHatStreams(release: string, version: string): Stream[] | undefined {
  const r = rhelRelease(release, version);
  if (r === undefined || r.major < 1) return undefined;
  const eco = (cpe: string, settles: Settles): Stream => ({ ecosystem: `Red Hat:${cpe}`, settles });
  const { major, minor } = r;
  const streams: Stream[] = [];
  if (major < 10) {
    const channels = major >= 8 ? CHANNELS_8 : CHANNELS_7;
    for (const c of channels) streams.push(eco(`enterprise_linux:${major}::${c}`, "same-line"));
    if (minor !== undefined) {
      for (const product of EXTENDED_BEFORE_10) for (const c of channels) streams.push(eco(`${product}:${major}.${minor}::${c}`, "same-line"));
    }
    return streams;
  }
  for (let m = 0; m <= Math.max(LAST_MINOR, minor ?? 0); m++) streams.push(eco(`enterprise_linux:${major}.${m}`, m === minor ? "same-line" : "never"));
  if (minor !== undefined) for (const product of EXTENDED_FROM_10) streams.push(eco(`${product}:${major}.${minor}`, "same-line"));
  return streams;
}

/** "1:3.0.7-27.el9" → "1:3.0": the epoch and the first two parts of the upstream version. */
function versionLine(v: string): string {
  const colon = /^\d+:/.test(v) ? v.indexOf(":") : -1;
  const epoch = colon < 0 ? 0 : Number(v.slice(0, colon));
  const rest = v.slice(colon + 1);
  const hyphen = rest.lastIndexOf("-");
  const upstream = hyphen < 0 ? rest : rest.slice(0, hyphen);
  return `${epoch}:${upstream.split(".").slice(0, 2).join(".")}`;
}

/** Whether `version` is at or above a `fixed` event of the entry that is of its own version line. */
export function reachedFixOnLine(affected: OsvAffected, version: string, scheme: VersionScheme): boolean {
  const line = versionLine(version);
  for (const range of affected.ranges ?? []) {
    if (range.type !== "ECOSYSTEM") continue;
    for (const e of range.events) {
      if (!("fixed" in e) || typeof e.fixed !== "string" || !scheme.isValid(e.fixed)) continue;
      if (versionLine(e.fixed) === line && scheme.compare(version, e.fixed) >= 0) return true;
    }
  }
  return false;
}
