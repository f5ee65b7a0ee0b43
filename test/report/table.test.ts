import { describe, expect, it } from "vitest";
import { renderToString } from "../../src/report/index.js";
import { wrapWords } from "../../src/report/table.js";
import { emptyReport, sampleReport } from "./fixture.js";
import type { Report } from "../../src/core/model.js";

// eslint-disable-next-line no-control-regex -- ANSI colour sequences start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (s: string) => s.replace(ANSI, "");
const width = (s: string) => [...visible(s)].length;

function table(report: Report = sampleReport(), opts: { color?: boolean; width?: number } = {}): string {
  return renderToString(report, "table", { color: opts.color ?? false, ...(opts.width === undefined ? {} : { width: opts.width }) });
}

describe("table report", () => {
  it.each([80, 60, 100])("keeps every line within %i columns, bar one unbreakable token", (w) => {
    for (const color of [false, true]) {
      const lines = table(sampleReport(), { color, width: w }).split("\n");
      for (const line of lines) {
        if (width(line) <= w) continue;
        // An over-long line is indentation plus one token that has no place to break.
        expect(visible(line).trim()).not.toMatch(/\s/);
      }
    }
  });

  it("wraps long text (a narrow width gives more lines)", () => {
    expect(table(sampleReport(), { width: 50 }).split("\n").length).toBeGreaterThan(table(sampleReport(), { width: 100 }).split("\n").length);
  });

  it("groups findings under their file, worst first, then by line", () => {
    const lines = table().split("\n");
    const header = lines.indexOf("Dockerfile");
    expect(header).toBeGreaterThanOrEqual(0);
    expect(lines.filter((l) => l === "Dockerfile")).toHaveLength(1);
    const group = lines.slice(header + 1, lines.indexOf("", header));
    const severities = group.map((l) => /^ {2}(CRITICAL|HIGH|MEDIUM|LOW|INFO) /.exec(l)?.[1]).filter((s) => s !== undefined);
    expect(severities).toEqual(["CRITICAL", "HIGH", "LOW"]);
    expect(group.join("\n")).toContain("Dockerfile:3 (stage builder)");
    expect(group.join("\n")).toContain("Dockerfile:1-9");
  });

  it("groups a cloud finding under its resource", () => {
    const out = table();
    expect(out).toContain("aws:s3.Bucket/arn:aws:s3:::acme-logs (123456789012, eu-west-1)\n  HIGH      MAM-AWS-S3-001  S3 bucket allows public read");
  });

  it("shows severity, rule, title, message and remediation", () => {
    const out = table();
    expect(out).toContain("  CRITICAL  MAM-DF-001  Secret in ENV instruction (new)");
    expect(out).toContain("ENV sets AWS_SECRET_ACCESS_KEY to a literal value");
    expect(out).toMatch(/Fix: Pass secrets at build time with a BuildKit secret mount/);
    expect(out).toContain("Package: openssl 3.0.11-1, fixed in 3.0.13-1~deb12u1");
  });

  it("counts suppressed findings instead of listing them", () => {
    const out = table();
    expect(out).not.toContain("Base image uses the latest tag");
    expect(out).toContain("tools/Dockerfile\n  1 suppressed");
    expect(out.split("\n").filter((l) => l === "  1 suppressed")).toHaveLength(2);
  });

  it("ends with the summary, history and warnings", () => {
    const out = table();
    expect(out).toContain("Summary: 1 critical, 2 high, 1 medium, 1 low, 1 info (2 suppressed)");
    expect(out).toContain("2 new, 1 fixed since the previous scan at 2025-02-28T09:30:00.000Z");
    expect(out).toContain("1 warning:\n  - broken.tf: could not parse");
  });

  it("says so when there is nothing to show", () => {
    expect(table(emptyReport())).toContain("\nNo findings.\n");
    const allSuppressed = sampleReport();
    allSuppressed.findings = allSuppressed.findings.filter((f) => f.suppressed);
    expect(table(allSuppressed)).toContain("No findings (2 suppressed).");
  });

  it("colours only when asked", () => {
    expect(table(sampleReport(), { color: false })).not.toContain("\u001b");
    const coloured = table(sampleReport(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(visible(coloured)).toBe(table(sampleReport(), { color: false }));
  });

  it("neutralises control characters from scanned text", () => {
    const out = table(sampleReport(), { color: false });
    // eslint-disable-next-line no-control-regex -- the characters that must not get through
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain("ENV value \uFFFD[31mred\uFFFD[0m with \uFFFD SOH");
    expect(out).toContain("Grüße 守り 🚀");
  });

  it.each([
    ["one two three four", 9, 9, ["one two", "three", "four"]],
    ["a verylongtoken b", 5, 5, ["a", "verylongtoken", "b"]],
    ["first line\nsecond", 80, 80, ["first line", "second"]],
    ["x y z", 1, 3, ["x", "y z"]],
    ["守り 守り", 2, 2, ["守り", "守り"]],
  ])("wrapWords(%j, %i, %i)", (text, first, rest, expected) => {
    expect(wrapWords(text, first, rest)).toEqual(expected);
  });
});
