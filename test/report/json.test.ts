import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/report/json.js";
import { renderToString } from "../../src/report/index.js";
import { emptyReport, manyFindings, sampleReport } from "./fixture.js";

describe("json report", () => {
  it.each([
    ["the sample report", sampleReport()],
    ["an empty report", emptyReport()],
  ])("round-trips %s through JSON.parse", (_name, report) => {
    expect(JSON.parse(renderToString(report, "json"))).toEqual(report);
  });

  it("keeps the CONTRACT.md key order, optional keys only when present", () => {
    const full = JSON.parse(renderToString(sampleReport(), "json")) as object;
    expect(Object.keys(full)).toEqual(["schemaVersion", "tool", "scannedAt", "targets", "packages", "findings", "summary", "history", "warnings"]);
    const bare = JSON.parse(renderToString(emptyReport(), "json")) as object;
    expect(Object.keys(bare)).toEqual(["schemaVersion", "tool", "scannedAt", "targets", "findings", "summary"]);
  });

  it("keeps special characters exact", () => {
    const parsed = JSON.parse(renderToString(sampleReport(), "json")) as { findings: { title: string; message?: string }[] };
    const hostile = sampleReport().findings[6]!;
    expect(parsed.findings[6]!.title).toBe(hostile.title);
    expect(parsed.findings[6]!.message).toBe(hostile.message);
  });

  it("streams: one chunk per finding, none holding the whole array", () => {
    const report = manyFindings(2000);
    const chunks = Array.from(renderJson(report, { color: false }));
    expect(chunks.length).toBeGreaterThan(2000);
    const longest = Math.max(...chunks.map((c) => c.length));
    expect(longest).toBeLessThan(2000);
    expect(JSON.parse(chunks.join(""))).toEqual(report);
  });
});
