// The module text of Go build information (runtime/debug.ParseBuildInfo's input), one record a line,
// tab-separated:
//   path  <main package path>
//   mod   <module path> <version> [<sum>]     the main module
//   dep   <module path> <version> [<sum>]     a dependency
//   =>    <module path> <version> <sum>       replaces the module on the line before; an empty
//                                             version means a local directory
//   build <key>=<value>                       build settings (ignored here)

export interface GoModule {
  path: string;
  version: string;
  replace?: { path: string; version: string };
}

export interface GoModInfo {
  /** The main package's import path, e.g. "github.com/docker/distribution/cmd/registry". */
  path?: string;
  main?: GoModule;
  deps: GoModule[];
}

/** More modules than any real program links; the rest are ignored. */
const MAX_MODULES = 100_000;

export function parseGoModInfo(text: string): GoModInfo {
  const info: GoModInfo = { deps: [] };
  let last: GoModule | undefined;
  for (const line of text.split("\n")) {
    const fields = line.split("\t");
    const [kind, path = "", version = ""] = fields;
    switch (kind) {
      case "path":
        info.path = path;
        last = undefined;
        break;
      case "mod":
      case "dep":
        last = path === "" ? undefined : { path, version };
        if (last === undefined) break;
        if (kind === "mod") info.main = last;
        else if (info.deps.length < MAX_MODULES) info.deps.push(last);
        break;
      case "=>":
        if (last !== undefined && path !== "") last.replace = { path, version };
        last = undefined;
        break;
      default:
        last = undefined;
    }
  }
  return info;
}

/** The module as built: its replacement where there is one. */
export function effectiveModule(m: GoModule): { path: string; version: string } {
  return m.replace ?? { path: m.path, version: m.version };
}

const TOOLCHAIN = /^go(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(rc|beta)(\d+))?(?:$|[ +-])/;

/**
 * The standard library's version as OSV's Go records write it: "go1.21.3" is "1.21.3", "go1.21rc2"
 * is "1.21.0-rc.2", "go1.20" is "1.20.0"; suffixes after the version ("go1.21.3 X:loopvar") are
 * dropped. Undefined for development toolchains ("devel go1.23-abcdef"), whose code is no release.
 */
export function stdlibVersion(goVersion: string): string | undefined {
  const m = TOOLCHAIN.exec(goVersion);
  if (m === null) return undefined;
  const pre = m[4] === undefined ? "" : `-${m[4]}.${m[5]}`;
  return `${m[1]}.${m[2] ?? "0"}.${m[3] ?? "0"}${pre}`;
}
