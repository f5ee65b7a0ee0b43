// A root filesystem directory (an unpacked image, a mounted host root): one final filesystem with
// no layers. It is walked like a layer is read, not like a source tree: symbolic links are entries,
// never followed (in a root filesystem they point into that root, not into the host's, so
// following them would read the wrong files or report /usr/bin under /bin), nothing is excluded
// (node_modules holds packages), and other filesystems mounted below it (/proc, /sys) are not
// entered.
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { describeFsError } from "../../core/errors.js";
import type { ScanWarning } from "../../core/model.js";
import type { Image } from "./types.js";

export function openRootfs(dir: string, name: string): Image {
  const root = realpathSync(dir);
  return { name, kind: "rootfs", id: `rootfs:${root}`, repoTags: [], config: {}, layers: [], root, close: async () => {} };
}

export interface RootfsFile {
  absPath: string;
  /** Relative to the root, "/"-separated. */
  relPath: string;
  size: number;
  mode: number;
}

export interface RootfsWalkOptions {
  maxFiles: number;
  maxDepth: number;
  warn(w: ScanWarning, kind: string): void;
}

/** The regular files under `root`, directories in name order, depth first. */
export function* walkRootfs(root: string, opts: RootfsWalkOptions): Generator<RootfsFile> {
  const device = statSync(root).dev;
  let files = 0;
  const stack: { abs: string; rel: string; depth: number }[] = [{ abs: root, rel: "", depth: 0 }];
  while (stack.length > 0) {
    const dir = stack.pop() as (typeof stack)[number];
    let entries: Dirent[];
    try {
      entries = readdirSync(dir.abs, { withFileTypes: true });
    } catch (e) {
      opts.warn({ path: dir.rel || ".", message: `skipped: ${describeFsError("directory", e).replace(/^directory: /, "")}` }, "unreadable directory");
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: typeof stack = [];
    for (const entry of entries) {
      const abs = join(dir.abs, entry.name);
      const rel = dir.rel ? `${dir.rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (dir.depth + 1 > opts.maxDepth) opts.warn({ path: rel, message: `skipped: deeper than ${opts.maxDepth} directories (limits.maxPathDepth)` }, "directory too deep");
        else subdirs.push({ abs, rel, depth: dir.depth + 1 });
        continue;
      }
      // Symbolic links, devices, FIFOs and sockets are never opened.
      if (!entry.isFile()) continue;
      let st;
      try {
        st = lstatSync(abs);
      } catch (e) {
        opts.warn({ path: rel, message: `skipped: ${describeFsError("file", e).replace(/^file: /, "")}` }, "unreadable file");
        continue;
      }
      if (++files > opts.maxFiles) {
        opts.warn({ message: `stopped after ${opts.maxFiles} files (limits.maxEntriesPerLayer): the result is partial` }, "too many files");
        return;
      }
      yield { absPath: abs, relPath: rel, size: st.size, mode: st.mode };
    }
    for (const sub of subdirs.reverse()) {
      let dev: number;
      try {
        dev = lstatSync(sub.abs).dev;
      } catch {
        continue;
      }
      if (dev !== device) opts.warn({ path: sub.rel, message: "skipped: another filesystem is mounted here" }, "mount point");
      else stack.push(sub);
    }
  }
}
