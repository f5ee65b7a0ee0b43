// Where a rule's regex runs: only near its keywords. re2js finds matches with their groups at
// 1-5 MB/s and tells "is there a match" at 30-100 MB/s (measured here), so running every rule
// over every file would dominate a scan; a keyword occurrence narrows the search to its line (or,
// for rules that span lines, a bounded block after it), and the fast test narrows it further
// before the capturing matcher runs. A window edge that is not a line or file boundary is "cut":
// a match touching it may continue beyond, so the engine drops it, and long windows are split
// with an overlap wide enough for any match to lie whole inside one piece.

/** Hits closer than this join one cluster: one window instead of many. */
const CLUSTER_GAP = 256;
/** Windows longer than this (or than twice the overlap) are split, with overlap, to bound each regex run. */
const MAX_WINDOW = 64 * 1024;

export interface Window {
  start: number;
  end: number;
  cutStart: boolean;
  cutEnd: boolean;
}

/** Collects keyword hits of one rule into clusters: flat [start, end, start, end, ...]. */
export function addHit(clusters: number[], start: number, end: number): void {
  const n = clusters.length;
  if (n > 0 && start <= (clusters[n - 1] as number) + CLUSTER_GAP) {
    if (end > (clusters[n - 1] as number)) clusters[n - 1] = end;
  } else {
    clusters.push(start, end);
  }
}

const NL = 10;
const CR = 13;

function lineStartWithin(bytes: Uint8Array, pos: number, limit: number): number {
  let i = pos;
  while (i > limit && bytes[i - 1] !== NL) i--;
  return i;
}

function lineEndWithin(bytes: Uint8Array, pos: number, limit: number): number {
  let i = pos;
  while (i < limit && bytes[i] !== NL) i++;
  return i;
}

function isCutStart(bytes: Uint8Array, start: number): boolean {
  return start > 0 && bytes[start - 1] !== NL;
}

function isCutEnd(bytes: Uint8Array, end: number): boolean {
  return end < bytes.length && bytes[end] !== NL && bytes[end] !== CR;
}

/** Windows for one rule's clusters, in file order, merged where they overlap and split where long. */
export function windowsFor(bytes: Uint8Array, clusters: readonly number[], scope: "line" | "block" | "file", maxLength: number, before: number): Window[] {
  const n = bytes.length;
  // gitleaks' semantics: a keyword anywhere enables the whole file, searched in overlapping
  // pieces so that the slow part of matching (captures) runs only where the fast test says so.
  if (scope === "file") return clusters.length === 0 ? [] : split({ start: 0, end: n, cutStart: false, cutEnd: false }, maxLength + before);
  const merged: { start: number; end: number }[] = [];
  for (let i = 0; i < clusters.length; i += 2) {
    const cs = clusters[i] as number;
    const ce = clusters[i + 1] as number;
    const start = lineStartWithin(bytes, cs, Math.max(0, cs - before));
    const limit = Math.min(n, ce + maxLength);
    let end = scope === "line" ? lineEndWithin(bytes, ce, limit) : limit;
    if (scope === "line" && end > start && bytes[end - 1] === CR) end--;
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged.flatMap((w) => split({ ...w, cutStart: isCutStart(bytes, w.start), cutEnd: isCutEnd(bytes, w.end) }, maxLength + before));
}

/** Pieces this short go to the (slow) capturing matcher as they are. */
const FIND_WINDOW = 1024;

/**
 * The parts of a window that hold a match, found by halving: the fast "is there a match" test
 * runs on each half, and only pieces of at most FIND_WINDOW bytes (or twice the overlap) that
 * pass go on to the capturing matcher, which is ten times slower per byte. Halves overlap by
 * `overlap` bytes so that a match no longer than that lies whole in one of them. A split at a
 * line break is a natural edge only for rules whose matches stay on one line.
 */
export function narrowed(bytes: Uint8Array, w: Window, overlap: number, lineScoped: boolean, hasMatch: (input: Uint8Array) => boolean): Window[] {
  if (!hasMatch(bytes.subarray(w.start, w.end))) return [];
  const out: Window[] = [];
  const visit = (piece: Window): void => {
    const length = piece.end - piece.start;
    if (length <= Math.max(FIND_WINDOW, 2 * overlap)) {
      out.push(piece);
      return;
    }
    const mid = piece.start + Math.floor(length / 2);
    const leftEnd = Math.min(piece.end, mid + overlap);
    const left: Window = { start: piece.start, end: leftEnd, cutStart: piece.cutStart, cutEnd: leftEnd === piece.end ? piece.cutEnd : !lineScoped || isCutEnd(bytes, leftEnd) };
    const right: Window = { start: mid, end: piece.end, cutStart: !lineScoped || isCutStart(bytes, mid), cutEnd: piece.cutEnd };
    for (const half of [left, right]) if (hasMatch(bytes.subarray(half.start, half.end))) visit(half);
  };
  visit(w);
  return out;
}

function split(w: Window, overlap: number): Window[] {
  const size = Math.max(MAX_WINDOW, 2 * overlap);
  if (w.end - w.start <= size) return [w];
  const out: Window[] = [];
  for (let s = w.start; ; s += size - overlap) {
    const e = Math.min(w.end, s + size);
    out.push({ start: s, end: e, cutStart: s === w.start ? w.cutStart : true, cutEnd: e === w.end ? w.cutEnd : true });
    if (e === w.end) return out;
  }
}
