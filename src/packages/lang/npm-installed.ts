// Installed npm packages: the package.json at the top of each package directory under node_modules
// (node_modules/<name>/ or node_modules/@scope/<name>/). The project's own package.json declares
// ranges, not what is installed, and package.json files deeper inside a package (module-type shims
// such as @babel/runtime/helpers/esm/package.json) are not packages: neither is wanted.
import type { AnalyzerOutput } from "../../analyzers/types.js";
import { asArray, asString, detector, MAX_MANIFEST_BYTES, PackageList, parseJson, requireObject } from "./common.js";
import { licenseOf } from "./npm-lock.js";

// A directory name starting with "." is npm's or pnpm's bookkeeping (.bin, .cache, .pnpm), not a package.
const INSTALLED_MANIFEST = /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/.][^/]*\/package\.json$/;

export const npmInstalledDetector = detector({
  name: "npm-installed",
  wants: (path) => path.endsWith("/package.json") && INSTALLED_MANIFEST.test(path),
  maxBytes: MAX_MANIFEST_BYTES,
  parse: parseInstalledPackageJson,
});

export function parseInstalledPackageJson(text: string, path: string): AnalyzerOutput {
  const manifest = requireObject(parseJson(text, path), path, "a package.json");
  const list = new PackageList("npm", path);
  const name = asString(manifest.name);
  const version = asString(manifest.version);
  // Some packages ship a package.json without a version (e.g. a fixture): nothing to match.
  if (name !== undefined && version !== undefined) list.add(name, version, manifestLicense(manifest));
  return list.output();
}

/** "license", or the legacy "licenses" array, whose entries are alternatives. */
function manifestLicense(manifest: Record<string, unknown>): string | undefined {
  const single = licenseOf(manifest.license);
  if (single !== undefined) return single;
  const several = asArray(manifest.licenses)
    .map(licenseOf)
    .filter((l): l is string => l !== undefined && l.trim() !== "");
  if (several.length === 0) return undefined;
  return several.length === 1 ? several[0] : several.map((l) => (/\s/.test(l.trim()) ? `(${l.trim()})` : l.trim())).join(" OR ");
}
