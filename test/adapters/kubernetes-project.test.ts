// Kubernetes manifests read together: a namespace whose workloads no NetworkPolicy of the scan
// covers (MAM-K8S-056), wherever in the scan the policy is written.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubernetesAdapter } from "../../src/adapters/kubernetes.js";
import type { K8sNamespacePolicyCoverage } from "../../src/models/k8s.js";
import { scanIac } from "../../src/scan/iac.js";

const workload = (ns?: string, name = "web") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${ns === undefined ? "" : `  namespace: ${ns}\n`}spec:
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0.0
`;
const policy = (ns?: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
${ns === undefined ? "" : `  namespace: ${ns}\n`}spec:
  podSelector: {}
`;
const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

/** Scans the files as one directory; the MAM-K8S-056 findings as `file:line`. */
async function coverage(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "mamori-k8s-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = await scanIac({ target: dir, cwd: dir, secrets: false, skipChecks: ["MAM-K8S-0[0-4]*", "MAM-K8S-05[0-5]"] });
  return result.findings.map((f) => `${f.ruleId} ${f.location?.path}:${f.location?.startLine}`).sort();
}

describe("kubernetes manifests read together", () => {
  it.each([
    ["policy in one file, workload in the other", { "a.yaml": policy("shop"), "b.yaml": workload("shop") }, []],
    ["no policy: the workload's file", { "a.yaml": workload("shop"), "b.yaml": workload("shop", "api") }, ["MAM-K8S-056 a.yaml:1"]],
    ["no policy: the Namespace object's file", { "a.yaml": workload("shop"), "ns.yaml": `# shop\n${namespace("shop")}` }, ["MAM-K8S-056 ns.yaml:2"]],
    ["a policy of another namespace", { "a.yaml": workload("shop"), "b.yaml": policy("other") }, ["MAM-K8S-056 a.yaml:1"]],
    ["workloads that name no namespace", { "a.yaml": workload(), "b.yaml": workload(undefined, "api") }, []],
    ["namespace-less workload and policy", { "a.yaml": workload(), "b.yaml": policy() }, []],
    ["default, with a namespace-less policy", { "a.yaml": workload("default"), "b.yaml": policy() }, []],
    ["default, with no policy", { "a.yaml": workload("default") }, ["MAM-K8S-056 a.yaml:1"]],
    ["a Namespace with no workloads", { "ns.yaml": namespace("empty") }, []],
    ["a file that is not YAML beside", { "a.yaml": workload("shop"), "b.yaml": "apiVersion: v1\nkind: [\n" }, ["MAM-K8S-056 a.yaml:1"]],
  ])("%s", async (_name, files, expected) => {
    expect(await coverage(files)).toEqual(expected);
  });

  it("turns a file's YAML error into a warning of that file, and reads the others", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-k8s-"));
    writeFileSync(join(dir, "a.yaml"), workload("shop"));
    writeFileSync(join(dir, "b.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: [\n");
    const result = await scanIac({ target: dir, cwd: dir, secrets: false });
    expect(result.warnings.map((w) => [w.path?.replace(/:\d+$/, ""), w.message.slice(0, 22)])).toEqual([["b.yaml", "skipped: invalid YAML:"]]);
  });

  it("honours a suppression comment above the Namespace object", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-k8s-"));
    writeFileSync(join(dir, "a.yaml"), workload("shop"));
    writeFileSync(join(dir, "ns.yaml"), `# mamori:ignore MAM-K8S-056 the mesh enforces traffic rules\n${namespace("shop")}`);
    const result = await scanIac({ target: dir, cwd: dir, secrets: false });
    expect(result.findings.filter((f) => f.ruleId === "MAM-K8S-056").map((f) => [f.location?.path, f.suppressed !== undefined])).toEqual([["ns.yaml", true]]);
  });

  it("reads a lone file (standard input, a file named alone) as a scan of its own", async () => {
    const parsed = kubernetesAdapter.parse(`${namespace("shop")}---\n${workload("shop")}---\n${workload("shop", "api")}`, "m.yaml");
    const cov = parsed.models.filter((m): m is K8sNamespacePolicyCoverage => m.modelType === "k8s.NamespacePolicyCoverage");
    expect(cov.map((c) => [c.namespace, c.namespaceObject, c.workloads, c.range.startLine])).toEqual([["shop", true, ["Deployment/web", "Deployment/api"], 1]]);
    const dir = mkdtempSync(join(tmpdir(), "mamori-k8s-"));
    writeFileSync(join(dir, "a.yaml"), workload("shop"));
    const one = await scanIac({ target: join(dir, "a.yaml"), cwd: dir, secrets: false });
    expect(one.findings.filter((f) => f.ruleId === "MAM-K8S-056").map((f) => f.location?.startLine)).toEqual([1]);
    const stdin = await scanIac({ target: "-", cwd: dir, secrets: false, readStdin: () => Promise.resolve(Buffer.from(workload("shop"))) });
    expect(stdin.findings.filter((f) => f.ruleId === "MAM-K8S-056").map((f) => f.location?.path)).toEqual(["stdin"]);
  });
});
