import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceRange } from "../../src/checks/types.js";
import type { Finding } from "../../src/core/model.js";
import { applyInlineSuppressions, parseInlineDirectives, scanFileDirectives, scanInlineDirectives } from "../../src/core/suppress.js";

function finding(ruleId: string, startLine: number, endLine = startLine): Finding {
  return {
    id: `${ruleId}@${startLine}`,
    ruleId,
    kind: "misconfiguration",
    severity: "high",
    title: ruleId,
    location: { path: "main.tf", startLine, endLine },
  };
}

describe("parseInlineDirectives", () => {
  const rows: { line: string; ruleIds: string[] | "*" | undefined; reason?: string }[] = [
    { line: "# mamori:ignore MAM-DF-001 base image pinned elsewhere", ruleIds: ["MAM-DF-001"], reason: "base image pinned elsewhere" },
    { line: "// mamori:ignore MAM-DF-001,MAM-DF-002 two rules", ruleIds: ["MAM-DF-001", "MAM-DF-002"], reason: "two rules" },
    { line: "// mamori:ignore MAM-DF-001, MAM-DF-002 ,MAM-DF-003 spaced", ruleIds: ["MAM-DF-001", "MAM-DF-002", "MAM-DF-003"], reason: "spaced" },
    { line: "#mamori:ignore MAM-TF-010", ruleIds: ["MAM-TF-010"], reason: "" },
    { line: "  ## mamori:ignore * everything here", ruleIds: "*", reason: "everything here" },
    { line: "# mamori:ignore all legacy", ruleIds: "*", reason: "legacy" },
    { line: "# MAMORI:IGNORE mam-df-001 Mixed Case Reason", ruleIds: ["MAM-DF-001"], reason: "Mixed Case Reason" },
    { line: 'acl = "public-read" # mamori:ignore MAM-AWS-S3-001 website bucket', ruleIds: ["MAM-AWS-S3-001"], reason: "website bucket" },
    { line: "image: nginx // mamori:ignore MAM-K8S-001", ruleIds: ["MAM-K8S-001"], reason: "" },
    { line: 'x = "mamori:ignore" # mamori:ignore MAM-X-1 second one counts', ruleIds: ["MAM-X-1"], reason: "second one counts" },
    // Not directives: no comment marker right before the keyword, or a marker inside a word.
    { line: "# see mamori:ignore MAM-DF-001 in the docs", ruleIds: undefined },
    { line: "url: http://mamori:ignore MAM-DF-001", ruleIds: undefined },
    { line: "RUN echo mamori:ignore MAM-DF-001", ruleIds: undefined },
    { line: "# mamori:ignored MAM-DF-001", ruleIds: undefined },
    // Malformed: named, but not understood; never applied.
    { line: "# mamori:ignore", ruleIds: undefined },
    { line: "# mamori:ignore CKV_AWS_20 peer ids are not accepted", ruleIds: undefined },
    { line: "# mamori:ignore MAM-DF-001, trailing comma", ruleIds: undefined },
    { line: "# mamori:ignore AVD-AWS-0086 peer ids go through --honor-peer-skips", ruleIds: undefined },
    // Custom policy ids are ids like Mamori's.
    { line: "# mamori:ignore ACME-S3-001 custom policy", ruleIds: ["ACME-S3-001"], reason: "custom policy" },
    // The file-level form is not a line directive.
    { line: "# mamori:ignore-file generated", ruleIds: undefined },
  ];
  it.each(rows)("$line", ({ line, ruleIds, reason }) => {
    const ds = parseInlineDirectives(["FROM scratch", line]);
    if (ruleIds === undefined) {
      expect(ds).toEqual([]);
    } else {
      expect(ds).toEqual([{ line: 2, ruleIds, reason }]);
    }
  });

  it("reports malformed directives with their line", () => {
    const { directives, malformed } = scanInlineDirectives(["ok", "# mamori:ignore CKV_AWS_20 x", "# mamori:ignore"]);
    expect(directives).toEqual([]);
    expect(malformed.map((m) => m.line)).toEqual([2, 3]);
    expect(malformed[0]?.message).toContain('"CKV_AWS_20"');
  });

  it("never throws, and yields only well-formed ids, on any line", () => {
    const piece = fc.constantFrom("#", "//", " ", ",", "*", "all", "mamori:ignore", "MAM-DF-001", "mam-x-1", "why", "\t", "/");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 20 }), (parts) => {
        for (const d of parseInlineDirectives([parts.join("")])) {
          if (d.ruleIds !== "*") for (const id of d.ruleIds) expect(id).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/);
        }
      }),
    );
  });

  it("bounds the reason", () => {
    const [d] = parseInlineDirectives([`# mamori:ignore MAM-DF-001 ${"x".repeat(10_000)}`]);
    expect(d?.reason.length).toBeLessThanOrEqual(501);
  });

  it("parses a hostile 1 MB comment line in linear time", () => {
    const hostile = "# mamori:ignore ".repeat(65_536); // 1 MiB
    const longIds = `# mamori:ignore ${"MAM-A,".repeat(170_000)}MAM-A reason`;
    const noMarker = "mamori:ignore ".repeat(75_000);
    const t0 = performance.now();
    const out = scanInlineDirectives([hostile, longIds, noMarker]);
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeLessThan(100);
    expect(out.directives).toEqual([]);
    expect(out.malformed.map((m) => m.line)).toEqual([1, 2]);
    expect(out.malformed[1]?.message).toContain("more than 64 rule ids");
  });
});

describe("applyInlineSuppressions", () => {
  const file = [
    /* 1 */ 'resource "aws_s3_bucket" "site" {',
    /* 2 */ '  acl = "public-read" # mamori:ignore MAM-AWS-S3-001 static website',
    /* 3 */ "  versioning = false",
    /* 4 */ "}",
    /* 5 */ "",
    /* 6 */ "# mamori:ignore MAM-AWS-S3-002 logs are not kept",
    /* 7 */ "# second comment line does not break the run",
    /* 8 */ "",
    /* 9 */ 'resource "aws_s3_bucket" "logs" {',
    /* 10 */ "  acl = \"private\"",
    /* 11 */ "}",
    /* 12 */ "// mamori:ignore * vendored module",
    /* 13 */ 'module "vendored" {',
    /* 14 */ "  source = \"./v\"",
    /* 15 */ "}",
    /* 16 */ "x = 1",
  ];
  const blocks: SourceRange[] = [
    { startLine: 1, endLine: 4 },
    { startLine: 9, endLine: 11 },
    { startLine: 13, endLine: 15 },
  ];

  const rows: { name: string; f: Finding; source?: string; reason?: string }[] = [
    { name: "same line (trailing comment)", f: finding("MAM-AWS-S3-001", 2), source: "inline:main.tf:2", reason: "static website" },
    { name: "trailing comment does not reach the next line", f: finding("MAM-AWS-S3-001", 3) },
    { name: "trailing comment is rule-specific", f: finding("MAM-AWS-S3-009", 2) },
    { name: "block above: finding on the header line", f: finding("MAM-AWS-S3-002", 9), source: "inline:main.tf:6", reason: "logs are not kept" },
    { name: "block above: finding inside the block", f: finding("MAM-AWS-S3-002", 10), source: "inline:main.tf:6" },
    { name: "block above is rule-specific", f: finding("MAM-AWS-S3-003", 10) },
    { name: "wildcard over a whole block", f: finding("MAM-ANY-001", 14), source: "inline:main.tf:12", reason: "vendored module" },
    { name: "nothing after the block", f: finding("MAM-ANY-001", 16) },
  ];
  it.each(rows)("$name", ({ f, source, reason }) => {
    applyInlineSuppressions([f], file, blocks, "main.tf");
    if (source === undefined) expect(f.suppressed).toBeUndefined();
    else {
      expect(f.suppressed?.source).toBe(source);
      if (reason !== undefined) expect(f.suppressed?.reason).toBe(reason);
    }
  });

  it("comment above a plain line covers that line only", () => {
    const lines = ["FROM a", "# mamori:ignore MAM-DF-002", "RUN x", "RUN y"];
    const onLine = finding("MAM-DF-002", 3);
    const below = finding("MAM-DF-002", 4);
    const unused = applyInlineSuppressions([onLine, below], lines, [], "Dockerfile");
    expect(onLine.suppressed).toEqual({ reason: "no reason given", source: "inline:Dockerfile:2" });
    expect(below.suppressed).toBeUndefined();
    expect(unused).toEqual([]);
  });

  it("matches rule ids case-insensitively and keeps an earlier suppression", () => {
    const lines = ["# mamori:ignore mam-df-002 lower", "RUN x"];
    const f = finding("MAM-DF-002", 2);
    const earlier = { ...finding("MAM-DF-002", 2), suppressed: { reason: "file", source: ".mamoriignore:3" } };
    applyInlineSuppressions([f, earlier], lines, [], "Dockerfile");
    expect(f.suppressed?.source).toBe("inline:Dockerfile:1");
    expect(earlier.suppressed.source).toBe(".mamoriignore:3");
  });

  it("returns the directives that matched nothing", () => {
    const lines = ["# mamori:ignore MAM-DF-001 used", "RUN a", "# mamori:ignore MAM-DF-009 stale", "RUN b"];
    const unused = applyInlineSuppressions([finding("MAM-DF-001", 2)], lines, [], "Dockerfile");
    expect(unused).toEqual([{ line: 3, ruleIds: ["MAM-DF-009"], reason: "stale" }]);
  });

  it("a trailing comment names itself as the source over a comment above the block", () => {
    const lines = ["# mamori:ignore * whole stage", "FROM a", "USER root # mamori:ignore MAM-DF-002 needed", "RUN x"];
    const inner = finding("MAM-DF-002", 3);
    const other = finding("MAM-DF-003", 4);
    applyInlineSuppressions([other, inner], lines, [{ startLine: 2, endLine: 4 }], "Dockerfile");
    expect(inner.suppressed).toEqual({ reason: "needed", source: "inline:Dockerfile:3" });
    expect(other.suppressed).toEqual({ reason: "whole stage", source: "inline:Dockerfile:1" });
  });

  it("stays linear on a long run of directive comments", () => {
    const lines = [...Array.from({ length: 200_000 }, () => "# mamori:ignore * x"), "RUN a", "# mamori:ignore MAM-DF-001"];
    const f = finding("MAM-DF-001", 200_001);
    const t0 = performance.now();
    const unused = applyInlineSuppressions([f], lines, [{ startLine: 200_001, endLine: 200_001 }], "Dockerfile");
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(f.suppressed?.source).toBe("inline:Dockerfile:1");
    expect(unused).toHaveLength(200_000);
  });

  it("ignores findings without a line", () => {
    const f: Finding = { ...finding("MAM-DF-001", 1), location: { path: "Dockerfile" } };
    applyInlineSuppressions([f], ["# mamori:ignore *", "RUN a"], [], "Dockerfile");
    expect(f.suppressed).toBeUndefined();
  });
});

describe("mamori:ignore-file", () => {
  const rows: { name: string; lines: string[]; ruleIds?: string[] | "*"; reason?: string; malformed?: string }[] = [
    { name: "every rule", lines: ["# mamori:ignore-file generated by the vendor", "FROM a"], ruleIds: "*", reason: "generated by the vendor" },
    { name: "named rules", lines: ["# mamori:ignore-file=MAM-DF-001,mam-df-002 pinned elsewhere", "FROM a"], ruleIds: ["MAM-DF-001", "MAM-DF-002"], reason: "pinned elsewhere" },
    { name: "after other comments and ---", lines: ["# syntax=docker/dockerfile:1", "---", "", "// mamori:ignore-file=ACME-S3-001", "x = 1"], ruleIds: ["ACME-S3-001"], reason: "" },
    { name: "not below the first code line", lines: ["FROM a", "# mamori:ignore-file"] },
    { name: "malformed ids", lines: ["# mamori:ignore-file=CKV_AWS_20"], malformed: "unknown rule id" },
    { name: "a word glued on", lines: ["# mamori:ignore-files"], malformed: "expected = and rule ids" },
  ];
  it.each(rows)("$name", ({ lines, ruleIds, reason, malformed }) => {
    const { directives, malformed: bad } = scanFileDirectives(lines);
    if (ruleIds === undefined) expect(directives).toEqual([]);
    else expect(directives).toEqual([{ line: expect.any(Number), ruleIds, reason }]);
    if (malformed) expect(bad[0]?.message).toContain(malformed);
  });

  it("covers every finding of the file it names, after the narrower comments", () => {
    const lines = ["# mamori:ignore-file=MAM-DF-001,MAM-DF-002 legacy image", "FROM a", "RUN b # mamori:ignore MAM-DF-002 trailing wins"];
    const a = finding("MAM-DF-001", 2);
    const b = finding("MAM-DF-002", 3);
    const c = finding("MAM-DF-003", 3);
    applyInlineSuppressions([a, b, c], lines, [], "Dockerfile");
    expect(a.suppressed).toEqual({ reason: "legacy image", source: "inline:Dockerfile:1" });
    expect(b.suppressed?.source).toBe("inline:Dockerfile:3");
    expect(c.suppressed).toBeUndefined();
  });
});
