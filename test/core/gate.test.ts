import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { exitCodeFor, filterBySeverity, parseSeverity, parseSeverityList } from "../../src/core/gate.js";
import type { Finding, Severity } from "../../src/core/model.js";

function finding(severity: Severity, suppressed = false): Finding {
  return {
    id: `${severity}-${suppressed}`,
    ruleId: "MAM-DF-001",
    kind: "misconfiguration",
    severity,
    title: "t",
    location: {},
    ...(suppressed ? { suppressed: { reason: "r", source: ".mamoriignore:1" } } : {}),
  };
}

describe("parseSeverityList", () => {
  const ok: [string, Severity[]][] = [
    ["critical", ["critical"]],
    ["critical,high", ["critical", "high"]],
    ["HIGH, Medium ,low", ["high", "medium", "low"]],
    ["info,info,critical", ["info", "critical"]],
    ["high,", ["high"]],
  ];
  it.each(ok)("%j", (input, expected) => {
    expect(parseSeverityList(input, "--severity")).toEqual(expected);
  });

  const bad: [string, string][] = [
    ["hgh", '--severity: unknown severity "hgh" (use critical, high, medium, low, info)'],
    ["critical,severe", '--severity: unknown severity "severe" (use critical, high, medium, low, info)'],
    ["", "--severity: no severity given (use critical, high, medium, low, info)"],
    [" , ", "--severity: no severity given (use critical, high, medium, low, info)"],
  ];
  it.each(bad)("rejects %j", (input, message) => {
    expect(() => parseSeverityList(input, "--severity")).toThrow(new InputError(message));
  });
});

describe("parseSeverity", () => {
  it.each([
    ["High", "high"],
    [" critical ", "critical"],
  ])("%j", (input, expected) => expect(parseSeverity(input, "--fail-on")).toBe(expected));
  it("names the option", () => {
    expect(() => parseSeverity("urgent", "--fail-on")).toThrow('--fail-on: unknown severity "urgent"');
    expect(() => parseSeverity("high,low", "--fail-on")).toThrow(InputError);
  });
});

describe("filterBySeverity", () => {
  const all = (["critical", "high", "medium", "low", "info"] as const).map((s) => finding(s));
  it("keeps all without a list", () => expect(filterBySeverity(all, undefined)).toEqual(all));
  it("keeps only the listed severities", () => {
    expect(filterBySeverity(all, ["critical", "low"]).map((f) => f.severity)).toEqual(["critical", "low"]);
  });
});

describe("exitCodeFor", () => {
  const rows: { findings: Finding[]; failOn: Severity | undefined; code: 0 | 1 }[] = [
    { findings: [finding("critical")], failOn: undefined, code: 0 },
    { findings: [], failOn: "info", code: 0 },
    { findings: [finding("high")], failOn: "high", code: 1 },
    { findings: [finding("critical")], failOn: "high", code: 1 },
    { findings: [finding("medium")], failOn: "high", code: 0 },
    { findings: [finding("info")], failOn: "info", code: 1 },
    { findings: [finding("critical", true)], failOn: "low", code: 0 },
    { findings: [finding("critical", true), finding("low")], failOn: "low", code: 1 },
  ];
  it.each(rows)("%#", ({ findings, failOn, code }) => {
    expect(exitCodeFor(findings, failOn)).toBe(code);
  });
});
