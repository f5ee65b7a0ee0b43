// composer.lock: JSON "packages" and "packages-dev", each with name, version and license list.
// Versions are kept as Composer writes them ("v5.4.0", "1.2.3", "dev-main"): the Packagist version
// scheme of the matcher normalizes the "v". A license list is the user's choice of one.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { addNamedEdges, asArray, asObject, asString, baseName, detector, MAX_LOCKFILE_BYTES, PackageList, parseJson, requireObject } from "./common.js";

export const composerLockDetector = detector({
  name: "composer-lock",
  wants: (path) => baseName(path) === "composer.lock",
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parseComposerLock,
});

export function parseComposerLock(text: string, path: string): AnalyzerOutput {
  const doc = requireObject(parseJson(text, path), path, "a composer.lock");
  if (!Array.isArray(doc.packages) && !Array.isArray(doc["packages-dev"])) {
    throw new InputError(`${path}: not a composer.lock (no "packages" list)`);
  }
  const list = new PackageList("Packagist", path);
  const edges: { name: string; version: string; deps: string[] }[] = [];
  for (const value of [...asArray(doc.packages), ...asArray(doc["packages-dev"])]) {
    const entry = asObject(value);
    const name = asString(entry?.name);
    const version = asString(entry?.version);
    if (name === undefined || version === undefined) continue;
    const declared = typeof entry?.license === "string" ? [entry.license] : asArray(entry?.license);
    const licenses = declared.filter((l): l is string => typeof l === "string" && l.trim() !== "");
    list.add(name, version, licenses.length === 0 ? undefined : licenses.map(group).join(" OR "));
    edges.push({ name, version, deps: Object.keys(asObject(entry?.require) ?? {}) });
  }
  // Package names are case-insensitive on Packagist.
  addNamedEdges(list, edges, (n) => n.toLowerCase());
  return list.output();
}

/** An entry that is itself an expression keeps its meaning inside an OR. */
function group(license: string): string {
  const t = license.trim();
  return /\s/.test(t) ? `(${t})` : t;
}
