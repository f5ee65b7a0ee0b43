// Go module and toolchain versions. Modules are SemVer with a "v" (which OSV's records leave out, so
// both spellings are accepted): pseudo-versions such as v0.0.0-20210101120000-abcdef123456 are
// pre-releases and order by their timestamp, and "+incompatible" is build metadata, ignored as
// golang.org/x/mod/semver ignores it. The shorthands "v1" and "v1.2" mean v1.0.0 and v1.2.0.
//
// The Go toolchain spells its own versions "go1.21.3", "go1.21rc2", "go1.20": these read as
// 1.21.3, 1.21.0-rc.2 and 1.20.0, the spelling OSV uses for the standard library. (Since Go 1.21 the
// toolchain orders the language version "1.21" before "1.21rc1"; here it is 1.21.0.)
import { semverOrdering } from "./semver.js";

const TOOLCHAIN = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(rc|beta)(\d+))?$/;

function goToSemver(v: string): string | null {
  const s = v.startsWith("go") ? v.slice(2) : v.startsWith("v") ? v.slice(1) : v;
  if (s.startsWith("v")) return null;
  const m = TOOLCHAIN.exec(s);
  if (m === null) return s;
  const pre = m[4] === undefined ? "" : `-${m[4]}.${m[5]}`;
  return `${m[1]}.${m[2] ?? "0"}.${m[3] ?? "0"}${pre}`;
}

export const goScheme = semverOrdering("go", { loose: false, normalize: goToSemver });
