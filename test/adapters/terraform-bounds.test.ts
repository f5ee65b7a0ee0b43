// Generated Terraform of hostile size: a file or a module of more blocks than any real one is left
// out with a warning naming the file and line, in bounded time and memory, and the rest is scanned.
import { describe, expect, it } from "vitest";
import { parseHcl } from "../../src/adapters/terraform-hcl.js";
import { project } from "./terraform-helpers.js";

function buckets(n: number, prefix: string): string {
  let out = "";
  for (let i = 0; i < n; i++) out += `resource "aws_s3_bucket" "${prefix}${i}" {\n  bucket = "${prefix}-${i}"\n}\n`;
  return out;
}

describe("Terraform size bounds", () => {
  it("refuses a file of more than 50,000 blocks, naming the line of the first one over", () => {
    const started = performance.now();
    const parsed = project({ "big/main.tf": buckets(50_001, "b"), "small/main.tf": buckets(1, "s") });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(parsed.get("big/main.tf")?.models).toEqual([]);
    expect(parsed.get("big/main.tf")?.warnings).toEqual([{ line: 150_001, message: "too large to evaluate: more than 50,000 blocks in one file; the file is not scanned" }]);
    // The rest of the tree is still scanned.
    expect(parsed.get("small/main.tf")?.models.some((m) => m.modelType === "aws.s3.Bucket")).toBe(true);
  });

  it("leaves out the files that would take one module past 50,000 top-level blocks", () => {
    const parsed = project({ "a.tf": buckets(30_000, "a"), "b.tf": buckets(30_000, "b") });
    expect(parsed.get("a.tf")?.models.filter((m) => m.modelType === "aws.s3.Bucket")).toHaveLength(30_000);
    expect(parsed.get("b.tf")?.warnings).toEqual([
      { line: 1, message: "too large to evaluate: the files of the root module would hold more than 50,000 blocks; this file is not scanned" },
    ]);
  });

  it("says so in one line when a single file is parsed on its own", () => {
    expect(() => parseHcl(buckets(50_001, "b"), "gen.tf")).toThrow(/^gen\.tf:150001: too large to evaluate: more than 50,000 blocks in one file$/);
  });
});
