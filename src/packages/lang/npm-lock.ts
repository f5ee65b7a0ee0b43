// npm's package-lock.json and npm-shrinkwrap.json, lockfileVersion 1 to 3. Version 2 carries both
// layouts; the "packages" map is the complete one and wins. Development dependencies are listed like
// the others (Package has no scope field): they are in the tree npm installs by default.
import { InputError } from "../../core/errors.js";
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { asObject, asString, baseName, detector, insideNodeModules, MAX_LOCKFILE_BYTES, PackageList, parseJson, requireObject } from "./common.js";

const NODE_MODULES = "node_modules/";

export const npmLockDetector = detector({
  name: "npm-lock",
  wants: (path) => {
    const base = baseName(path);
    // node_modules/.package-lock.json is npm's cache of the installed tree: node_modules' own package.json files say the same.
    return (base === "package-lock.json" || base === "npm-shrinkwrap.json") && !insideNodeModules(path);
  },
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parseNpmLock,
});

export function parseNpmLock(text: string, path: string): AnalyzerOutput {
  const doc = requireObject(parseJson(text, path), path, "an npm lock file");
  const list = new PackageList("npm", path);
  const packages = asObject(doc.packages);
  if (packages) readPackagesMap(packages, list);
  else if (doc.dependencies !== undefined) readDependencyTree(doc.dependencies, list, path);
  else if (doc.lockfileVersion === undefined) throw new InputError(`${path}: not an npm lock file (no lockfileVersion, packages or dependencies)`);
  return list.output();
}

/** v2 and v3: keys are install locations, "node_modules/a/node_modules/@s/b"; "" is the project itself. */
function readPackagesMap(packages: Record<string, unknown>, list: PackageList): void {
  for (const [location, value] of Object.entries(packages)) {
    const entry = asObject(value);
    // Keys outside node_modules are the root and workspace members: the project's own code. Links point at those.
    if (!entry || entry.link === true) continue;
    const at = location.lastIndexOf(NODE_MODULES);
    if (at < 0) continue;
    // An alias ("string-width-cjs": "npm:string-width@4") is installed under the alias and names the real package.
    const name = asString(entry.name) ?? location.slice(at + NODE_MODULES.length);
    const version = asString(entry.version);
    if (version === undefined) continue;
    list.add(name, version, licenseOf(entry.license));
  }
  readEdges(packages, list);
}

/** The installed package a dependency of the package at `location` resolves to, by Node's lookup. */
function resolveInstalled(packages: Record<string, unknown>, location: string, dep: string): { name: string; version: string } | undefined {
  let base = location;
  for (;;) {
    const entry = asObject(packages[`${base === "" ? "" : `${base}/`}${NODE_MODULES}${dep}`]);
    const version = entry ? asString(entry.version) : undefined;
    if (entry && version !== undefined) return { name: asString(entry.name) ?? dep, version };
    if (base === "") return undefined;
    const at = base.lastIndexOf(`/${NODE_MODULES}`);
    base = at < 0 ? "" : base.slice(0, at);
  }
}

/** Dependency edges between installed packages (for the SBOM), resolved as Node would. */
function readEdges(packages: Record<string, unknown>, list: PackageList): void {
  for (const [location, value] of Object.entries(packages)) {
    const entry = asObject(value);
    const at = location.lastIndexOf(NODE_MODULES);
    if (!entry || entry.link === true || at < 0) continue;
    const version = asString(entry.version);
    if (version === undefined) continue;
    const name = asString(entry.name) ?? location.slice(at + NODE_MODULES.length);
    const wanted = { ...asObject(entry.dependencies), ...asObject(entry.optionalDependencies) };
    const deps = Object.keys(wanted).flatMap((dep) => resolveInstalled(packages, location, dep) ?? []);
    list.dependsOn(name, version, deps);
  }
}

/** v1: a tree of `dependencies` maps, walked without recursion (a hostile file may nest deeply). */
function readDependencyTree(root: unknown, list: PackageList, path: string): void {
  if (!asObject(root)) throw new InputError(`${path}: "dependencies" is not an object`);
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const deps = asObject(stack.pop());
    if (!deps) continue;
    for (const [name, value] of Object.entries(deps)) {
      const entry = asObject(value);
      if (!entry) continue;
      const resolved = v1Version(name, asString(entry.version));
      if (resolved) list.add(resolved.name, resolved.version);
      if (entry.dependencies !== undefined) stack.push(entry.dependencies);
    }
  }
}

/**
 * v1 writes an alias as "npm:real-name@1.2.3" and a dependency from git, a tarball URL or a local
 * directory as that source ("github:u/r#sha", "file:../lib"): those have no registry version.
 */
function v1Version(name: string, version: string | undefined): { name: string; version: string } | undefined {
  if (version === undefined) return undefined;
  if (version.startsWith("npm:")) {
    const spec = version.slice(4);
    const at = spec.lastIndexOf("@");
    return at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + 1) } : undefined;
  }
  if (version.includes(":") || version.includes("/")) return undefined;
  return { name, version };
}

/** package.json's "license": an SPDX expression, or the legacy { type } object. */
export function licenseOf(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  return asString(asObject(v)?.type);
}
