// The analysis result from the analyzers' outputs, with final-filesystem semantics: packages,
// file ownership and the OS from final files only; findings from every file, marked when a later
// layer deleted or replaced their file. OS packages get the detected distribution's ecosystem.
import type { Finding } from "../../core/model.js";
import { finishOsPackage, isOsPackageType, pickOs } from "../../packages/os/index.js";
import type { Package } from "../../packages/types.js";
import type { OsInfo } from "../types.js";
import type { Supersession } from "./final-fs.js";
import { normalizeEntryPath } from "./paths.js";
import type { FileResult } from "./runner.js";
import type { WarningSink } from "./warnings.js";

export interface Collected {
  os?: OsInfo;
  packages: Package[];
  findings: Finding[];
}

/** Names and versions come from scanned files: one a purl cannot hold must not stop the scan. */
function finished(pkg: Package, os: OsInfo | undefined): Package {
  try {
    return finishOsPackage(pkg, os);
  } catch {
    return pkg;
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
  // Every OS file found (os-release, debian_version, ...): pickOs ranks and merges them.
  const os = pickOs(final.flatMap((r) => (r.output.os ? [{ path: r.path, os: r.output.os }] : [])));
  const owners = new Map<string, { owner: string; ecosystem: string }>();
  for (const r of final) {
    for (const owned of r.output.ownedFiles ?? []) {
      for (const p of owned.paths) {
        const path = normalizeEntryPath(p);
        if (path) owners.set(path, { owner: owned.owner, ecosystem: owned.ecosystem });
      }
    }
  }
  const declared = new Map<string, string>();
  for (const r of final) for (const l of r.output.licenses ?? []) declared.set(`${l.ecosystem}\u0000${l.name}`, l.license);
  const packages: Package[] = [];
  // OS packages' provisional purls become final ones here; their dependency edges follow.
  const finalPurl = new Map<string, string>();
  for (const r of final) {
    const digest = layerDigest(r);
    for (const original of r.output.packages ?? []) {
      const pkg: Package = { ...original, path: original.path ?? r.path };
      if (digest) pkg.layer = digest;
      if (isOsPackageType(pkg.ecosystem)) {
        const license = pkg.license ?? declared.get(`${pkg.ecosystem}\u0000${pkg.name}`);
        if (license !== undefined) pkg.license = license;
        const done = finished(pkg, os);
        finalPurl.set(pkg.purl, done.purl);
        packages.push(done);
        continue;
      }
      // Nested archive paths ("app.war!/WEB-INF/lib/x.jar") are owned through their outer file.
      const owner = owners.get((pkg.path as string).split("!/")[0] as string);
      if (owner) pkg.ownedBy = { ecosystem: finished({ name: owner.owner, version: "", ecosystem: owner.ecosystem, purl: "" }, os).ecosystem, name: owner.owner };
      packages.push(pkg);
    }
  }
  for (const p of packages) {
    if (p.dependsOn && finalPurl.size > 0) p.dependsOn = p.dependsOn.map((d) => finalPurl.get(d) ?? d);
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
