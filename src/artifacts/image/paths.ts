// Paths inside archives and layers are attacker-chosen: resolved lexically against the root,
// never against the real filesystem, and refused when they climb out of it.

/**
 * "./etc/passwd", "/etc/passwd", "etc//x/../passwd" → "etc/passwd"; "" for the root itself;
 * undefined when ".." climbs above the root.
 */
export function normalizeEntryPath(name: string): string | undefined {
  const parts: string[] = [];
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts.join("/");
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** True when `path` is `dir` itself or below it; the root "" holds everything. */
export function isUnder(path: string, dir: string): boolean {
  return dir === "" || path === dir || (path.startsWith(dir) && path.charCodeAt(dir.length) === 47);
}

/** "a/b/c" → ["a", "a/b"]: the directories that hold a path. */
export function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  let at = path.indexOf("/");
  while (at >= 0) {
    out.push(path.slice(0, at));
    at = path.indexOf("/", at + 1);
  }
  return out;
}
