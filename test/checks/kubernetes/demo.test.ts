// Realistic, deliberately flawed manifests: every check that should fire does, on the line of the
// offending value (or of the container when a value is missing), and nothing else fires.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kubernetesAdapter } from "../../../src/adapters/kubernetes.js";
import { CheckSet } from "../../../src/checks/engine.js";
import { kubernetesChecks } from "../../../src/checks/kubernetes/index.js";

const checks = new CheckSet(kubernetesChecks);

function run(text: string, path = "m.yaml") {
  return checks.run(kubernetesAdapter.parse(text, path).models, path);
}

function pairs(text: string): string[] {
  return run(text)
    .map((r) => `${r.check.id}:${r.violation.range.startLine}`)
    .sort();
}

const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
  namespace: monitoring
spec:
  selector:
    matchLabels: { app: node-agent }
  template:
    metadata:
      labels: { app: node-agent }
    spec:
      hostPID: true
      hostIPC: true
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
      containers:
        - name: agent
          image: registry.example.com/node-agent:2.4.1
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
              add: ["SYS_PTRACE", "NET_BIND_SERVICE"]
          resources:
            limits: { cpu: 200m, memory: 128Mi }
          livenessProbe:
            httpGet: { path: /healthz, port: 9100 }
          readinessProbe:
            httpGet: { path: /ready, port: 9100 }
          ports:
            - containerPort: 9100
              hostPort: 9100
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: { name: agent, key: db-password }
          volumeMounts:
            - { name: root, mountPath: /host, readOnly: true }
      volumes:
        - name: root
          hostPath:
            path: /
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: node-agent
rules:
  - apiGroups: [""]
    resources: ["pods", "nodes"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["metrics.k8s.io"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: v1
kind: Service
metadata:
  name: node-agent
  namespace: monitoring
spec:
  type: NodePort
  selector: { app: node-agent }
  ports:
    - port: 9100
`;

describe("flawed manifests", () => {
  it("demo/k8s/deployment.yaml", () => {
    expect(pairs(readFileSync("demo/k8s/deployment.yaml", "utf8"))).toEqual([
      "MAM-K8S-001:22", // privileged: true
      "MAM-K8S-002:23", // allowPrivilegeEscalation: true
      "MAM-K8S-003:17", // container web: no runAsNonRoot anywhere
      "MAM-K8S-004:15", // hostNetwork: true
      "MAM-K8S-009:21", // securityContext without drop ALL
      "MAM-K8S-010:18", // :latest
      "MAM-K8S-011:17", // no resources
      "MAM-K8S-012:17", // no probes
      "MAM-K8S-013:26", // API_TOKEN value
      "MAM-K8S-014:21", // securityContext without readOnlyRootFilesystem
      "MAM-K8S-028:21", // no seccomp profile, here or on the pod
      "MAM-K8S-041:15", // the pod spec does not turn off token automounting
      "MAM-K8S-045:34", // LoadBalancer open to any source
      "MAM-K8S-050:17", // no requests
      "MAM-K8S-056:2", // namespace shop has no NetworkPolicy
    ]);
  });

  it("demo/k8s/rbac.yaml", () => {
    const results = run(readFileSync("demo/k8s/rbac.yaml", "utf8"));
    expect(results.map((r) => [r.check.id, r.violation.range.startLine, r.violation.severity])).toEqual([["MAM-K8S-018", 11, "critical"]]);
    expect(results[0]?.model.address).toBe("ClusterRoleBinding/storefront-admin");
  });

  it("a node agent with host access, a wildcard role and a NodePort", () => {
    expect(pairs(AGENT)).toEqual([
      "MAM-K8S-005:13", // hostPID
      "MAM-K8S-006:14", // hostIPC
      "MAM-K8S-007:45", // hostPath /
      "MAM-K8S-008:26", // SYS_PTRACE (NET_BIND_SERVICE is fine)
      "MAM-K8S-015:35", // hostPort 9100
      "MAM-K8S-017:56", // resources: ["*"]
      "MAM-K8S-017:57", // verbs: ["*"]
      "MAM-K8S-019:65", // type: NodePort
      "MAM-K8S-028:21", // no seccomp profile
      "MAM-K8S-041:13", // token automounted
      "MAM-K8S-048:20", // tag without digest
      "MAM-K8S-055:39", // DB_PASSWORD from a Secret, as an environment variable
      "MAM-K8S-056:1", // namespace of the agent has no NetworkPolicy
    ]);
    const hostPath = run(AGENT).find((r) => r.check.id === "MAM-K8S-007");
    expect(hostPath?.violation.severity).toBe("high");
  });

  it("keys name the container and field, never a line", () => {
    const keys = run(readFileSync("demo/k8s/deployment.yaml", "utf8")).map((r) => r.violation.key);
    expect(keys).toContain("containers/web privileged");
    expect(keys).toContain("containers/web env API_TOKEN");
    for (const k of keys) expect(k).not.toMatch(/\b(?:15|17|18|21|22|23|26)\b/);
  });

  it("container settings override the pod's", () => {
    const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsNonRoot: true, runAsUser: 1000 }
  containers:
    - name: c
      image: busybox:1.36
${container}`;
    const root = (text: string) => run(text).filter((r) => r.check.id === "MAM-K8S-003").map((r) => r.violation.range.startLine);
    expect(root(pod(""))).toEqual([]);
    expect(root(pod("      securityContext: { runAsNonRoot: false, runAsUser: 0 }"))).toEqual([9]);
  });
});

const PLANTED = ["Pl4nted-S3cret-Value-0001", "abc", "Pl4nted S3cret with spaces", "multi\nline-s3cret"];

describe("secrets never leak into violations", () => {
  it.each(PLANTED.map((s, i) => ({ secret: s, n: i + 1 })))("planted secret #$n", ({ secret }) => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: leak }
spec:
  containers:
    - name: app
      image: busybox:1.36
      env:
        - name: APP_SECRET
          value: ${JSON.stringify(secret)}
`;
    const results = run(text);
    const secretFindings = results.filter((r) => r.check.id === "MAM-K8S-013");
    expect(secretFindings).toHaveLength(1);
    expect(secretFindings[0]?.violation.snippet).toBeDefined();
    for (const { violation: v } of results) {
      for (const field of [v.message, v.key ?? "", v.snippet ?? "", v.fix ?? ""]) {
        for (const part of secret.split("\n")) expect(field).not.toContain(part);
      }
    }
  });
});
