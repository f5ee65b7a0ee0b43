// yarn.lock: Yarn 1's own format, or Yarn 2+ ("berry"), which is YAML with a __metadata entry.
// Packages from the project's own tree (workspace:, link:, portal:, file:, exec:) are left out;
// patched packages (patch:) are the npm package they patch, at its version.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { InputError } from "../../core/errors.js";
import { asObject, asString, baseName, detector, insideNodeModules, MAX_LOCKFILE_BYTES, PackageList, parseYamlDocument, requireObject } from "./common.js";
import { parseYarnV1 } from "./yarn-v1.js";

const LOCAL_PROTOCOLS = new Set(["workspace", "link", "portal", "file", "exec"]);

export const yarnLockDetector = detector({
  name: "yarn-lock",
  wants: (path) => baseName(path) === "yarn.lock" && !insideNodeModules(path),
  maxBytes: MAX_LOCKFILE_BYTES,
  parse: parseYarnLock,
});

export function parseYarnLock(text: string, path: string): AnalyzerOutput {
  return /^"?__metadata"?:/m.test(text) ? parseBerry(text, path) : parseClassic(text, path);
}

function parseClassic(text: string, path: string): AnalyzerOutput {
  const list = new PackageList("npm", path);
  const entries = parseYarnV1(text, path);
  // Each spec ("lodash@^4.17.0") resolves to the one entry that lists it.
  const bySpec = new Map<string, { name: string; version: string }>();
  for (const entry of entries) {
    const name = realName(entry.specs);
    if (name === undefined) continue;
    if (entry.version === undefined) {
      list.warn(`line ${entry.line}: entry ${name} has no version`);
      continue;
    }
    list.add(name, entry.version);
    for (const spec of entry.specs) bySpec.set(spec, { name, version: entry.version });
  }
  for (const entry of entries) {
    const self = bySpec.get(entry.specs[0] ?? "");
    if (!self) continue;
    list.dependsOn(self.name, self.version, entry.dependencies.flatMap((d) => bySpec.get(`${d.name}@${d.range}`) ?? []));
  }
  return list.output();
}

/** The package an entry installs, or undefined for the project's own code. */
function realName(specs: string[]): string | undefined {
  for (const spec of specs) {
    const parsed = splitSpec(spec);
    if (!parsed || LOCAL_PROTOCOLS.has(protocolOf(parsed.range))) return undefined;
    // An alias, "string-width-cjs@npm:string-width@^4.2.0", installs the package it names.
    if (parsed.range.startsWith("npm:")) {
      const target = splitSpec(parsed.range.slice(4));
      if (target) return target.name;
    }
  }
  const first = specs[0];
  return first === undefined ? undefined : splitSpec(first)?.name;
}

function parseBerry(text: string, path: string): AnalyzerOutput {
  const doc = requireObject(parseYamlDocument(text, path), path, "a yarn lock file");
  const list = new PackageList("npm", path);
  const bySpec = new Map<string, { name: string; version: string }>();
  const withDeps: { self: { name: string; version: string }; deps: Record<string, unknown> }[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (key === "__metadata") continue;
    const entry = asObject(value);
    if (!entry) throw new InputError(`${path}: entry ${JSON.stringify(key.slice(0, 60))} is not a mapping`);
    // The resolution names what was installed, aliases resolved: "string-width@npm:4.2.3".
    const resolution = splitSpec(asString(entry.resolution) ?? key.split(",")[0]?.trim() ?? "");
    const version = asString(entry.version);
    if (!resolution || version === undefined) continue;
    if (LOCAL_PROTOCOLS.has(protocolOf(resolution.range))) continue;
    list.add(resolution.name, version);
    const self = { name: resolution.name, version };
    // Keys list every spec the entry satisfies: "ms@npm:^2.1.1, ms@npm:^2.1.3".
    for (const spec of key.split(",")) bySpec.set(spec.trim(), self);
    const deps = { ...asObject(entry.dependencies), ...asObject(entry.optionalDependencies) };
    withDeps.push({ self, deps });
  }
  for (const { self, deps } of withDeps) {
    const resolved = Object.entries(deps).flatMap(([name, range]) => {
      if (typeof range !== "string") return [];
      // Berry writes dependency ranges with their protocol ("npm:^2.1.1"); a bare range means npm:.
      return bySpec.get(`${name}@${range}`) ?? bySpec.get(`${name}@npm:${range}`) ?? [];
    });
    list.dependsOn(self.name, self.version, resolved);
  }
  return list.output();
}

/** "@scope/name@range" → name and range; the name's own "@" is the first character. */
function splitSpec(spec: string): { name: string; range: string } | undefined {
  const at = spec.indexOf("@", 1);
  if (at <= 0) return undefined;
  return { name: spec.slice(0, at), range: spec.slice(at + 1) };
}

function protocolOf(range: string): string {
  const m = /^([a-z+]+):/.exec(range);
  return m?.[1] ?? "";
}
