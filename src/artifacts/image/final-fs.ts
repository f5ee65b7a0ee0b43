// Which results come from files that are still there in the final filesystem. Layers are read
// bottom first and every file is analyzed as it streams past, so a result is kept as a candidate
// and later entries supersede it: the same path again (a later layer, or a duplicate entry later in
// the same layer: last wins, as in Docker), a whiteout of it or of a directory above it, an opaque
// directory above it, or a non-directory put where a directory above it was. Only the candidates
// are remembered, never the layers' full path lists, so memory follows the results, not the image.
import { ancestorsOf, isUnder } from "./paths.js";

export interface Placed {
  /** Layer index, bottom first. */
  layer: number;
  /** Position of the entry within its layer. */
  seq: number;
  path: string;
}

export interface Supersession {
  /** Layer index of the entry or whiteout that hid the file. */
  layer: number;
  /** A whiteout (or a file put over its directory) removed it; otherwise a newer version replaced it. */
  deleted: boolean;
}

export class FinalFs<T extends Placed> {
  private readonly byPath = new Map<string, T[]>();
  /** For each directory, how many live candidates lie below it ("" is the root). */
  private readonly below = new Map<string, number>();
  readonly superseded = new Map<T, Supersession>();

  add(item: T): void {
    const list = this.byPath.get(item.path);
    if (list) list.push(item);
    else this.byPath.set(item.path, [item]);
    for (const dir of ["", ...ancestorsOf(item.path)]) this.below.set(dir, (this.below.get(dir) ?? 0) + 1);
  }

  /** An entry occupying `path` in `layer` at position `seq`. */
  entry(layer: number, seq: number, path: string, isDirectory: boolean): void {
    const same = this.byPath.get(path);
    if (same) {
      for (const item of same.filter((i) => i.layer < layer || (i.layer === layer && i.seq < seq))) this.supersede(item, { layer, deleted: false });
    }
    if (!isDirectory) this.supersedeBelow(path, layer, true);
  }

  whiteout(layer: number, path: string, opaque: boolean): void {
    if (!opaque) {
      for (const item of (this.byPath.get(path) ?? []).filter((i) => i.layer < layer)) this.supersede(item, { layer, deleted: true });
    }
    this.supersedeBelow(path, layer, true);
  }

  isFinal(item: T): boolean {
    return !this.superseded.has(item);
  }

  /** Candidates strictly below directory `dir`, from layers under `layer`. */
  private supersedeBelow(dir: string, layer: number, deleted: boolean): void {
    if (!this.below.get(dir)) return;
    for (const [path, items] of [...this.byPath]) {
      if (path === dir || !isUnder(path, dir)) continue;
      for (const item of items.filter((i) => i.layer < layer)) this.supersede(item, { layer, deleted });
    }
  }

  private supersede(item: T, by: Supersession): void {
    this.superseded.set(item, by);
    const list = this.byPath.get(item.path) ?? [];
    const rest = list.filter((i) => i !== item);
    if (rest.length > 0) this.byPath.set(item.path, rest);
    else this.byPath.delete(item.path);
    for (const dir of ["", ...ancestorsOf(item.path)]) {
      const n = (this.below.get(dir) ?? 1) - 1;
      if (n > 0) this.below.set(dir, n);
      else this.below.delete(dir);
    }
  }
}
