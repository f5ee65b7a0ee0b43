// The generic example runner, for the AWS checks alone, until they are registered: every bad
// example fires, every good one stays quiet, and the metadata is complete.
import { describe, expect, it } from "vitest";
import { terraformAdapter } from "../../../src/adapters/terraform.js";
import { awsChecks } from "../../../src/checks/aws/index.js";
import { violationsOf } from "../../../src/checks/define.js";
import type { Check, Violation } from "../../../src/checks/types.js";
import { SEVERITIES } from "../../../src/core/model.js";

function run(check: Check, text: string): Violation[] {
  return terraformAdapter
    .parse(text, "example.tf")
    .models.filter((m) => m.modelType === check.appliesTo)
    .flatMap((m) => [...violationsOf(check.evaluate(m, { path: "example.tf" }))]);
}

const cases = (kind: "bad" | "good") =>
  awsChecks.flatMap((check) => (check.examples.terraform?.[kind] ?? []).map((text, i) => ({ name: `${check.id} ${kind} #${i + 1}`, check, text })));

describe("AWS check examples", () => {
  it.each(cases("bad"))("$name fires", ({ check, text }) => {
    const found = run(check, text);
    expect(found.length).toBeGreaterThan(0);
    for (const v of found) {
      expect(v.message.length).toBeGreaterThan(0);
      expect(v.range.startLine).toBeGreaterThanOrEqual(1);
      expect(v.range.endLine).toBeGreaterThanOrEqual(v.range.startLine);
      expect(v.range.endLine).toBeLessThanOrEqual(text.split("\n").length);
    }
  });

  it.each(cases("good"))("$name stays quiet", ({ check, text }) => {
    expect(run(check, text)).toEqual([]);
  });
});

describe("AWS check metadata", () => {
  it("ids are unique, well-formed and in order", () => {
    const ids = awsChecks.map((c) => c.id);
    expect(ids).toEqual(ids.map((_, i) => `MAM-AWS-${String(i + 1).padStart(3, "0")}`));
  });

  it.each(awsChecks.map((c) => ({ id: c.id, check: c })))("$id is fully described", ({ check }) => {
    expect(check.title.length).toBeGreaterThan(5);
    expect(check.description.length).toBeGreaterThan(40);
    expect(check.remediation.text.length).toBeGreaterThan(10);
    expect(check.remediation.fix).toBeDefined();
    expect(SEVERITIES).toContain(check.severity);
    expect(check.examples.terraform?.bad.length).toBeGreaterThanOrEqual(1);
    expect(check.examples.terraform?.good.length).toBeGreaterThanOrEqual(1);
    for (const r of check.compliance ?? []) expect(r.framework).toBe("cis-aws-3.0");
    const shape: Record<string, RegExp> = { checkov: /^CKV2?_AWS_\d+$/, trivy: /^AVD-AWS-\d{4}$/ };
    for (const [tool, ids] of Object.entries(check.references ?? {})) {
      for (const id of Array.isArray(ids) ? ids : [ids]) expect(id, tool).toMatch(shape[tool] ?? /^$/);
    }
  });
});

describe("the RDS password never leaks", () => {
  const planted = "Pl4nted-Tf-S3cret-0001";
  it.each([
    `resource "aws_db_instance" "a" {\n  password = "${planted}"\n}`,
    `variable "p" {\n  default = "${planted}"\n}\nresource "aws_db_instance" "a" {\n  password = var.p\n}`,
    `locals {\n  p = "${planted}"\n}\nresource "aws_db_instance" "a" {\n  password = "\${local.p}"\n}`,
  ])("%#", (text) => {
    const check = awsChecks.find((c) => c.id === "MAM-AWS-009") as Check;
    const found = awsChecks.flatMap((c) => run(c, text));
    expect(run(check, text)).toHaveLength(1);
    for (const v of found) for (const f of [v.message, v.key ?? "", v.snippet ?? "", v.fix ?? ""]) expect(f).not.toContain(planted);
    expect(run(check, text)[0]?.snippet).toMatch(/^password = "Pl4n\*+"$/);
  });
});
