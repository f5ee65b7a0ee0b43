// Debian packages: var/lib/dpkg/status (one stanza a package), distroless images'
// var/lib/dpkg/status.d/<package> (one file a package, no .list files but <package>.md5sums), and
// var/lib/dpkg/info/<package>[:<arch>].list for the files each package owns. Licenses are not in
// the status file (they are in usr/share/doc/*/copyright): the license detector reads those.
import type { Analyzer, AnalyzerOutput } from "../../analyzers/types.js";
import type { FileEntry } from "../../artifacts/types.js";
import type { Package } from "../types.js";
import { isLinkOrDirectory } from "./file-mode.js";
import { provisionalPurl } from "./os-purl.js";

const STATUS = "var/lib/dpkg/status";
const STATUS_D = "var/lib/dpkg/status.d/";
const INFO = "var/lib/dpkg/info/";

/** The fields read; the rest of a stanza (descriptions, conffiles) is skipped. */
const FIELDS = new Set(["Package", "Status", "Version", "Architecture", "Source", "Depends", "Pre-Depends", "Provides"]);

/**
 * dpkg's current-state word (third word of Status) for packages whose files are on disk. Left out:
 * "not-installed" and "config-files" (removed, only configuration files remain).
 */
const ON_DISK = new Set(["installed", "triggers-pending", "triggers-awaited", "half-configured", "unpacked", "half-installed"]);

/** Control-file stanzas (deb-control(5)): "Field: value" lines, continuation lines indented, stanzas split by blank lines. */
export function* controlStanzas(text: string, fields: ReadonlySet<string> = FIELDS): Generator<Map<string, string>> {
  let stanza = new Map<string, string>();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (line.trim() === "") {
      if (stanza.size > 0) yield stanza;
      stanza = new Map();
      continue;
    }
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9 || first === 35) continue; // continuation line or comment
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon);
    if (fields.has(name)) stanza.set(name, line.slice(colon + 1).trim());
  }
  if (stanza.size > 0) yield stanza;
}

/** "glibc (2.36-9)" or "glibc": the source package, versioned like the binary unless it says otherwise. */
export function parseSource(field: string, binaryVersion: string): { name: string; version: string } {
  const paren = field.indexOf("(");
  if (paren < 0) return { name: field.trim(), version: binaryVersion };
  const close = field.indexOf(")", paren);
  const version = field.slice(paren + 1, close < 0 ? undefined : close).trim();
  return { name: field.slice(0, paren).trim(), version: version || binaryVersion };
}

function isOnDisk(status: string | undefined, statusRequired: boolean): boolean {
  if (status === undefined) return !statusRequired;
  return ON_DISK.has(status.split(/\s+/)[2] ?? "");
}

/** The packages of a status file; distroless status.d files may leave Status out, and count as installed then. */
export function dpkgPackages(text: string, path: string, statusRequired = true): { packages: Package[]; warnings: string[] } {
  const packages: Package[] = [];
  const warnings: string[] = [];
  const relations: { pkg: Package; depends: string; provides: string }[] = [];
  for (const stanza of controlStanzas(text)) {
    if (!isOnDisk(stanza.get("Status"), statusRequired)) continue;
    const name = stanza.get("Package");
    const version = stanza.get("Version");
    if (!name || !version) {
      if (warnings.length < 10) warnings.push(`${path}: installed package without ${name ? "Version" : "Package"} skipped`);
      continue;
    }
    const sourceField = stanza.get("Source");
    const source = sourceField ? parseSource(sourceField, version) : undefined;
    const pkg: Package = {
      name,
      version,
      ecosystem: "os:dpkg",
      purl: provisionalPurl("os:dpkg", { name, version, ...(source ? { source } : {}) }, stanza.get("Architecture")),
      path,
    };
    if (source) pkg.source = source;
    packages.push(pkg);
    relations.push({ pkg, depends: [stanza.get("Pre-Depends"), stanza.get("Depends")].filter(Boolean).join(","), provides: stanza.get("Provides") ?? "" });
  }
  addDependencyEdges(relations);
  return { packages, warnings };
}

/** "libc6 (>= 2.34)", "awk", "python3:any", "foo [amd64]" → the package name alone. */
function relationName(s: string): string {
  return s.replace(/\(.*?\)|\[.*?\]|<.*?>/g, "").trim().split(":")[0] ?? "";
}

/**
 * Depends and Pre-Depends as edges between installed packages (for the SBOM). Of alternatives
 * ("a | b") the first one installed counts; a virtual package resolves to an installed package
 * that provides it. Relations to packages not in this file give no edge.
 */
function addDependencyEdges(relations: readonly { pkg: Package; depends: string; provides: string }[]): void {
  const byName = new Map<string, Package>();
  for (const r of relations) byName.set(r.pkg.name, r.pkg);
  const provided = new Map<string, Package>();
  for (const r of relations) {
    for (const p of r.provides.split(",")) {
      const name = relationName(p);
      if (name && !provided.has(name)) provided.set(name, r.pkg);
    }
  }
  for (const r of relations) {
    if (r.depends === "") continue;
    const deps = new Set<string>();
    for (const group of r.depends.split(",")) {
      for (const alt of group.split("|")) {
        const name = relationName(alt);
        const target = byName.get(name) ?? provided.get(name);
        if (target) {
          if (target !== r.pkg) deps.add(target.purl);
          break;
        }
      }
    }
    if (deps.size > 0) r.pkg.dependsOn = [...deps];
  }
}

/** "libc6:amd64.list" → "libc6". */
function ownerOf(fileName: string, suffix: string): string {
  const base = fileName.slice(0, -suffix.length);
  const colon = base.indexOf(":");
  return colon < 0 ? base : base.slice(0, colon);
}

/** A .list file: one absolute path a line, "/." first. Directories are listed too. */
export function listedPaths(text: string): string[] {
  const paths: string[] = [];
  for (const line of text.split("\n")) {
    const p = line.replace(/^\/+/, "").replace(/\r$/, "");
    if (p !== "" && p !== ".") paths.push(p);
  }
  return paths;
}

/** A .md5sums file: "<md5>  <path>" a line, paths relative to the root. */
export function md5sumsPaths(text: string): string[] {
  const paths: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^[0-9a-fA-F]{32} [ *]?(.+?)\r?$/.exec(line);
    if (m?.[1]) paths.push(m[1].replace(/^\/+/, ""));
  }
  return paths;
}

function ownedOutput(path: string, suffix: string, paths: string[]): AnalyzerOutput {
  const fileName = path.slice(path.lastIndexOf("/") + 1);
  return { ownedFiles: [{ owner: ownerOf(fileName, suffix), ecosystem: "os:dpkg", paths }] };
}

async function analyzeDpkg(file: FileEntry): Promise<AnalyzerOutput | undefined> {
  const text = (await file.read()).toString("utf8");
  if (file.path.startsWith(INFO)) return ownedOutput(file.path, ".list", listedPaths(text));
  if (file.path.startsWith(STATUS_D) && file.path.endsWith(".md5sums")) return ownedOutput(file.path, ".md5sums", md5sumsPaths(text));
  const { packages, warnings } = dpkgPackages(text, file.path, file.path === STATUS);
  const out: AnalyzerOutput = { packages };
  if (warnings.length > 0) out.warnings = warnings;
  return out;
}

function isDirectChild(path: string, dir: string): boolean {
  return path.startsWith(dir) && path.length > dir.length && !path.includes("/", dir.length);
}

export const dpkgAnalyzer: Analyzer = {
  name: "dpkg",
  version: 1,
  kind: "packages",
  wants: (path, _size, mode) =>
    !isLinkOrDirectory(mode) &&
    (path === STATUS || isDirectChild(path, STATUS_D) || (isDirectChild(path, INFO) && path.endsWith(".list"))),
  analyze: analyzeDpkg,
};
