// Go executables: the modules compiled in, and the standard library of the toolchain that built
// them (a Go program carries its standard library, so its vulnerabilities are the program's).
import type { Analyzer } from "../../analyzers/types.js";
import type { FileEntry } from "../../artifacts/types.js";
import type { Package } from "../types.js";
import { readGoBuildInfo, type GoBuildInfoRaw } from "./go-buildinfo.js";
import { GoBuildInfoScanner } from "./go-buildinfo-stream.js";
import { effectiveModule, parseGoModInfo, stdlibVersion } from "./go-modinfo.js";
import { packageIn } from "./located.js";
import { MAX_EXECUTABLE_BYTES, wantsExecutable, wantsStreamedExecutable } from "./wants.js";

/**
 * Module versions are canonical SemVer with a "v" (golang.org/x/mod/semver); anything else names no
 * release (a main module built from a checkout is "(devel)", a local replacement has no version) or
 * comes from a damaged file.
 */
const PRERELEASE_ID = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
const MODULE_VERSION = new RegExp(
  `^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-${PRERELEASE_ID}(\\.${PRERELEASE_ID})*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$`,
);
/** Module path elements: letters, digits and "-._~+" (golang.org/x/mod/module), "/"-separated. */
const MODULE_PATH = /^[A-Za-z0-9._~+-]+(\/[A-Za-z0-9._~+-]+)*$/;

function isRelease(path: string, version: string): boolean {
  return version.length <= 256 && path.length <= 1024 && MODULE_VERSION.test(version) && MODULE_PATH.test(path);
}

export function goBinaryPackages(file: FileEntry, buf: Buffer): Package[] | undefined {
  const raw = readGoBuildInfo(buf, file.path);
  return raw === undefined ? undefined : packagesOf(file, raw);
}

/** The standard library and the released modules of a Go executable's build information. */
function packagesOf(file: FileEntry, raw: GoBuildInfoRaw): Package[] {
  const packages: Package[] = [];
  const stdlib = stdlibVersion(raw.goVersion);
  if (stdlib !== undefined) packages.push(packageIn(file, { name: "stdlib", version: stdlib, ecosystem: "Go" }));
  const info = parseGoModInfo(raw.modinfo);
  const seen = new Set<string>();
  for (const m of info.main ? [info.main, ...info.deps] : info.deps) {
    const { path, version } = effectiveModule(m);
    const key = `${path}@${version}`;
    if (!isRelease(path, version) || seen.has(key)) continue;
    seen.add(key);
    packages.push(packageIn(file, { name: path, version, ecosystem: "Go" }));
  }
  return packages;
}

/**
 * Executables up to the memory bound are read whole; larger ones (or any above the driver's
 * limits.maxFileSize) are streamed, which finds Go 1.18+ build information only.
 */
export const goBinaryAnalyzer: Analyzer = {
  name: "go-binary",
  version: 2,
  kind: "packages",
  wants: (path, size, mode) => wantsExecutable(path, size, mode),
  async analyze(file) {
    const packages = goBinaryPackages(file, await file.read(MAX_EXECUTABLE_BYTES));
    return packages === undefined ? undefined : { packages };
  },
  wantsStream: (path, size, mode) => wantsStreamedExecutable(path, size, mode),
  analyzeStream(file) {
    const scanner = new GoBuildInfoScanner();
    return {
      write: (chunk) => scanner.write(chunk),
      end: () => {
        const raw = scanner.end();
        return raw === undefined ? undefined : { packages: packagesOf(file, raw) };
      },
    };
  },
};
