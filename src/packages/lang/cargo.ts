// Cargo.lock: TOML, one [[package]] per crate. Only crates from a registry (source "registry+..." for
// crates.io and other git-index registries, "sparse+..." for sparse ones) are packages: workspace
// members and path dependencies have no source and are the project's own code, and git
// dependencies ("git+...") are a commit, not a crates.io release whose advisories would apply.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { asArray, asObject, asString, baseName, detector, MAX_LOCKFILE_BYTES, PackageList, parseTomlDocument } from "./common.js";

export const cargoLockDetector = detector({
  name: "cargo-lock",
  wants: (path) => baseName(path) === "Cargo.lock",
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parseCargoLock,
});

export function parseCargoLock(text: string, path: string): AnalyzerOutput {
  const doc = parseTomlDocument(text, path);
  if (doc.package === undefined && doc.version === undefined && doc.metadata === undefined) {
    throw new InputError(`${path}: not a Cargo.lock (no [[package]])`);
  }
  const list = new PackageList("crates.io", path);
  for (const value of asArray(doc.package)) {
    const entry = asObject(value);
    const source = asString(entry?.source) ?? "";
    if (!entry || !(source.startsWith("registry+") || source.startsWith("sparse+"))) continue;
    const name = asString(entry.name);
    const version = asString(entry.version);
    if (name !== undefined && version !== undefined) list.add(name, version);
  }
  readEdges(asArray(doc.package), list);
  return list.output();
}

/**
 * Dependency edges for the SBOM. Cargo.lock names a dependency "name" when one version of it is
 * locked, and "name version" (or "name version (source)") when several are.
 */
function readEdges(entries: readonly unknown[], list: PackageList): void {
  const versions = new Map<string, string[]>();
  for (const value of entries) {
    const e = asObject(value);
    const name = asString(e?.name);
    const version = asString(e?.version);
    if (name !== undefined && version !== undefined) versions.set(name, [...(versions.get(name) ?? []), version]);
  }
  for (const value of entries) {
    const e = asObject(value);
    const name = asString(e?.name);
    const version = asString(e?.version);
    if (!e || name === undefined || version === undefined) continue;
    const deps = asArray(e.dependencies).flatMap((d) => {
      const [depName, depVersion] = (asString(d) ?? "").split(" ");
      if (!depName) return [];
      const v = depVersion ?? (versions.get(depName)?.length === 1 ? versions.get(depName)?.[0] : undefined);
      return v === undefined ? [] : [{ name: depName, version: v }];
    });
    list.dependsOn(name, version, deps);
  }
}
