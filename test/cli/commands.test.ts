// The CLI surface of CONTRACT.md: every command exists; those whose capability comes later say so
// and exit 2; usage errors are one line and exit 2.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { built, notBuiltMessage, repoRoot, runCli, tempHome } from "../helpers/cli.js";

const { home, cleanup } = tempHome();
afterAll(cleanup);
const env = { MAMORI_HOME: home };
const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;

describe.skipIf(!built)(`mamori commands${built ? "" : ` (skipped: ${notBuiltMessage})`}`, () => {
  it("--version prints the package version", () => {
    for (const flag of ["--version", "-V"]) {
      const r = runCli([flag], { env });
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it("--help lists every command of the contract", () => {
    const r = runCli(["--help"], { env });
    expect(r.code).toBe(0);
    for (const c of ["scan", "sbom", "db", "iam", "runtime", "serve", "worker", "rules"]) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, "m"));
    const scan = runCli(["scan", "--help"], { env });
    for (const c of ["image", "fs", "iac", "cloud", "k8s", "host"]) expect(scan.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, "m"));
  });

  it.each([
    [["scan", "cloud", "--provider", "aws"]],
    [["scan", "k8s"]],
    [["scan", "host", "--root", "/"]],
    [["iam", "simulate", "--auth-details", "f", "--principal", "p", "--action", "s3:GetObject", "--resource", "*"]],
    [["iam", "analyze", "--auth-details", "f"]],
    [["runtime", "eval", "--rules", "r.yaml", "--events", "-"]],
    [["worker", "--queue", "redis://127.0.0.1:6379"]],
  ])("%j is reported as not available yet, exit 2", (args) => {
    const r = runCli(args, { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: mamori .* is not available yet: it comes with /);
  });

  it.each([
    [["scan", "iac"], /missing required argument/],
    [["scan", "iac", "demo", "--format", "pdf"], /pdf/],
    [["scan", "iac", "demo", "--bogus"], /unknown option/],
    [["frobnicate"], /unknown command/],
    [["scan", "iac", "demo", "--fail-on", "urgent"], /--fail-on: unknown severity "urgent"/],
    [["scan", "iac", "demo", "--severity", "high,hgh"], /--severity: unknown severity "hgh"/],
    [["scan", "iac", "no/such/dir"], /no\/such\/dir: no such file or directory/],
    [["serve", "--port", "99999"], /--port/],
  ])("usage error %j: one line, exit 2", (args, message) => {
    const r = runCli(args, { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rules list --format json prints the catalogue in the contract's shape", () => {
    const r = runCli(["rules", "list", "--format", "json"], { env });
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rules.length).toBeGreaterThanOrEqual(10);
    for (const rule of rules) {
      expect(rule).toEqual(expect.objectContaining({ id: expect.stringMatching(/^MAM-/), title: expect.any(String), severity: expect.any(String), kind: expect.any(String), appliesTo: expect.any(String), references: expect.any(Object), compliance: expect.any(Array), remediation: expect.objectContaining({ text: expect.any(String) }) }));
    }
    const md = runCli(["rules", "list", "--format", "md"], { env });
    expect(md.code).toBe(0);
    for (const rule of rules) expect(md.stdout).toContain(rule.id as string);
  });
});
