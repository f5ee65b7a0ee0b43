// Custom policies: reading and validating the YAML, the unknown-value rule, where findings point,
// messages, loading directories, and running the inline examples.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { terraformAdapter } from "../../src/adapters/terraform.js";
import { kubernetesAdapter } from "../../src/adapters/kubernetes.js";
import { violationsOf } from "../../src/checks/define.js";
import { builtinChecks } from "../../src/checks/registry.js";
import { InputError } from "../../src/core/errors.js";
import { loadPolicies, policyCheck, readPolicy, testPolicyExamples, type PolicyCheck } from "../../src/policy/index.js";
import { repoRoot } from "../helpers/cli.js";

const work = mkdtempSync(join(tmpdir(), "mamori-policy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BASE = `id: ACME-S3-001
title: Bucket without versioning
severity: medium
description: Buckets keep versions.
appliesTo: aws.s3.Bucket
condition: '!has(resource.versioning) || resource.versioning == false'
remediation: Turn versioning on.
`;

function policy(extra = "", base = BASE): PolicyCheck {
  return policyCheck(readPolicy(`${base}${extra}`, "p.yaml"));
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  return "no error";
}

describe("readPolicy and policyCheck refuse mistakes with file and line", () => {
  const rows: { name: string; text: string; error: string }[] = [
    { name: "not a mapping", text: "- a\n- b\n", error: "p.yaml:1: a policy file is a YAML mapping" },
    { name: "unknown key", text: `${BASE}serverity: high\n`, error: 'p.yaml:8: unknown key "serverity"' },
    { name: "missing condition", text: BASE.replace(/condition:.*\n/, ""), error: "p.yaml:1: missing condition" },
    { name: "a Mamori id", text: BASE.replace("ACME-S3-001", "MAM-S3-999"), error: "p.yaml:1: id: MAM-S3-999: MAM- ids are Mamori's own" },
    { name: "a malformed id", text: BASE.replace("ACME-S3-001", "acme s3"), error: "p.yaml:1: id: acme s3: use upper-case words" },
    { name: "bad severity", text: BASE.replace("severity: medium", "severity: urgent"), error: "p.yaml:3: severity: must be one of" },
    { name: "CEL syntax error", text: BASE.replace(/condition:.*\n/, "condition: resource.versioning ==\n"), error: "p.yaml:6: condition: Unexpected token" },
    { name: "CEL unknown variable", text: BASE.replace(/condition:.*\n/, "condition: bucket.versioning == false\n"), error: "p.yaml:6: condition:" },
    { name: "non-bool condition", text: BASE.replace(/condition:.*\n/, "condition: '1 + 1'\n"), error: "p.yaml:6: condition: must be a bool expression" },
    { name: "bad message part", text: `${BASE}message: "{{ resource. }}"\n`, error: "p.yaml:8: message: in {{ resource. }}" },
    { name: "unclosed message part", text: `${BASE}message: "{{ resource.address"\n`, error: "p.yaml:8: message: a {{ without its closing }}" },
    { name: "remediation missing", text: BASE.replace("remediation: Turn versioning on.\n", ""), error: "p.yaml:1: remediation: missing" },
    { name: "unknown reference tool", text: `${BASE}references: { snyk: X }\n`, error: 'p.yaml:8: references: unknown tool "snyk"' },
    { name: "examples not lists", text: `${BASE}examples: { terraform: { bad: 3 } }\n`, error: "p.yaml:8: examples: terraform: bad and good must be lists" },
  ];
  it.each(rows)("$name", ({ text, error }) => {
    expect(errorOf(() => policyCheck(readPolicy(text, "p.yaml")))).toContain(error);
  });
});

describe("evaluation", () => {
  const bucket = (body: string) => terraformAdapter.parse(`resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n${body}}\n`, "main.tf").models[0]!;

  it("fires on a known violation and points at the last value it read", () => {
    const p = policy('message: "{{ resource.address }} keeps no versions ({{ resource.versioning }})"\n');
    const [v] = violationsOf(p.evaluate(bucket("  versioning {\n    enabled = false\n  }\n"), { path: "main.tf" }));
    expect(v?.message).toBe("aws_s3_bucket.logs keeps no versions (false)");
    expect(v?.range.startLine).toBe(4);
    expect(v?.key).toBe("aws_s3_bucket.logs");
  });

  it("points at the resource when the condition read no value of it", () => {
    const [v] = violationsOf(policy().evaluate(bucket(""), { path: "main.tf" }));
    expect(v?.range).toEqual({ startLine: 1, endLine: 3 });
    expect(v?.message).toBe("Bucket without versioning");
  });

  it("never fires on a value Mamori could not work out", () => {
    const unknown = bucket("  versioning {\n    enabled = var.on\n  }\n");
    expect(violationsOf(policy().evaluate(unknown, { path: "main.tf" }))).toEqual([]);
    // Even where null would make the expression true.
    const negated = policy("", BASE.replace(/condition:.*\n/, "condition: 'resource.versioning != true'\n"));
    expect(violationsOf(negated.evaluate(unknown, { path: "main.tf" }))).toEqual([]);
    expect(negated.failures.size).toBe(0);
  });

  it("counts evaluation failures instead of firing", () => {
    const typo = policy("", BASE.replace(/condition:.*\n/, "condition: resource.versionin == false\n"));
    expect(violationsOf(typo.evaluate(bucket(""), { path: "main.tf" }))).toEqual([]);
    expect([...typo.failures]).toEqual([["No such key: versionin", 1]]);
  });

  it("reads Kubernetes models, sourced values and lists alike", () => {
    const p = policyCheck(
      readPolicy(
        `id: ACME-K8S-001
title: Image from outside the registry
severity: high
description: Only our registry.
appliesTo: k8s.Workload
condition: resource.podSpec.containers.exists(c, !c.image.startsWith("registry.acme.example/"))
message: "{{ resource.kind }}/{{ resource.name }}"
remediation: Mirror it.
`,
        "k.yaml",
      ),
    );
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: a\n      image: registry.acme.example/a:1\n    - name: b\n      image: nginx:1.27\n";
    const [v] = violationsOf(p.evaluate(kubernetesAdapter.parse(text, "pod.yaml").models[0]!, { path: "pod.yaml" }));
    expect(v?.message).toBe("Pod/api");
    expect(v?.range.startLine).toBe(10);
  });
});

describe("loadPolicies", () => {
  const load = (paths: string[]) => loadPolicies(paths, { cwd: repoRoot, builtin: builtinChecks });

  it("loads the demo policies and the fixtures", () => {
    expect(load(["demo/policies"]).map((p) => p.id)).toEqual(["ACME-K8S-001", "ACME-S3-001"]);
    expect(load(["test/fixtures/policy/good/rds-deletion.yaml"]).map((p) => p.source)).toEqual(["test/fixtures/policy/good/rds-deletion.yaml:1"]);
  });

  it("refuses an unknown model type, a duplicate id, a built-in id and an empty directory", () => {
    const dir = join(work, "bad");
    mkdirSync(join(dir, "a"), { recursive: true });
    mkdirSync(join(dir, "b"), { recursive: true });
    mkdirSync(join(dir, "empty"), { recursive: true });
    writeFileSync(join(dir, "a", "p.yaml"), BASE.replace("aws.s3.Bucket", "aws.s3.Bukcet"));
    expect(errorOf(() => loadPolicies([join(dir, "a")], { cwd: work, builtin: builtinChecks }))).toMatch(/a\/p\.yaml:5: appliesTo: unknown model type "aws.s3.Bukcet"/);
    writeFileSync(join(dir, "a", "p.yaml"), BASE);
    writeFileSync(join(dir, "b", "p.yml"), BASE);
    expect(errorOf(() => loadPolicies([join(dir, "a"), join(dir, "b")], { cwd: work, builtin: builtinChecks }))).toMatch(/b\/p\.yml:1: id ACME-S3-001 is already used by .*a\/p\.yaml/);
    expect(errorOf(() => loadPolicies([join(dir, "empty")], { cwd: work, builtin: builtinChecks }))).toContain("no policy files");
    expect(errorOf(() => loadPolicies([join(dir, "missing")], { cwd: work, builtin: builtinChecks }))).toContain("no such file or directory");
  });
});

describe("testPolicyExamples", () => {
  const load = (paths: string[]) => loadPolicies(paths, { cwd: repoRoot, builtin: builtinChecks });

  it("passes the demo policies", () => {
    const results = testPolicyExamples(load(["demo/policies"]));
    expect(results.length).toBeGreaterThanOrEqual(6);
    expect(results.filter((r) => !r.pass)).toEqual([]);
  });

  it("reports examples that do not behave, and policies without examples", () => {
    const results = testPolicyExamples([...load(["test/fixtures/policy/failing"]), policy()]);
    expect(results.map((r) => [r.policy, r.kind, r.pass, r.detail])).toEqual([
      ["TEST-EBS-001", "bad", false, "did not fire"],
      ["TEST-EBS-001", "good", false, "fired: EBS volume smaller than 10 GiB"],
      ["ACME-S3-001", "-", false, "no examples: give at least one bad and one good example"],
    ]);
  });
});
