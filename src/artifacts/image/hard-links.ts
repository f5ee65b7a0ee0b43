// Hard links within one layer, as the layer streams past. A tar hard link names an entry earlier in
// the same archive, whose content went by before the link: the link is resolved at its position in
// the stream (what its target path holds then: a regular file, or a link already resolved to one),
// so a chain of links ends at a file and a cycle cannot form (a link to itself, or to nothing yet,
// is missing). Links the analyzers want are gathered here for a second read of the layer, which
// hands each the content of its file (layer.ts). Paths of all entries are kept as hashes only, so a
// layer of a million files costs no million strings; the links kept by name are bounded.

/** Links followed per layer; past it, a link is analyzed under the path it names only. */
export const MAX_FOLLOWED_LINKS = 10_000;

/** A regular file entry of the layer: where it was and how large. */
export interface LinkedFile {
  path: string;
  seq: number;
  size: number;
}

export type LinkOutcome = LinkedFile | "missing" | "self" | "not a file" | "too many";

/** 31-bit FNV-1a of a path. */
function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h & 0x7fffffff;
}

export class LayerLinks<L extends { path: string }> {
  /** Path hash → seq of the regular file the path holds (a link resolved to it included); 0 for anything else. */
  private readonly occupants = new Map<number, number>();
  /** Sizes of the regular files by seq (0 for other entries). */
  private readonly sizes: number[] = [0];
  /** Link path → path of the file it resolved to, for the links followed. */
  private readonly resolved = new Map<string, string>();
  /** Wanted links by their own path → the seq of their file. */
  private readonly pending = new Map<string, number>();
  /** The wanted links by the seq of their file, with the path that file must have on the second read. */
  readonly wanted = new Map<number, { path: string; links: L[] }>();
  private followed = 0;

  /** Every entry that occupies a path, in stream order: what was at its path is gone. */
  occupy(path: string, kind: "file" | "dir" | "symlink" | "hardlink" | "other", seq: number, size: number): void {
    this.sizes[seq] = kind === "file" ? size : 0;
    const replaced = this.pending.get(path);
    if (replaced !== undefined) {
      // A later entry at the same path wins (as in Docker): the earlier link there is not the final one.
      this.pending.delete(path);
      const w = this.wanted.get(replaced);
      if (w) {
        w.links = w.links.filter((l) => l.path !== path);
        if (w.links.length === 0) this.wanted.delete(replaced);
      }
    }
    this.resolved.delete(path);
    const h = pathHash(path);
    if (kind === "dir") this.occupants.delete(h);
    else if (kind === "file") this.occupants.set(h, seq);
    // A hard link's own path is set by link(), after its target is looked up.
    else if (kind !== "hardlink") this.occupants.set(h, 0);
  }

  /** A hard link entry at `path` (occupy() first) naming `target` (normalized). */
  link(path: string, target: string): LinkOutcome {
    const seq = this.occupants.get(pathHash(target));
    let outcome: LinkOutcome;
    if (target === path) outcome = "self";
    else if (seq === undefined) outcome = "missing";
    else if (seq === 0) outcome = "not a file";
    else if (this.followed >= MAX_FOLLOWED_LINKS) outcome = "too many";
    else {
      outcome = { path: this.resolved.get(target) ?? target, seq, size: this.sizes[seq] ?? 0 };
      this.followed++;
      this.resolved.set(path, outcome.path);
    }
    this.occupants.set(pathHash(path), typeof outcome === "object" ? outcome.seq : 0);
    return outcome;
  }

  /** Hands `link` the content of `file` on the second read. */
  want(link: L, file: LinkedFile): void {
    const w = this.wanted.get(file.seq);
    if (w) w.links.push(link);
    else this.wanted.set(file.seq, { path: file.path, links: [link] });
    this.pending.set(link.path, file.seq);
  }
}
