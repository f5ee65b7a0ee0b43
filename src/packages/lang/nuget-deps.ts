// .NET's <app>.deps.json, written next to a built application: "libraries" maps "Name/Version" to
// { type }. Entries of type "package" came from NuGet; "project" and "reference" entries are the
// application's own assemblies.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { asObject, asString, detector, MAX_LOCKFILE_BYTES, PackageList, parseJson, requireObject } from "./common.js";

export const nugetDepsDetector = detector({
  name: "nuget-deps",
  wants: (path) => path.endsWith(".deps.json"),
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parseDepsJson,
});

export function parseDepsJson(text: string, path: string): AnalyzerOutput {
  const doc = requireObject(parseJson(text, path), path, "a .NET deps.json");
  const libraries = asObject(doc.libraries);
  if (!libraries) throw new InputError(`${path}: not a .NET deps.json (no "libraries" object)`);
  const list = new PackageList("NuGet", path);
  for (const [key, value] of Object.entries(libraries)) {
    if (asString(asObject(value)?.type) !== "package") continue;
    const slash = key.lastIndexOf("/");
    if (slash <= 0) {
      list.warn(`library key ${JSON.stringify(key.slice(0, 60))} is not "Name/Version"`);
      continue;
    }
    list.add(key.slice(0, slash), key.slice(slash + 1));
  }
  readEdges(doc, list);
  return list.output();
}

/** "targets" lists, per framework, each library's dependencies by name and exact version. */
function readEdges(doc: Record<string, unknown>, list: PackageList): void {
  // Ids are case-insensitive; an edge names the package as its library entry spells it.
  const locked = new Map(list.packages.map((p) => [`${p.name.toLowerCase()}/${p.version}`, p.name]));
  for (const target of Object.values(asObject(doc.targets) ?? {})) {
    for (const [key, value] of Object.entries(asObject(target) ?? {})) {
      const slash = key.lastIndexOf("/");
      if (slash <= 0) continue;
      const deps = Object.entries(asObject(asObject(value)?.dependencies) ?? {}).flatMap(([name, version]) =>
        typeof version === "string" && locked.has(`${name.toLowerCase()}/${version}`) ? [{ name: locked.get(`${name.toLowerCase()}/${version}`) as string, version }] : [],
      );
      list.dependsOn(key.slice(0, slash), key.slice(slash + 1), deps);
    }
  }
}
