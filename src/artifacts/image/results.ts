// The analysis result from the analyzers' outputs, with final-filesystem semantics: packages,
// file ownership and the OS from final files only; findings from every file, marked when a later
// layer deleted or replaced their file. OS packages get the detected distribution's ecosystem.
import type { Finding } from "../../core/model.js";
import { purlFor } from "../../packages/purl.js";
import type { Package } from "../../packages/types.js";
import type { OsInfo } from "../types.js";
import type { Supersession } from "./final-fs.js";
import { normalizeEntryPath } from "./paths.js";
import type { FileResult } from "./runner.js";
import type { WarningSink } from "./warnings.js";

const OS_PACKAGE_ECOSYSTEMS = new Set(["os:dpkg", "os:apk", "os:rpm"]);

export interface Collected {
  os?: OsInfo;
  packages: Package[];
  findings: Finding[];
}

/** "os:dpkg" packages get the OSV ecosystem of the detected OS, or "unknown:<family>" without one. */
function osPackageEcosystem(os: OsInfo | undefined, kind: string): string {
  return os?.ecosystem ?? `unknown:${os?.family ?? kind.slice(3)}`;
}

/** Names and versions come from scanned files: one a purl cannot hold must not stop the scan. */
function purlOr(pkg: Package): string {
  try {
    return purlFor(pkg);
  } catch {
    return pkg.purl;
  }
}

function deletionNote(by: Supersession): string {
  return `${by.deleted ? "deleted" : "replaced"} in layer ${by.layer + 1}`;
}

/**
 * The analysis result from the outputs: packages, ownership and the OS from final files only;
 * findings from every file, marked when a later layer deleted or replaced their file.
 */
export function collect(
  results: readonly FileResult[],
  supersededBy: (r: FileResult) => Supersession | undefined,
  layerDigest: (r: FileResult) => string | undefined,
  warnings: WarningSink,
): Collected {
  const final = results.filter((r) => !supersededBy(r));
  let os: OsInfo | undefined;
  for (const r of final) if (r.output.os) os = r.output.os;
  const owners = new Map<string, { owner: string; ecosystem: string }>();
  for (const r of final) {
    for (const owned of r.output.ownedFiles ?? []) {
      for (const p of owned.paths) {
        const path = normalizeEntryPath(p);
        if (path) owners.set(path, { owner: owned.owner, ecosystem: owned.ecosystem });
      }
    }
  }
  const packages: Package[] = [];
  for (const r of final) {
    const digest = layerDigest(r);
    for (const original of r.output.packages ?? []) {
      const pkg: Package = { ...original, path: original.path ?? r.path };
      if (digest) pkg.layer = digest;
      if (OS_PACKAGE_ECOSYSTEMS.has(pkg.ecosystem)) {
        pkg.ecosystem = osPackageEcosystem(os, pkg.ecosystem);
        // Without a known distribution the detector's own purl (no distro) says more than a generic one.
        if (!pkg.ecosystem.startsWith("unknown:")) pkg.purl = purlOr(pkg);
      } else {
        const owner = owners.get(pkg.path as string);
        if (owner) pkg.ownedBy = { ecosystem: osPackageEcosystem(os, owner.ecosystem), name: owner.owner };
      }
      packages.push(pkg);
    }
  }
  const findings: Finding[] = [];
  for (const r of results) {
    const by = supersededBy(r);
    for (const original of r.output.findings ?? []) {
      const f: Finding = { ...original, location: { ...original.location, path: original.location?.path ?? r.path } };
      if (by) f.message = f.message ? `${f.message} (${deletionNote(by)})` : `${f.title} (${deletionNote(by)})`;
      findings.push(f);
    }
    for (const w of r.output.warnings ?? []) warnings.add({ path: r.path, message: `${r.analyzer}: ${r.path}: ${w}` }, `${r.analyzer} warning`);
  }
  return { ...(os ? { os } : {}), packages, findings };
}
