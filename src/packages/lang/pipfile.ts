// Pipfile.lock (pipenv): JSON with "default" and "develop" maps of name to { version: "==1.2.3" }.
// Entries without a version (editable paths, git checkouts) name no registry release and are skipped.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { asObject, asString, baseName, detector, MAX_LOCKFILE_BYTES, PackageList, parseJson, requireObject } from "./common.js";

export const pipfileLockDetector = detector({
  name: "pipfile-lock",
  wants: (path) => baseName(path) === "Pipfile.lock",
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parsePipfileLock,
});

export function parsePipfileLock(text: string, path: string): AnalyzerOutput {
  const doc = requireObject(parseJson(text, path), path, "a Pipfile.lock");
  if (doc._meta === undefined && doc.default === undefined && doc.develop === undefined) {
    throw new InputError(`${path}: not a Pipfile.lock (no _meta, default or develop)`);
  }
  const list = new PackageList("PyPI", path);
  for (const section of ["default", "develop"]) {
    for (const [name, value] of Object.entries(asObject(doc[section]) ?? {})) {
      const version = asString(asObject(value)?.version);
      if (version?.startsWith("==")) list.add(name, version.replace(/^===?/, "").trim());
    }
  }
  return list.output();
}
