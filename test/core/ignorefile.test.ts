import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { applyIgnoreRules, loadIgnoreFile, parseIgnoreFile, type IgnoreRule } from "../../src/core/ignorefile.js";
import type { Finding, Location } from "../../src/core/model.js";

function finding(ruleId: string, location: Location, extra: Partial<Finding> = {}): Finding {
  return { id: `${ruleId}:${JSON.stringify(location)}`, ruleId, kind: "misconfiguration", severity: "high", title: ruleId, location, ...extra };
}

describe("parseIgnoreFile", () => {
  it("reads a full file with line numbers", () => {
    const text = [
      "# accepted findings",
      "- rule: MAM-DF-001",
      '  path: "legacy/**"',
      "  reason: legacy image, replaced in Q3",
      "  expires: 2027-03-31",
      "",
      "- rule: MAM-AWS-*",
      '  resource: "aws_s3_bucket.*"',
      "  reason: website buckets",
      "- { rule: CVE-2024-0001, reason: not reachable, expires: '2026-01-01' }",
    ].join("\n");
    expect(parseIgnoreFile(text, ".mamoriignore")).toEqual<IgnoreRule[]>([
      { rule: "MAM-DF-001", path: "legacy/**", reason: "legacy image, replaced in Q3", expires: "2027-03-31", line: 2 },
      { rule: "MAM-AWS-*", resource: "aws_s3_bucket.*", reason: "website buckets", line: 7 },
      { rule: "CVE-2024-0001", reason: "not reachable", expires: "2026-01-01", line: 10 },
    ]);
  });

  it.each(["", "# only comments\n", "~\n"])("an empty file has no rules: %j", (text) => {
    expect(parseIgnoreFile(text, ".mamoriignore")).toEqual([]);
  });

  const errors: { name: string; text: string; message: string }[] = [
    {
      name: "bad date",
      text: "- rule: MAM-DF-001\n  reason: x\n\n- rule: MAM-DF-002\n  reason: y\n  path: a\n  expires: 2026-13-01\n",
      message: '.mamoriignore:7: entry 2: "expires" must be a date YYYY-MM-DD',
    },
    {
      name: "impossible date",
      text: "- rule: MAM-DF-001\n  reason: x\n  expires: 2026-02-30\n",
      message: '.mamoriignore:3: entry 1: "expires" must be a date YYYY-MM-DD',
    },
    {
      name: "date with time",
      text: "- rule: MAM-DF-001\n  reason: x\n  expires: 2026-02-03T10:00:00Z\n",
      message: '.mamoriignore:3: entry 1: "expires" must be a date YYYY-MM-DD',
    },
    {
      name: "missing reason",
      text: "- rule: MAM-DF-001\n  reason: x\n- rule: MAM-DF-002\n  path: a/**\n",
      message: '.mamoriignore:3: entry 2: "reason" is required',
    },
    { name: "missing rule", text: "- reason: x\n", message: '.mamoriignore:1: entry 1: "rule" is required' },
    {
      name: "unknown key",
      text: "- rule: MAM-DF-001\n  reason: x\n  paths: a\n",
      message: '.mamoriignore:3: entry 1: unknown key "paths"',
    },
    { name: "empty reason", text: "- rule: MAM-DF-001\n  reason: ''\n", message: '.mamoriignore:2: entry 1: "reason" must be a non-empty string' },
    { name: "non-string rule", text: "- rule: [a]\n  reason: x\n", message: '.mamoriignore:1: entry 1: "rule" must be a non-empty string' },
    { name: "entry not a mapping", text: "- MAM-DF-001\n", message: ".mamoriignore:1: entry 1: expected a mapping" },
    { name: "top level not a list", text: "rule: MAM-DF-001\nreason: x\n", message: ".mamoriignore:1: expected a list of entries" },
    { name: "YAML syntax error", text: "- rule: MAM-DF-001\n  reason: [x\n", message: ".mamoriignore:" },
    { name: "duplicate key", text: "- rule: MAM-DF-001\n  rule: MAM-DF-002\n  reason: x\n", message: ".mamoriignore:2: Map keys must be unique" },
    { name: "pattern too long", text: `- rule: MAM-DF-001\n  path: "${"a".repeat(2000)}"\n  reason: x\n`, message: "longer than 1024" },
  ];
  it.each(errors)("$name", ({ text, message }) => {
    let thrown: unknown;
    try {
      parseIgnoreFile(text, ".mamoriignore");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toContain(message);
  });

  it("refuses files above 1 MB", () => {
    expect(() => parseIgnoreFile(`# ${"x".repeat(1024 * 1024)}\n`, ".mamoriignore")).toThrow(/larger than 1 MB/);
  });

  it("resolves aliases one node at a time, never expanding them", () => {
    const text = "- rule: MAM-DF-001\n  reason: &r shared reason\n- rule: MAM-DF-002\n  reason: *r\n";
    expect(parseIgnoreFile(text, ".mamoriignore").map((r) => r.reason)).toEqual(["shared reason", "shared reason"]);
    const bomb = "- &a {rule: X, reason: y}\n" + "- *a\n".repeat(10);
    expect(parseIgnoreFile(bomb, ".mamoriignore")).toHaveLength(11);
  });
});

describe("loadIgnoreFile", () => {
  it("reads from disk, and names the path when it cannot", () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-ignore-"));
    try {
      const file = join(dir, ".mamoriignore");
      writeFileSync(file, "- rule: MAM-DF-001\n  reason: x\n");
      expect(loadIgnoreFile(file)).toEqual([{ rule: "MAM-DF-001", reason: "x", line: 1 }]);
      const missing = join(dir, "nope");
      expect(() => loadIgnoreFile(missing)).toThrow(new InputError(`${missing}: no such file or directory`));
      writeFileSync(file, "- rule: MAM-DF-001\n  reasn: x\n");
      expect(() => loadIgnoreFile(file)).toThrow(`${file}:2: entry 1: unknown key "reasn"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("applyIgnoreRules", () => {
  const rule = (r: Partial<IgnoreRule>): IgnoreRule => ({ rule: "MAM-DF-001", reason: "why", line: 1, ...r });
  const now = new Date("2026-06-15T23:30:00Z");

  const rows: { name: string; r: IgnoreRule; f: Finding; matches: boolean }[] = [
    { name: "exact rule id", r: rule({}), f: finding("MAM-DF-001", { path: "Dockerfile" }), matches: true },
    { name: "other rule id", r: rule({}), f: finding("MAM-DF-002", { path: "Dockerfile" }), matches: false },
    { name: "rule glob", r: rule({ rule: "MAM-DF-*" }), f: finding("MAM-DF-017", {}), matches: true },
    { name: "rule glob, other area", r: rule({ rule: "MAM-DF-*" }), f: finding("MAM-TF-017", {}), matches: false },
    { name: "rule id in any case", r: rule({ rule: "mam-df-001" }), f: finding("MAM-DF-001", {}), matches: true },
    {
      name: "advisory alias",
      r: rule({ rule: "CVE-2024-0001" }),
      f: finding("GHSA-xxxx-yyyy-zzzz", {}, { kind: "vulnerability", vulnerability: { id: "GHSA-xxxx-yyyy-zzzz", aliases: ["CVE-2024-0001"], fixedVersions: [] } }),
      matches: true,
    },
    { name: "path glob", r: rule({ path: "legacy/**" }), f: finding("MAM-DF-001", { path: "legacy/a/Dockerfile" }), matches: true },
    { name: "path glob, outside", r: rule({ path: "legacy/**" }), f: finding("MAM-DF-001", { path: "app/Dockerfile" }), matches: false },
    { name: "path glob, dot dirs", r: rule({ path: "legacy/**" }), f: finding("MAM-DF-001", { path: "legacy/.hidden/Dockerfile" }), matches: true },
    { name: "path with ./ on the finding", r: rule({ path: "legacy/**" }), f: finding("MAM-DF-001", { path: "./legacy/Dockerfile" }), matches: true },
    { name: "path with ./ in the rule", r: rule({ path: "./legacy/*" }), f: finding("MAM-DF-001", { path: "legacy/Dockerfile" }), matches: true },
    { name: "path rule, finding without path", r: rule({ path: "**" }), f: finding("MAM-DF-001", { resource: { provider: "aws", type: "s3", id: "b" } }), matches: false },
    { name: "resource glob on address", r: rule({ resource: "aws_s3_bucket.*" }), f: finding("MAM-DF-001", { address: "aws_s3_bucket.logs" }), matches: true },
    { name: "resource glob, other type", r: rule({ resource: "aws_s3_bucket.*" }), f: finding("MAM-DF-001", { address: "aws_iam_role.logs" }), matches: false },
    { name: "resource literal with brackets", r: rule({ resource: "module.net.aws_vpc.main[0]" }), f: finding("MAM-DF-001", { address: "module.net.aws_vpc.main[0]" }), matches: true },
    {
      name: "resource glob on cloud resource id",
      r: rule({ resource: "arn:aws:s3:::public-*" }),
      f: finding("MAM-DF-001", { resource: { provider: "aws", type: "aws.s3.Bucket", id: "arn:aws:s3:::public-site" } }),
      matches: true,
    },
    { name: "all of rule, path and resource", r: rule({ path: "tf/*.tf", resource: "aws_s3_bucket.*" }), f: finding("MAM-DF-001", { path: "tf/main.tf", address: "aws_s3_bucket.a" }), matches: true },
    { name: "path matches, resource does not", r: rule({ path: "tf/*.tf", resource: "aws_s3_bucket.*" }), f: finding("MAM-DF-001", { path: "tf/main.tf", address: "aws_vpc.a" }), matches: false },
  ];
  it.each(rows)("$name", ({ r, f, matches }) => {
    const outcome = applyIgnoreRules([f], [r], ".mamoriignore", now);
    if (matches) {
      expect(f.suppressed).toEqual({ reason: "why", source: ".mamoriignore:1" });
      expect(outcome.unused).toEqual([]);
    } else {
      expect(f.suppressed).toBeUndefined();
      expect(outcome.unused).toEqual([r]);
    }
  });

  it("expires after the expiry day, in UTC", () => {
    const lastDay = rule({ expires: "2026-06-15", line: 3 });
    const past = rule({ expires: "2026-06-14", line: 7 });
    const f1 = finding("MAM-DF-001", { path: "a" });
    const out1 = applyIgnoreRules([f1], [past, lastDay], ".mamoriignore", now);
    expect(out1.expired).toEqual([past]);
    expect(f1.suppressed).toEqual({ reason: "why", source: ".mamoriignore:3", expires: "2026-06-15" });

    const f2 = finding("MAM-DF-001", { path: "a" });
    const out2 = applyIgnoreRules([f2], [lastDay], ".mamoriignore", new Date("2026-06-16T00:00:01Z"));
    expect(f2.suppressed).toBeUndefined();
    expect(out2).toEqual({ expired: [lastDay], unused: [] });
  });

  it("first matching entry wins, earlier suppressions stay, unused entries are reported", () => {
    const first = rule({ rule: "MAM-DF-*", line: 2, reason: "first" });
    const second = rule({ line: 5, reason: "second" });
    const stale = rule({ rule: "MAM-K8S-001", line: 9 });
    const a = finding("MAM-DF-001", { path: "a" });
    const b = finding("MAM-DF-001", { path: "b" }, { suppressed: { reason: "inline", source: "inline:b:1" } });
    const outcome = applyIgnoreRules([a, b], [first, second, stale], "ci/.mamoriignore", now);
    expect(a.suppressed).toEqual({ reason: "first", source: "ci/.mamoriignore:2" });
    expect(b.suppressed?.source).toBe("inline:b:1");
    expect(outcome).toEqual({ expired: [], unused: [second, stale] });
  });
});
