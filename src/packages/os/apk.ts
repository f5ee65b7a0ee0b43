// Alpine, Wolfi and Chainguard packages: lib/apk/db/installed (usr/lib/apk/db/installed where /lib
// is merged into /usr). One record a package, records split by blank lines, "X:value" lines:
// P name, V version, A arch, o origin (the source package advisories are keyed by), L license,
// F a directory and R a file in the last F.
import type { Analyzer, AnalyzerOutput } from "../../analyzers/types.js";
import type { Package } from "../types.js";
import { isLinkOrDirectory } from "./file-mode.js";
import { provisionalPurl } from "./os-purl.js";

const PATHS = new Set(["lib/apk/db/installed", "usr/lib/apk/db/installed"]);

interface ApkRecord {
  name?: string;
  version?: string;
  arch?: string;
  origin?: string;
  license?: string;
  files: string[];
}

function toPackage(r: ApkRecord, path: string): Package | undefined {
  if (!r.name || !r.version) return undefined;
  // Subpackages share their origin's pkgver: the origin is versioned like the package.
  const source = r.origin ? { name: r.origin, version: r.version } : undefined;
  const pkg: Package = {
    name: r.name,
    version: r.version,
    ecosystem: "os:apk",
    purl: provisionalPurl("os:apk", { name: r.name, version: r.version, ...(source ? { source } : {}) }, r.arch),
    path,
  };
  if (source) pkg.source = source;
  if (r.license) pkg.license = r.license;
  return pkg;
}

/** The packages and owned files of an installed database. */
export function parseApkInstalled(text: string, path: string): AnalyzerOutput {
  const packages: Package[] = [];
  const ownedFiles: NonNullable<AnalyzerOutput["ownedFiles"]> = [];
  const warnings: string[] = [];
  let record: ApkRecord = { files: [] };
  let dir = "";
  const finish = (): void => {
    const pkg = toPackage(record, path);
    if (pkg) {
      packages.push(pkg);
      if (record.files.length > 0) ownedFiles.push({ owner: pkg.name, ecosystem: "os:apk", paths: record.files });
    } else if ((record.name !== undefined || record.version !== undefined) && warnings.length < 10) {
      warnings.push(`${path}: package record without ${record.name ? "V:" : "P:"} skipped`);
    }
    record = { files: [] };
    dir = "";
  };
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line === "") {
      finish();
      continue;
    }
    if (line[1] !== ":") continue;
    const value = line.slice(2);
    switch (line[0]) {
      case "P":
        record.name = value;
        break;
      case "V":
        record.version = value;
        break;
      case "A":
        record.arch = value;
        break;
      case "o":
        record.origin = value;
        break;
      case "L":
        record.license = value;
        break;
      case "F":
        dir = value.replace(/^\/+|\/+$/g, "");
        break;
      case "R":
        record.files.push(dir === "" ? value : `${dir}/${value}`);
        break;
    }
  }
  finish();
  const out: AnalyzerOutput = { packages, ownedFiles };
  if (warnings.length > 0) out.warnings = warnings;
  return out;
}

export const apkAnalyzer: Analyzer = {
  name: "apk",
  version: 1,
  kind: "packages",
  wants: (path, _size, mode) => PATHS.has(path) && !isLinkOrDirectory(mode),
  async analyze(file) {
    return parseApkInstalled((await file.read()).toString("utf8"), file.path);
  },
};
