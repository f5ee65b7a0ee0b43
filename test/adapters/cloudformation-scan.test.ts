// The CloudFormation and plan adapters as `mamori scan iac` uses them: the demo template, and a
// directory where templates, a plan, a manifest and a package.json sit side by side.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scanIac } from "../../src/scan/iac.js";

const demo = readFileSync("demo/cloudformation/storefront.yaml", "utf8").split("\n");
const lineOf = (text: string): number => demo.findIndex((l) => l.includes(text)) + 1;

const work = mkdtempSync(join(tmpdir(), "mamori-cfn-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scan iac on CloudFormation", () => {
  it("finds the demo template's mistakes at their lines", async () => {
    const r = await scanIac({ target: "demo/cloudformation/storefront.yaml", cwd: process.cwd(), secrets: false });
    const open = r.findings.filter((f) => !f.suppressed && /^MAM-AWS-0(0[1-9]|1[0-2])$/.test(f.ruleId));
    const got = open.map((f) => `${f.ruleId} ${f.location.startLine ?? 0}`).sort();
    const want = [
      `MAM-AWS-001 ${lineOf("AccessControl: PublicRead")}`,
      `MAM-AWS-002 ${lineOf("  Assets:")}`,
      `MAM-AWS-003 ${lineOf("  Assets:")}`,
      `MAM-AWS-004 ${lineOf("Status: !If [IsProd")}`,
      `MAM-AWS-005 ${lineOf("FromPort: 22") + 2}`,
      `MAM-AWS-006 ${lineOf("CidrIpv6: ::/0")}`,
      `MAM-AWS-007 ${lineOf("PubliclyAccessible: true")}`,
      `MAM-AWS-008 ${lineOf("StorageEncrypted: !If")}`,
      `MAM-AWS-009 ${lineOf("MasterUserPassword: !Ref DbPassword")}`,
      `MAM-AWS-010 ${lineOf('Action: "*"')}`,
      `MAM-AWS-011 ${lineOf("Action: s3:*")}`,
      `MAM-AWS-012 ${lineOf("  CacheVolume:")}`,
    ].sort();
    expect(got).toEqual(want);
    const suppressed = r.findings.filter((f) => f.suppressed).map((f) => f.ruleId);
    expect(suppressed).toEqual(["MAM-AWS-003"]);
    expect(r.warnings).toEqual([]);
    // The password's value never appears in what is reported.
    expect(JSON.stringify(r.findings)).not.toContain("changeme-demo-only");
  });

  it("sends each file of a directory to its own adapter", async () => {
    copyFileSync("demo/cloudformation/storefront.yaml", join(work, "stack.yaml"));
    copyFileSync("test/fixtures/cloudformation/bucket.json", join(work, "bucket.json"));
    copyFileSync("test/fixtures/tfplan/storefront.plan.json", join(work, "plan.json"));
    writeFileSync(join(work, "package.json"), '{ "name": "x", "version": "1.0.0" }\n');
    writeFileSync(join(work, "deploy.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ClusterIP\n");
    writeFileSync(join(work, "broken.template"), "AWSTemplateFormatVersion: x\nResources: [\n");
    const r = await scanIac({ target: work, cwd: work, secrets: false });
    const files = new Set(r.findings.map((f) => f.location.path));
    expect(files).toEqual(new Set(["stack.yaml", "bucket.json", "plan.json"]));
    expect(r.findings.some((f) => f.location.path === "plan.json" && f.ruleId === "MAM-AWS-009")).toBe(true);
    expect(r.warnings).toEqual([{ path: "broken.template", message: expect.stringMatching(/^skipped: broken\.template:\d+: invalid YAML or JSON/) as string }]);
  });
});
