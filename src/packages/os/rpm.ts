// RPM packages from the rpm database in its three formats: SQLite (rpm ≥ 4.16: RHEL 9, Fedora,
// Rocky, AlmaLinux, Amazon Linux 2023), Berkeley DB hash (before: RHEL/CentOS 7 and 8) and ndb
// (SUSE). Found under var/lib/rpm or usr/lib/sysimage/rpm (Fedora and openSUSE keep it there, with
// var/lib/rpm a link). The format is told by the file's magic, not its name.
import { InputError } from "../../core/errors.js";
import type { Analyzer, AnalyzerOutput } from "../../analyzers/types.js";
import type { Package } from "../types.js";
import { isLinkOrDirectory } from "./file-mode.js";
import { provisionalPurl } from "./os-purl.js";
import { bdbHashValues, isBdbHash } from "./rpm-bdb.js";
import { parseRpmHeader, RpmHeaderError, type RpmHeader } from "./rpm-header.js";
import { isNdb, ndbHeaderBlobs } from "./rpm-ndb.js";
import { isSqlite, sqliteHeaderBlobs } from "./rpm-sqlite.js";
import { sourceRpm } from "../purl.js";

const DIRS = ["var/lib/rpm/", "usr/lib/sysimage/rpm/"];
const FILES = ["rpmdb.sqlite", "Packages", "Packages.db"];
const PATHS = new Set(DIRS.flatMap((d) => FILES.map((f) => d + f)));

/** Container images' databases are a few MB to some tens; hosts with thousands of packages reach a few hundred. */
const MAX_DB_SIZE = 512 * 1024 * 1024;
const MAX_WARNINGS = 10;

/** "openssl-3.0.7-27.el9.src.rpm" → name and version-release; undefined for a name of another shape. */
export function parseSourceRpm(file: string): { name: string; versionRelease: string } | undefined {
  const srpm = sourceRpm(file);
  return srpm === undefined ? undefined : { name: srpm.name, versionRelease: srpm.version };
}

/** "[epoch:]version-release", the form rpm's version comparison and OSV's records use; epoch 0 is left out. */
function evr(epoch: number | undefined, versionRelease: string): string {
  return epoch ? `${epoch}:${versionRelease}` : versionRelease;
}

export function rpmPackage(h: RpmHeader, path: string): Package {
  const version = evr(h.epoch, h.release === "" ? h.version : `${h.version}-${h.release}`);
  const srpm = h.sourceRpm ? parseSourceRpm(h.sourceRpm) : undefined;
  // A source RPM's file name has no epoch: the binary's is the source's.
  const source = srpm ? { name: srpm.name, version: evr(h.epoch, srpm.versionRelease) } : undefined;
  const pkg: Package = {
    name: h.name,
    version,
    ecosystem: "os:rpm",
    purl: provisionalPurl("os:rpm", { name: h.name, version, ...(source ? { source } : {}) }, h.arch),
    path,
  };
  if (source) pkg.source = source;
  if (h.license) pkg.license = h.license;
  return pkg;
}

function headerBlobs(buf: Buffer, warn: (m: string) => void): Iterable<Buffer> {
  if (isSqlite(buf)) return sqliteHeaderBlobs(buf);
  if (isNdb(buf)) return ndbHeaderBlobs(buf, warn);
  if (isBdbHash(buf)) return bdbHashValues(buf, warn);
  throw new Error("not an rpm database in a known format (SQLite, Berkeley DB hash, ndb)");
}

/** The packages and owned files of an rpm database file. */
export function parseRpmDb(buf: Buffer, path: string): AnalyzerOutput {
  const packages: Package[] = [];
  const ownedFiles: NonNullable<AnalyzerOutput["ownedFiles"]> = [];
  const problems: string[] = [];
  const warn = (m: string): void => void problems.push(m);
  try {
    for (const blob of headerBlobs(buf, warn)) {
      let h: RpmHeader;
      try {
        h = parseRpmHeader(blob);
      } catch (e) {
        if (!(e instanceof RpmHeaderError)) throw e;
        warn(`malformed package header: ${e.message}`);
        continue;
      }
      // Imported signing keys are recorded as pseudo-packages, not software.
      if (h.name === "gpg-pubkey") continue;
      packages.push(rpmPackage(h, path));
      if (h.files.length > 0) ownedFiles.push({ owner: h.name, ecosystem: "os:rpm", paths: h.files.map((f) => f.replace(/^\/+/, "")) });
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: unreadable rpm database: ${(e as Error).message}`, { cause: e });
  }
  const out: AnalyzerOutput = { packages, ownedFiles };
  if (problems.length > 0) {
    out.warnings = problems.slice(0, MAX_WARNINGS).map((m) => `${path}: ${m}`);
    if (problems.length > MAX_WARNINGS) out.warnings.push(`${path}: ${problems.length - MAX_WARNINGS} more problems`);
  }
  return out;
}

export const rpmAnalyzer: Analyzer = {
  name: "rpm",
  version: 1,
  kind: "packages",
  wants: (path, _size, mode) => PATHS.has(path) && !isLinkOrDirectory(mode),
  async analyze(file) {
    const buf = await file.read(MAX_DB_SIZE);
    // An empty Packages file is what rpm leaves beside a newer database.
    return buf.length === 0 ? undefined : parseRpmDb(buf, file.path);
  },
};
