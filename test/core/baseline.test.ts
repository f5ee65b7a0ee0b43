import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyBaseline, loadBaseline } from "../../src/core/baseline.js";
import { InputError } from "../../src/core/errors.js";
import type { Finding, Report } from "../../src/core/model.js";

const dir = mkdtempSync(join(tmpdir(), "mamori-baseline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function finding(id: string): Finding {
  return { id, ruleId: "MAM-DF-001", kind: "misconfiguration", severity: "high", title: "t", location: { path: "Dockerfile" } };
}

const report: Report = {
  schemaVersion: 1,
  tool: { name: "mamori", version: "0.1.0" },
  scannedAt: "2026-01-01T00:00:00Z",
  targets: [{ type: "iac", name: "." }],
  findings: [finding("aaa"), { ...finding("bbb"), suppressed: { reason: "r", source: "inline:x:1" } }],
  summary: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
};

describe("loadBaseline", () => {
  it("returns every finding id of a Mamori JSON report", () => {
    expect(loadBaseline(write("ok.json", JSON.stringify(report)))).toEqual(new Set(["aaa", "bbb"]));
  });

  const bad: { name: string; content: string; message: (p: string) => string }[] = [
    { name: "not JSON", content: "{ nope", message: (p) => `${p}: not valid JSON` },
    { name: "a JSON array", content: "[]", message: (p) => `${p}: not a Mamori JSON report (schemaVersion 1)` },
    { name: "JSON null", content: "null", message: (p) => `${p}: not a Mamori JSON report (schemaVersion 1)` },
    { name: "another schema version", content: JSON.stringify({ ...report, schemaVersion: 2 }), message: (p) => `${p}: not a Mamori JSON report` },
    { name: "no findings", content: JSON.stringify({ schemaVersion: 1 }), message: (p) => `${p}: not a Mamori JSON report` },
    { name: "a SARIF file", content: JSON.stringify({ version: "2.1.0", runs: [] }), message: (p) => `${p}: not a Mamori JSON report` },
    { name: "finding without id", content: JSON.stringify({ schemaVersion: 1, findings: [{ ruleId: "x" }] }), message: (p) => `${p}: not a Mamori JSON report` },
  ];
  it.each(bad)("rejects $name", ({ name, content, message }) => {
    const p = write(`${name.replace(/ /g, "-")}.json`, content);
    let thrown: unknown;
    try {
      loadBaseline(p);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message.startsWith(message(p))).toBe(true);
  });

  it("names a missing file", () => {
    const p = join(dir, "missing.json");
    expect(() => loadBaseline(p)).toThrow(new InputError(`${p}: no such file or directory`));
  });
});

describe("applyBaseline", () => {
  it("keeps only findings the baseline does not know", () => {
    const { findings, removed } = applyBaseline([finding("aaa"), finding("new"), finding("bbb")], new Set(["aaa", "bbb"]));
    expect(findings.map((f) => f.id)).toEqual(["new"]);
    expect(removed).toBe(2);
  });

  it("an empty baseline keeps everything", () => {
    expect(applyBaseline([finding("a")], new Set())).toEqual({ findings: [finding("a")], removed: 0 });
  });
});
