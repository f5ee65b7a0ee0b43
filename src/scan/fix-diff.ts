// A unified diff (`diff -u` style, three lines of context) between two versions of a file's lines,
// from Myers' O(ND) shortest edit script: fixes change few lines, so D stays small.
const CONTEXT = 3;
/** Past this many differing lines the diff is given as one hunk replacing the changed middle. */
const MAX_D = 4000;

type Op = { t: " " | "-" | "+"; line: string };

function myers(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_D);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(next);
        return backtrack(a, b, trace, offset, d);
      }
    }
    v = next;
  }
  return undefined;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[], offset: number, dEnd: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? k + 1 : k - 1;
    const prevX = v[offset + prevK] as number;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ t: " ", line: a[--x] as string });
      y--;
    }
    if (x === prevX) ops.push({ t: "+", line: b[--y] as string });
    else ops.push({ t: "-", line: a[--x] as string });
  }
  while (x > 0 && y > 0) {
    ops.push({ t: " ", line: a[--x] as string });
    y--;
  }
  return ops.reverse();
}

function fallback(a: readonly string[], b: readonly string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  return [
    ...a.slice(0, pre).map((line): Op => ({ t: " ", line })),
    ...a.slice(pre, a.length - suf).map((line): Op => ({ t: "-", line })),
    ...b.slice(pre, b.length - suf).map((line): Op => ({ t: "+", line })),
    ...a.slice(a.length - suf).map((line): Op => ({ t: " ", line })),
  ];
}

/** Lines as split on the line ending: a last empty element is the final newline, not a line. */
function terminated(lines: readonly string[]): { lines: readonly string[]; newlineAtEnd: boolean } {
  return lines.length > 0 && lines[lines.length - 1] === "" ? { lines: lines.slice(0, -1), newlineAtEnd: true } : { lines, newlineAtEnd: false };
}

const NO_NEWLINE = "\\ No newline at end of file";

/** `--- a/path` / `+++ b/path` and the hunks; "" when nothing differs. */
export function unifiedDiff(beforeLines: readonly string[], afterLines: readonly string[], path: string): string {
  const b0 = terminated(beforeLines);
  const a0 = terminated(afterLines);
  const before = b0.lines;
  const after = a0.lines;
  const ops = myers(before, after) ?? fallback(before, after);
  const changed = ops.map((o, i) => (o.t !== " " ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return "";
  const out = [`--- a/${path}`, `+++ b/${path}`];
  // Line numbers before each op, in the old and the new file.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op.t !== "+") o++;
    if (op.t !== "-") n++;
  }
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, (changed[i] as number) - CONTEXT);
    let end = Math.min(ops.length - 1, (changed[i] as number) + CONTEXT);
    while (i + 1 < changed.length && (changed[i + 1] as number) - CONTEXT <= end + 1) {
      i++;
      end = Math.min(ops.length - 1, (changed[i] as number) + CONTEXT);
    }
    const hunk = ops.slice(start, end + 1);
    const oldLen = hunk.filter((h) => h.t !== "+").length;
    const newLen = hunk.filter((h) => h.t !== "-").length;
    const oldStart = oldLen === 0 ? (oldAt[start] as number) - 1 : (oldAt[start] as number);
    const newStart = newLen === 0 ? (newAt[start] as number) - 1 : (newAt[start] as number);
    out.push(`@@ -${oldStart},${oldLen} +${newStart},${newLen} @@`);
    hunk.forEach((h, j) => {
      out.push(`${h.t}${h.line}`);
      const k = start + j;
      const lastOld = h.t !== "+" && oldAt[k] === before.length && !b0.newlineAtEnd;
      const lastNew = h.t !== "-" && newAt[k] === after.length && !a0.newlineAtEnd;
      if (lastOld || lastNew) out.push(NO_NEWLINE);
    });
    i++;
  }
  return `${out.join("\n")}\n`;
}
