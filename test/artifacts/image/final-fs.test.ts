import { describe, expect, it } from "vitest";
import { FinalFs, type Placed } from "../../../src/artifacts/image/final-fs.js";

type Op = ["file", number, string] | ["dir", number, string] | ["whiteout", number, string] | ["opaque", number, string];

/** Runs layer events in order (each "file" both occupies its path and is a candidate) and says what each candidate became. */
function run(ops: Op[]): string[] {
  const fs = new FinalFs<Placed>();
  const items: Placed[] = [];
  const seqs = new Map<number, number>();
  for (const [op, layer, path] of ops) {
    const seq = (seqs.get(layer) ?? 0) + 1;
    seqs.set(layer, seq);
    if (op === "whiteout" || op === "opaque") fs.whiteout(layer, path, op === "opaque");
    else {
      fs.entry(layer, seq, path, op === "dir");
      if (op === "file") {
        const item = { layer, seq, path };
        items.push(item);
        fs.add(item);
      }
    }
  }
  return items.map((i) => {
    const by = fs.superseded.get(i);
    return `${i.layer}:${i.path} ${by ? `${by.deleted ? "deleted" : "replaced"} in ${by.layer}` : "final"}`;
  });
}

describe("FinalFs", () => {
  it.each<[string, Op[], string[]]>([
    ["a later layer replaces a file", [["file", 0, "a"], ["file", 1, "a"]], ["0:a replaced in 1", "1:a final"]],
    ["the last duplicate in a layer wins", [["file", 0, "a"], ["file", 0, "a"]], ["0:a replaced in 0", "0:a final"]],
    ["a whiteout deletes a file", [["file", 0, "a/b"], ["whiteout", 1, "a/b"]], ["0:a/b deleted in 1"]],
    ["a whiteout deletes a directory's content", [["file", 0, "a/b/c"], ["whiteout", 1, "a"]], ["0:a/b/c deleted in 1"]],
    ["a whiteout does not touch its own layer", [["whiteout", 0, "a"], ["file", 0, "a"]], ["0:a final"]],
    ["an opaque directory hides lower content only", [["file", 0, "d/x"], ["opaque", 1, "d"], ["file", 1, "d/y"]], ["0:d/x deleted in 1", "1:d/y final"]],
    ["an opaque root hides everything below", [["file", 0, "x"], ["file", 0, "d/y"], ["opaque", 1, ""]], ["0:x deleted in 1", "0:d/y deleted in 1"]],
    ["a file put over a directory deletes its content", [["file", 0, "d/x"], ["file", 1, "d"]], ["0:d/x deleted in 1", "1:d final"]],
    ["a directory entry over a directory changes nothing", [["file", 0, "d/x"], ["dir", 1, "d"]], ["0:d/x final"]],
    ["a directory put over a file replaces it", [["file", 0, "d"], ["dir", 1, "d"]], ["0:d replaced in 1"]],
    ["similar prefixes are other paths", [["file", 0, "ab/x"], ["whiteout", 1, "a"], ["file", 1, "a"]], ["0:ab/x final", "1:a final"]],
    ["the first layer to hide a file is the one named", [["file", 0, "a"], ["file", 1, "a"], ["whiteout", 2, "a"]], ["0:a replaced in 1", "1:a deleted in 2"]],
  ])("%s", (_, ops, want) => {
    expect(run(ops)).toEqual(want);
  });
});
