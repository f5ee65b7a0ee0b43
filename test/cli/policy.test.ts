// Custom policies through the built CLI: `mamori policy test`, and `scan iac --policy`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.js";
import { built, notBuiltMessage, repoRoot, runCli, tempHome } from "../helpers/cli.js";

const { home, cleanup } = tempHome();
const env = { MAMORI_HOME: home };
const work = mkdtempSync(join(tmpdir(), "mamori-policy-cli-"));
afterAll(() => {
  cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!built)(`mamori policy, scan iac/fs --policy and rules list --policy${built ? "" : ` (skipped: ${notBuiltMessage})`}`, () => {
  it("policy test passes the demo policies (exit 0)", () => {
    const r = runCli(["policy", "test", "demo/policies"], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("pass  ACME-S3-001 terraform bad #1");
    expect(r.stdout).toMatch(/2 policies, \d+ examples passed, 0 failed/);
  });

  it("policy test names the examples that fail (exit 1)", () => {
    const r = runCli(["policy", "test", "test/fixtures/policy/good", "test/fixtures/policy/failing"], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("pass  TEST-RDS-001 terraform bad #1");
    expect(r.stdout).toContain("FAIL  TEST-EBS-001 terraform bad #1  (test/fixtures/policy/failing/wrong-examples.yaml:1): did not fire");
    expect(r.stdout).toContain("2 examples passed, 2 failed");
  });

  it("a broken policy stops everything with file:line (exit 2)", () => {
    const dir = join(work, "broken");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "p.yaml"), "id: ACME-X-001\ntitle: t\nseverity: low\ndescription: d\nappliesTo: aws.s3.Bucket\nremediation: r\ncondition: resource.bucket ==\n");
    for (const args of [["policy", "test", dir], ["scan", "iac", "demo/terraform", "--no-store", "--policy", dir]]) {
      const r = runCli(args, { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: ${join(dir, "p.yaml")}:7: condition: Unexpected token`);
    }
  });

  it("scan iac --policy reports custom findings beside the built-in ones, suppressible like them", () => {
    const dir = join(work, "scan");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "main.tf"),
      `resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

# mamori:ignore ACME-S3-001 throwaway bucket
resource "aws_s3_bucket" "tmp" {
  bucket = "acme-tmp"
}
`,
    );
    const r = runCli(["scan", "iac", join(dir, "main.tf"), "--no-store", "-f", "json", "--policy", "demo/policies", "--policy", "test/fixtures/policy/good"], { env });
    expect(r.code, r.stderr).toBe(0);
    const custom = (JSON.parse(r.stdout) as Report).findings.filter((f) => f.ruleId === "ACME-S3-001");
    expect(custom.map((f) => [f.location.address, f.message, f.severity, f.suppressed?.reason])).toEqual([
      ["aws_s3_bucket.logs", "aws_s3_bucket.logs does not keep object versions", "medium", undefined],
      ["aws_s3_bucket.tmp", "aws_s3_bucket.tmp does not keep object versions", "medium", "throwaway bucket"],
    ]);
    expect(custom[0]?.references).toEqual({ checkov: "CKV_AWS_21", trivy: "AVD-AWS-0090" });
  });

  it("scan fs --policy runs the policies on the IaC files of the tree; a broken one stops it (exit 2)", () => {
    const dir = join(work, "fs");
    mkdirSync(join(dir, "infra"), { recursive: true });
    writeFileSync(join(dir, "infra", "main.tf"), 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n');
    writeFileSync(join(dir, "README.md"), "not IaC\n");
    const r = runCli(["scan", "fs", dir, "--no-store", "--scanners", "config", "-f", "json", "--policy", "demo/policies"], { env });
    expect(r.code, r.stderr).toBe(0);
    const findings = (JSON.parse(r.stdout) as Report).findings;
    expect(findings.filter((f) => f.ruleId === "ACME-S3-001").map((f) => [f.location.address, f.message])).toEqual([["aws_s3_bucket.logs", "aws_s3_bucket.logs does not keep object versions"]]);
    // The built-in checks still run beside them.
    expect(findings.some((f) => f.ruleId.startsWith("MAM-AWS-"))).toBe(true);

    const without = runCli(["scan", "fs", dir, "--no-store", "--scanners", "config", "-f", "json"], { env });
    expect(without.code, without.stderr).toBe(0);
    expect((JSON.parse(without.stdout) as Report).findings.some((f) => f.ruleId === "ACME-S3-001")).toBe(false);

    const bad = join(work, "fs-broken");
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, "p.yaml"), "id: ACME-X-002\ntitle: t\nseverity: low\ndescription: d\nappliesTo: aws.s3.Bucket\nremediation: r\ncondition: resource.bucket ==\n");
    const broken = runCli(["scan", "fs", dir, "--no-store", "--scanners", "config", "--policy", bad], { env });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`error: ${join(bad, "p.yaml")}:7: condition: Unexpected token`);
  });

  it("rules list --policy adds the policies to the catalogue, marked custom (json and md)", () => {
    const json = runCli(["rules", "list", "--format", "json", "--policy", "demo/policies"], { env });
    expect(json.code, json.stderr).toBe(0);
    const rules = JSON.parse(json.stdout) as { id: string; custom?: boolean; source?: string; references: unknown }[];
    const custom = rules.filter((r) => r.custom === true);
    expect(custom.map((r) => [r.id, r.source])).toEqual([
      ["ACME-K8S-001", "demo/policies/k8s-registry.yaml:1"],
      ["ACME-S3-001", "demo/policies/s3-versioning.yaml:1"],
    ]);
    expect(custom[1]?.references).toEqual({ checkov: "CKV_AWS_21", trivy: "AVD-AWS-0090" });
    expect(rules.filter((r) => r.id.startsWith("MAM-")).every((r) => !("custom" in r) && !("source" in r))).toBe(true);
    expect(rules.at(-1)?.id).toBe("ACME-S3-001");

    const md = runCli(["rules", "list", "--policy", "demo/policies"], { env });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^\d+ built-in checks and 2 custom policies\.$/m);
    expect(md.stdout).toContain("| [ACME-S3-001](#acme-s3-001-s3-bucket-must-have-versioning-enabled) (custom) | medium |");
    expect(md.stdout).toContain("## ACME-S3-001: S3 bucket must have versioning enabled\n\n- Custom policy: `demo/policies/s3-versioning.yaml:1`");
    expect(md.stdout).toContain("Bad (terraform) #1:");

    const plain = runCli(["rules", "list", "--format", "json"], { env });
    expect((JSON.parse(plain.stdout) as { custom?: boolean }[]).some((r) => r.custom === true)).toBe(false);
  });

  it("reads policies from mamori.yaml", () => {
    const dir = join(work, "config");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "mamori.yaml"), `policies: [${JSON.stringify(join(repoRoot, "demo", "policies"))}]\n`);
    writeFileSync(join(dir, "main.tf"), 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n');
    const r = runCli(["scan", "iac", ".", "--no-store", "-f", "json"], { env, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).findings.some((f) => f.ruleId === "ACME-S3-001")).toBe(true);
  });
});
