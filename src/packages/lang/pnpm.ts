// pnpm-lock.yaml, lockfile versions 5 to 9. The "packages" map lists every installed package once
// per peer-dependency variant; its keys changed form over the versions:
//   5.x  /name/1.2.3, /@scope/name/1.2.3_peer@1.0.0
//   6.x  /name@1.2.3, /@scope/name@1.2.3(peer@1.0.0)
//   9.x  name@1.2.3, @scope/name@1.2.3 (peer variants moved to "snapshots", which adds nothing here)
// Packages from git or a tarball URL carry their own name and version fields; local directories
// (file:, link:) are the project's own code and are left out.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { asObject, asString, baseName, detector, insideNodeModules, MAX_LOCKFILE_BYTES, PackageList, parseYamlDocument, requireObject } from "./common.js";

export const pnpmLockDetector = detector({
  name: "pnpm-lock",
  wants: (path) => baseName(path) === "pnpm-lock.yaml" && !insideNodeModules(path),
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parsePnpmLock,
});

export function parsePnpmLock(text: string, path: string): AnalyzerOutput {
  const doc = requireObject(parseYamlDocument(text, path), path, "a pnpm lock file");
  if (doc.lockfileVersion === undefined) throw new InputError(`${path}: not a pnpm lock file (no lockfileVersion)`);
  const list = new PackageList("npm", path);
  const packages = doc.packages === undefined ? {} : asObject(doc.packages);
  if (!packages) throw new InputError(`${path}: "packages" is not a mapping`);
  for (const [key, value] of Object.entries(packages)) {
    const entry = asObject(value) ?? {};
    if (isLocal(key, entry)) continue;
    const fromKey = parseKey(key);
    const name = asString(entry.name) ?? fromKey?.name;
    const version = asString(entry.version) ?? fromKey?.version;
    if (name === undefined || version === undefined || !looksLikeVersion(version)) continue;
    list.add(name, version);
  }
  readEdges(list, packages);
  // Lock file 9 keeps each package's dependencies in "snapshots", keyed like "packages".
  const snapshots = asObject(doc.snapshots);
  if (snapshots) readEdges(list, snapshots);
  return list.output();
}

/** Dependency edges between the locked packages; a dependency names its version, peer suffix and all. */
function readEdges(list: PackageList, entries: Record<string, unknown>): void {
  const locked = new Set(list.packages.map((p) => `${p.name}@${p.version}`));
  for (const [key, value] of Object.entries(entries)) {
    const entry = asObject(value);
    const self = parseKey(key);
    if (!entry || !self) continue;
    const wanted = { ...asObject(entry.dependencies), ...asObject(entry.optionalDependencies) };
    const deps = Object.entries(wanted).flatMap(([dep, v]) => {
      if (typeof v !== "string") return [];
      // An alias names its target ("/string-width@4.2.3", "string-width@4.2.3"); otherwise the value is
      // the version with its peer suffix ("1.2.3(react@18.2.0)", or "1.2.3_react@18.2.0" in lock file 5).
      const alias = v.startsWith("/") || /^(@[^/]+\/)?[a-z][^@]*@/i.test(v);
      const target = alias ? parseKey(v) : { name: dep, version: v.replace(/[(_].*$/, "") };
      return target && locked.has(`${target.name}@${target.version}`) ? [target] : [];
    });
    list.dependsOn(self.name, self.version, deps);
  }
}

function isLocal(key: string, entry: Record<string, unknown>): boolean {
  if (asString(asObject(entry.resolution)?.type) === "directory") return true;
  return /(^|@)(file|link|workspace):/.test(key);
}

/** Name and version from a key of any version's form; the peer suffix is dropped. */
function parseKey(key: string): { name: string; version: string } | undefined {
  const k = key.startsWith("/") ? key.slice(1) : key;
  const afterScope = k.startsWith("@") ? k.indexOf("/") + 1 : 0;
  if (afterScope === 0 && k.startsWith("@")) return undefined;
  // The first "/" or "@" after the bare name tells the v5 form from the later ones.
  const rest = k.slice(afterScope);
  const sep = rest.search(/[/@]/);
  if (sep <= 0) return undefined;
  const name = k.slice(0, afterScope + sep);
  let version = rest.slice(sep + 1);
  const paren = version.indexOf("(");
  if (paren >= 0) version = version.slice(0, paren);
  if (rest[sep] === "/") {
    const underscore = version.indexOf("_");
    if (underscore >= 0) version = version.slice(0, underscore);
  }
  return { name, version };
}

/** A key of a git or tarball dependency holds a URL where the version would be. */
function looksLikeVersion(v: string): boolean {
  return v !== "" && !v.includes(":") && !v.includes("/");
}
