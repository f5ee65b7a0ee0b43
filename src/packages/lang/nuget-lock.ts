// NuGet's packages.lock.json: "dependencies" maps each target framework to packages with their
// resolved version. A package appears once per framework; type "Project" entries are projects of
// the same solution, not NuGet packages.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { asObject, asString, baseName, detector, MAX_LOCKFILE_BYTES, PackageList, parseJson, requireObject } from "./common.js";

export const nugetLockDetector = detector({
  name: "nuget-lock",
  wants: (path) => baseName(path) === "packages.lock.json",
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parseNugetLock,
});

export function parseNugetLock(text: string, path: string): AnalyzerOutput {
  const doc = requireObject(parseJson(text, path), path, "a NuGet packages.lock.json");
  const frameworks = asObject(doc.dependencies);
  if (!frameworks) throw new InputError(`${path}: not a NuGet packages.lock.json (no "dependencies" object)`);
  const list = new PackageList("NuGet", path);
  for (const packages of Object.values(frameworks)) {
    for (const [name, value] of Object.entries(asObject(packages) ?? {})) {
      const entry = asObject(value);
      if (!entry || asString(entry.type)?.toLowerCase() === "project") continue;
      const version = asString(entry.resolved);
      if (version !== undefined) list.add(name, version);
    }
  }
  return list.output();
}
