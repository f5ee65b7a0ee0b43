// poetry.lock: TOML, one [[package]] table per locked distribution. Packages from a local directory
// or file (source type "directory" or "file") are the project's own code and are left out; git,
// URL and private-index ("legacy") sources are real distributions and stay.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { addPythonEdges, asArray, asObject, asString, baseName, detector, MAX_LOCKFILE_BYTES, PackageList, parseTomlDocument } from "./common.js";

const LOCAL_SOURCES = new Set(["directory", "file"]);

export const poetryLockDetector = detector({
  name: "poetry-lock",
  wants: (path) => baseName(path) === "poetry.lock",
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parsePoetryLock,
});

export function parsePoetryLock(text: string, path: string): AnalyzerOutput {
  const doc = parseTomlDocument(text, path);
  if (doc.package === undefined && doc.metadata === undefined) throw new InputError(`${path}: not a poetry lock file (no [[package]] or [metadata])`);
  const list = new PackageList("PyPI", path);
  const edges: { name: string; version: string; deps: string[] }[] = [];
  for (const value of asArray(doc.package)) {
    const entry = asObject(value);
    if (!entry) continue;
    if (LOCAL_SOURCES.has(asString(asObject(entry.source)?.type) ?? "")) continue;
    const name = asString(entry.name);
    const version = asString(entry.version);
    if (name === undefined || version === undefined) continue;
    list.add(name, version);
    // [package.dependencies] maps each dependency's name to its constraint.
    edges.push({ name, version, deps: Object.keys(asObject(entry.dependencies) ?? {}) });
  }
  addPythonEdges(list, edges);
  return list.output();
}
