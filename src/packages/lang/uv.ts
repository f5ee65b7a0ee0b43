// uv.lock: TOML, one [[package]] table per distribution, each with its source. The project itself and
// local packages (source editable, virtual, directory or path) are the user's code and are left out.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { addPythonEdges, asArray, asObject, asString, baseName, detector, MAX_LOCKFILE_BYTES, PackageList, parseTomlDocument } from "./common.js";

const LOCAL_SOURCES = ["editable", "virtual", "directory", "path"];

export const uvLockDetector = detector({
  name: "uv-lock",
  wants: (path) => baseName(path) === "uv.lock",
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parseUvLock,
});

export function parseUvLock(text: string, path: string): AnalyzerOutput {
  const doc = parseTomlDocument(text, path);
  if (doc.version === undefined && doc.package === undefined) throw new InputError(`${path}: not a uv lock file (no version or [[package]])`);
  const list = new PackageList("PyPI", path);
  const edges: { name: string; version: string; deps: string[] }[] = [];
  for (const value of asArray(doc.package)) {
    const entry = asObject(value);
    if (!entry) continue;
    const source = asObject(entry.source) ?? {};
    if (LOCAL_SOURCES.some((k) => Object.hasOwn(source, k))) continue;
    const name = asString(entry.name);
    // A workspace member with a dynamic version has none in the lock file.
    const version = asString(entry.version);
    if (name === undefined || version === undefined) continue;
    list.add(name, version);
    const deps = asArray(entry.dependencies).flatMap((d) => asString(asObject(d)?.name) ?? []);
    edges.push({ name, version, deps });
  }
  addPythonEdges(list, edges);
  return list.output();
}
