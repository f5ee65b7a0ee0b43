// Where a module call's source is on disk: a local path (`./modules/vpc`), or for registry and git
// sources the directory `terraform init` recorded in .terraform/modules/modules.json. Nothing is
// ever downloaded; a module that is not on disk is reported and its outputs stay unknown.
import { posix } from "node:path";

/** A source that names a directory relative to the calling module. */
export function isLocalSource(source: string): boolean {
  return source.startsWith("./") || source.startsWith("../") || source === "." || source === "..";
}

/** The root-relative directory a local source names; undefined when it leaves the scan root. */
export function localDir(callerDir: string, source: string): string | undefined {
  const dir = posix.normalize(posix.join(callerDir || ".", source)).replace(/\/+$/, "");
  if (dir === ".." || dir.startsWith("../") || posix.isAbsolute(dir)) return undefined;
  return dir === "." ? "" : dir;
}

export function joinPath(dir: string, name: string): string {
  return dir === "" ? name : `${dir}/${name}`;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

/** Whether a directory is inside a .terraform directory (downloaded modules: never a root module). */
export function isDownloaded(dir: string): boolean {
  return dir === ".terraform" || dir.startsWith(".terraform/") || dir.includes("/.terraform/") || dir.endsWith("/.terraform");
}

/** `.terraform/modules/modules.json` of a root module: module key (`vpc`, `vpc.subnets`) to root-relative directory. */
export function readManifest(rootDir: string, read: (path: string) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const text = read(joinPath(rootDir, ".terraform/modules/modules.json"));
  if (text === undefined) return out;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return out;
  }
  const mods = (data as { Modules?: unknown } | null)?.Modules;
  if (!Array.isArray(mods)) return out;
  for (const m of mods as unknown[]) {
    const { Key: key, Dir: dir } = (m ?? {}) as { Key?: unknown; Dir?: unknown };
    if (typeof key !== "string" || typeof dir !== "string" || key === "" || posix.isAbsolute(dir)) continue;
    const full = localDir(rootDir, dir);
    if (full !== undefined) out.set(key, full);
  }
  return out;
}
