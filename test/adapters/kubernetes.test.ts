import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kubernetesAdapter, isK8sWorkload, MAX_OBJECTS_PER_FILE } from "../../src/adapters/kubernetes.js";
import { InputError } from "../../src/core/errors.js";
import type { K8sRole, K8sRoleBinding, K8sService } from "../../src/models/k8s.js";

const MULTI = `# two documents
apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
  namespace: shop
spec:
  template:
    spec:
      hostNetwork: true
      initContainers:
        - name: migrate
          image: busybox:1.36
      containers:
        - name: web
          image: registry.example.com/storefront:latest
          securityContext:
            privileged: true
            capabilities:
              add: ["NET_ADMIN"]
              drop:
                - ALL
          resources:
            limits: { cpu: 500m, memory: 256Mi }
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
          env:
            - name: API_TOKEN
              value: "abc"
          ports:
            - containerPort: 8080
              hostPort: 8080
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
---
apiVersion: v1
kind: Service
metadata:
  name: storefront
spec:
  type: NodePort
`;

describe("kubernetes adapter", () => {
  it.each([
    ["deploy/app.yaml", true],
    ["deploy/app.YML", true],
    ["Chart.lock", false],
    ["deploy/app.json", false],
  ])("wants %s: %s", (path, want) => {
    expect(kubernetesAdapter.wants(path)).toBe(want);
  });

  it("maps a multi-document file with the lines of each value", () => {
    const parsed = kubernetesAdapter.parse(MULTI, "m.yaml");
    expect(parsed.models.map((m) => [m.modelType, m.address, m.range.startLine, m.range.endLine])).toEqual([
      ["k8s.Workload", "Deployment/shop/storefront", 2, 36],
      ["k8s.Service", "Service/default/storefront", 38, 43],
      ["k8s.NamespacePolicyCoverage", "Namespace/shop", 2, 36],
    ]);
    expect(parsed.blocks).toEqual([
      { startLine: 2, endLine: 36 },
      { startLine: 38, endLine: 43 },
    ]);
    const w = parsed.models[0];
    if (!w || !isK8sWorkload(w)) throw new Error("no workload");
    const spec = w.podSpec;
    expect(spec.hostNetwork).toEqual({ value: true, range: { startLine: 10, endLine: 10 } });
    expect(spec.initContainers.map((c) => [c.name, c.image?.value, c.range.startLine])).toEqual([["migrate", "busybox:1.36", 12]]);
    const web = spec.containers[0];
    if (!web) throw new Error("no container");
    expect(web.range.startLine).toBe(15);
    expect(web.image?.range.startLine).toBe(16);
    expect(web.securityContext.privileged).toEqual({ value: true, range: { startLine: 18, endLine: 18 } });
    expect(web.securityContext.capabilities.add.map((c) => [c.value, c.range.startLine])).toEqual([["NET_ADMIN", 20]]);
    expect(web.securityContext.capabilities.drop.map((c) => [c.value, c.range.startLine])).toEqual([["ALL", 22]]);
    expect(Object.keys(web.resources.limits)).toEqual(["cpu", "memory"]);
    expect(web.resources.limits.memory?.range.startLine).toBe(24);
    expect(web.livenessProbe?.range.startLine).toBe(25);
    expect(web.readinessProbe).toBeUndefined();
    expect(web.env).toEqual([{ name: "API_TOKEN", value: { value: "abc", range: { startLine: 29, endLine: 29 } }, range: { startLine: 28, endLine: 29 } }]);
    expect(web.ports[0]?.hostPort).toEqual({ value: 8080, range: { startLine: 32, endLine: 32 } });
    expect(spec.volumes[0]?.hostPath).toEqual({ value: "/var/run/docker.sock", range: { startLine: 36, endLine: 36 } });
    expect((parsed.models[1] as K8sService).type?.value).toBe("NodePort");
  });

  it("finds the pod spec of a CronJob and of a bare Pod", () => {
    const cron = `apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly, namespace: ops }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          hostPID: true
          containers:
            - name: job
              image: alpine:3.20
---
apiVersion: v1
kind: Pod
metadata: { name: debug }
spec:
  containers:
    - name: shell
      image: busybox
`;
    const models = kubernetesAdapter.parse(cron, "c.yaml").models.filter(isK8sWorkload);
    expect(models.map((m) => [m.address, m.podSpec.containers.map((c) => c.name)])).toEqual([
      ["CronJob/ops/nightly", ["job"]],
      ["Pod/default/debug", ["shell"]],
    ]);
    expect(models[0]?.podSpec.hostPID?.range.startLine).toBe(10);
  });

  it("maps the items of a List, and RBAC objects", () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: { name: everything }
    rules:
      - apiGroups: ["*"]
        resources: ["*"]
        verbs: ["*"]
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata: { name: everything }
    roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
    subjects:
      - kind: ServiceAccount
        name: default
        namespace: shop
`;
    const parsed = kubernetesAdapter.parse(list, "l.yaml");
    expect(parsed.models.map((m) => [m.modelType, m.address, m.range.startLine])).toEqual([
      ["k8s.ClusterRole", "ClusterRole/everything", 4],
      ["k8s.ClusterRoleBinding", "ClusterRoleBinding/everything", 11],
    ]);
    const role = parsed.models[0] as K8sRole;
    expect(role.rules[0]?.verbs.map((v) => [v.value, v.range.startLine])).toEqual([["*", 10]]);
    const binding = parsed.models[1] as K8sRoleBinding;
    expect(binding.roleRef?.name.value).toBe("cluster-admin");
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "default", namespace: "shop", range: { startLine: 16, endLine: 18 } }]);
  });

  it.each([
    ["a Helm values file", "replicaCount: 2\nimage:\n  repository: nginx\n"],
    ["a CI config", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"],
    ["an empty file", ""],
    ["only comments", "# nothing\n"],
    ["a scalar document", "just text\n"],
    ["a kind without apiVersion", "kind: Deployment\nmetadata: { name: x }\n"],
  ])("gives no models for %s", (_name, text) => {
    const parsed = kubernetesAdapter.parse(text, "x.yaml");
    expect(parsed.models).toEqual([]);
    expect(parsed.blocks).toEqual([]);
  });

  it("reports a Helm template instead of failing on it", () => {
    const tpl = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
`;
    const parsed = kubernetesAdapter.parse(tpl, "templates/deployment.yaml");
    expect(parsed.models).toEqual([]);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]?.message).toMatch(/template/);
  });

  it("does not parse YAML that names no apiVersion and kind, even when broken", () => {
    expect(kubernetesAdapter.parse("a: [\n  b: {\n", "ci.yml")).toEqual({ models: [], blocks: [], warnings: [] });
  });

  it("refuses an alias bomb quickly", () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      rows.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const started = Date.now();
    expect(() => kubernetesAdapter.parse(`apiVersion: v1\nkind: ConfigMap\n${rows.join("\n")}\n`, "bomb.yaml")).toThrow(InputError);
    expect(() => kubernetesAdapter.parse(`apiVersion: v1\nkind: ConfigMap\n${rows.join("\n")}\n`, "bomb.yaml")).toThrow(/^bomb\.yaml:1: /);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("names the file and line of a syntax error", () => {
    const bad = `apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers: [
    { name: a
`;
    expect(() => kubernetesAdapter.parse(bad, "bad.yaml")).toThrow(InputError);
    let message = "";
    try {
      kubernetesAdapter.parse("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  - y\n", "bad.yaml");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^bad\.yaml:[45]: invalid YAML: /);
  });

  it("on any input, returns models or throws InputError, nothing else", () => {
    const piece = fc.constantFrom("apiVersion: v1\n", "kind: Pod\n", "spec:\n", "  containers:\n", "    - name: a\n", "      image: x\n", "---\n", "&a ", "*a\n", "[", "]", "{", "}", ": ", "- ", "  ", "\t", "'", '"', "# c\n", "\n");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 40 }), (parts) => {
        try {
          const parsed = kubernetesAdapter.parse(`apiVersion: v1\nkind: Pod\n${parts.join("")}`, "f.yaml");
          for (const m of parsed.models) expect(m.range.startLine).toBeGreaterThanOrEqual(1);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("kubernetes adapter size bound", () => {
  it("reads the first 10,000 objects of a generated file and says where it stopped", () => {
    const pod = (i: number) => `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`;
    const text = Array.from({ length: MAX_OBJECTS_PER_FILE + 5 }, (_, i) => pod(i)).join("");
    const parsed = kubernetesAdapter.parse(text, "pods.yaml");
    expect(parsed.models).toHaveLength(MAX_OBJECTS_PER_FILE);
    expect(parsed.warnings).toEqual([{ line: MAX_OBJECTS_PER_FILE * 9 + 1, message: "more than 10,000 Kubernetes objects in one file: the rest, from this line on, is not scanned" }]);
  });
});
