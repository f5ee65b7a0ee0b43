// The generic example runner (test/checks/examples.test.ts), for the Kubernetes checks alone, so
// they are proven before they join the registry.
import { describe, expect, it } from "vitest";
import { kubernetesAdapter } from "../../../src/adapters/kubernetes.js";
import { violationsOf } from "../../../src/checks/define.js";
import { kubernetesChecks } from "../../../src/checks/kubernetes/index.js";
import type { Check, Violation } from "../../../src/checks/types.js";
import { SEVERITIES } from "../../../src/core/model.js";

function runCheck(check: Check, text: string): Violation[] {
  const parsed = kubernetesAdapter.parse(text, "example.yaml");
  return parsed.models.filter((m) => m.modelType === check.appliesTo).flatMap((m) => [...violationsOf(check.evaluate(m, { path: "example" }))]);
}

function cases(kind: "bad" | "good"): { name: string; check: Check; text: string }[] {
  return kubernetesChecks.flatMap((check) =>
    (check.examples.kubernetes?.[kind] ?? []).map((text, i) => ({ name: `${check.id} ${kind} #${i + 1}`, check, text })),
  );
}

describe("kubernetes check examples", () => {
  it.each(cases("bad"))("$name fires", ({ check, text }) => {
    const found = runCheck(check, text);
    expect(found.length).toBeGreaterThan(0);
    for (const v of found) {
      expect(v.message.length).toBeGreaterThan(0);
      expect(v.range.startLine).toBeGreaterThanOrEqual(1);
      expect(v.range.endLine).toBeGreaterThanOrEqual(v.range.startLine);
      expect(v.range.endLine).toBeLessThanOrEqual(text.split("\n").length);
      expect(v.key ?? "").not.toMatch(/\d+:\d+|line \d+/);
    }
  });

  it.each(cases("good"))("$name stays quiet", ({ check, text }) => {
    expect(runCheck(check, text)).toEqual([]);
  });
});

describe("kubernetes check metadata", () => {
  it("ids are unique, well-formed and sorted", () => {
    const ids = kubernetesChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^MAM-K8S-\d{3}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  it.each(kubernetesChecks.map((c) => ({ id: c.id, check: c })))("$id is fully described", ({ check }) => {
    expect(check.title.length).toBeGreaterThan(5);
    expect(check.description.length).toBeGreaterThan(40);
    expect(check.remediation.text.length).toBeGreaterThan(10);
    expect(check.remediation.fix ?? "").not.toBe("");
    expect(SEVERITIES).toContain(check.severity);
    expect(check.appliesTo).toMatch(/^k8s\./);
    expect(Object.keys(check.examples)).toEqual(["kubernetes"]);
    expect(check.examples.kubernetes?.bad.length).toBeGreaterThanOrEqual(1);
    expect(check.examples.kubernetes?.good.length).toBeGreaterThanOrEqual(1);
    for (const r of check.compliance ?? []) {
      expect(r.framework).toBe("cis-kubernetes-1.8");
      expect(r.control).toMatch(/^5\.\d+\.\d+$/);
    }
    const shape: Record<string, RegExp> = { checkov: /^CKV2?_K8S_\d+$/, trivy: /^AVD-KSV-\d{4}$/ };
    for (const [tool, ids] of Object.entries(check.references ?? {})) {
      for (const id of Array.isArray(ids) ? ids : [ids]) expect(id, `${tool} reference`).toMatch(shape[tool] ?? /./);
    }
  });
});
