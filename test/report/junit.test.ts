import { describe, expect, it } from "vitest";
import { escapeXmlAttr, escapeXmlText } from "../../src/report/util.js";
import { renderToString } from "../../src/report/index.js";
import { HOSTILE_TITLE, emptyReport, sampleReport } from "./fixture.js";
import { parseXml } from "./xml-check.js";
import type { XmlElement } from "./xml-check.js";

const junit = (report = sampleReport()) => parseXml(renderToString(report, "junit"));
const num = (e: XmlElement, a: string) => Number(e.attrs[a]);

describe("junit report", () => {
  it("is well-formed XML with one suite per rule and a case per finding", () => {
    const root = junit();
    const report = sampleReport();
    expect(root.name).toBe("testsuites");
    const suites = root.children;
    expect(suites.every((s) => s.name === "testsuite")).toBe(true);
    expect(suites.map((s) => s.attrs["name"]).sort()).toEqual([...new Set(report.findings.map((f) => f.ruleId))].sort());
    expect(suites.flatMap((s) => s.children)).toHaveLength(report.findings.length);
  });

  it("counts tests, failures and skipped, per suite and in total", () => {
    const root = junit();
    const report = sampleReport();
    const suppressed = report.findings.filter((f) => f.suppressed).length;
    expect(num(root, "tests")).toBe(report.findings.length);
    expect(num(root, "failures")).toBe(report.findings.length - suppressed);
    expect(num(root, "skipped")).toBe(suppressed);
    for (const s of root.children) {
      const cases = s.children;
      expect(num(s, "tests")).toBe(cases.length);
      expect(num(s, "failures")).toBe(cases.filter((c) => c.children[0]?.name === "failure").length);
      expect(num(s, "skipped")).toBe(cases.filter((c) => c.children[0]?.name === "skipped").length);
    }
  });

  it("names cases by location, fails with the title and explains in the body", () => {
    const suite = junit().children.find((s) => s.attrs["name"] === "MAM-DF-001")!;
    const testcase = suite.children[0]!;
    expect(testcase.attrs["name"]).toBe("Dockerfile:3");
    const failure = testcase.children[0]!;
    expect(failure.name).toBe("failure");
    expect(failure.attrs["message"]).toBe("Secret in ENV instruction");
    expect(failure.attrs["type"]).toBe("critical");
    expect(failure.text).toContain("ENV sets AWS_SECRET_ACCESS_KEY");
    expect(failure.text).toContain("Remediation: Pass secrets at build time");
  });

  it("skips suppressed findings with their reason", () => {
    const suite = junit().children.find((s) => s.attrs["name"] === "MAM-DF-003")!;
    const skipped = suite.children[0]!.children[0]!;
    expect(skipped.name).toBe("skipped");
    expect(skipped.attrs["message"]).toBe("suppressed (.mamoriignore:3): pinned by digest in the CI pipeline");
  });

  it("escapes markup, quotes and ampersands, and replaces characters XML forbids", () => {
    const suite = junit().children.find((s) => s.attrs["name"] === "MAM-DF-004")!;
    const failure = suite.children[0]!.children[0]!;
    expect(failure.attrs["message"]).toBe(HOSTILE_TITLE);
    expect(failure.text).toContain("Grüße 守り 🚀 & <b>bold</b>");
    expect(failure.text).toContain("\uFFFD[31mred");
    // eslint-disable-next-line no-control-regex -- the characters that must not get through
    expect(failure.text).not.toMatch(/[\u0001\u001b]/);
    expect(suite.children[0]!.attrs["name"]).toBe("app/Dockerfile dev:12");
  });

  it("gives a clean scan one passing test case", () => {
    const root = junit(emptyReport());
    expect([num(root, "tests"), num(root, "failures"), num(root, "skipped")]).toEqual([1, 0, 0]);
    const testcase = root.children[0]!.children[0]!;
    expect(testcase.name).toBe("testcase");
    expect(testcase.children).toEqual([]);
  });

  it.each([
    ["a < b & c > d", "a &lt; b &amp; c &gt; d", "a &lt; b &amp; c &gt; d"],
    [`"it's"`, `"it's"`, "&quot;it&apos;s&quot;"],
    ["tab\tline\nret\r", "tab\tline\nret\r", "tab&#9;line&#10;ret&#13;"],
    ["nul\u0000 esc\u001b ffff\uFFFF", "nul\uFFFD esc\uFFFD ffff\uFFFD", "nul\uFFFD esc\uFFFD ffff\uFFFD"],
    ["lone \uD800 surrogate, pair 🚀", "lone \uFFFD surrogate, pair 🚀", "lone \uFFFD surrogate, pair 🚀"],
  ])("escapes %j", (input, asText, asAttr) => {
    expect(escapeXmlText(input)).toBe(asText);
    expect(escapeXmlAttr(input)).toBe(asAttr);
  });
});
