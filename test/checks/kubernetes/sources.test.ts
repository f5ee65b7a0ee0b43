// The Kubernetes checks on rendered Helm and Kustomize output, and the Pod Security Standards
// controls each check covers.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kubernetesAdapter } from "../../../src/adapters/kubernetes.js";
import { CheckSet } from "../../../src/checks/engine.js";
import { kubernetesChecks } from "../../../src/checks/kubernetes/index.js";
import { pod } from "../../../src/checks/kubernetes/manifests.js";

const checks = new CheckSet(kubernetesChecks);

function run(text: string) {
  return checks.run(kubernetesAdapter.parse(text, "m.yaml").models, "m.yaml");
}

function pairs(text: string): string[] {
  return run(text)
    .map((r) => `${r.check.id}:${r.violation.range.startLine}`)
    .sort();
}

describe("rendered charts", () => {
  it("helm template output (test/fixtures/k8s-helm)", () => {
    const results = run(readFileSync("test/fixtures/k8s-helm/storefront.yaml", "utf8"));
    const byTemplate = (template: string) =>
      results
        .filter((r) => r.model.address?.endsWith(`(storefront/templates/${template})`))
        .map((r) => `${r.check.id}:${r.violation.range.startLine}`)
        .sort();
    expect(byTemplate("serviceaccount.yaml")).toEqual([]);
    expect(byTemplate("service.yaml")).toEqual(["MAM-K8S-045:22"]); // LoadBalancer open to all
    expect(byTemplate("ingress.yaml")).toEqual(["MAM-K8S-047:78"]); // no tls
    expect(byTemplate("deployment.yaml")).toEqual([
      "MAM-K8S-002:54", // empty securityContext: escalation allowed
      "MAM-K8S-003:53", // may run as root
      "MAM-K8S-009:54", // keeps default capabilities
      "MAM-K8S-011:70", // resources: {}
      "MAM-K8S-014:54", // writable root
      "MAM-K8S-028:54", // no seccomp profile
      "MAM-K8S-041:49", // token automounted
      "MAM-K8S-048:56", // tag without digest
      "MAM-K8S-050:70", // no requests
      "MAM-K8S-051:62", // liveness and readiness probe the same path
    ]);
    expect(byTemplate("tests/test-connection.yaml")).toContain("MAM-K8S-010:104"); // busybox, no tag
  });

  it("kustomize build output (test/fixtures/k8s-kustomize)", () => {
    expect(pairs(readFileSync("test/fixtures/k8s-kustomize/build.yaml", "utf8"))).toEqual([
      "MAM-K8S-022:69", // AppArmor annotation unconfined
      "MAM-K8S-024:103", // procMount: Unmasked
      "MAM-K8S-026:81", // sysctl kernel.msgmax
      "MAM-K8S-027:106", // nfs volume
      "MAM-K8S-031:37", // list secrets
      "MAM-K8S-033:30", // create pods
      "MAM-K8S-033:30", // create pods/exec
      "MAM-K8S-039:51", // default service account bound
      "MAM-K8S-042:8", // default service account automounts
      "MAM-K8S-044:120", // ingress: [{}]
      "MAM-K8S-053:1", // namespace without pod-security label
    ]);
  });
});

// One row per Pod Security Standards control (v1.30 wording): a pod that breaks it, and the check that says so.
const PSS: [string, string, string][] = [
  ["baseline: HostProcess", "MAM-K8S-020", pod({ container: "securityContext:\n  windowsOptions: { hostProcess: true }" })],
  ["baseline: host network", "MAM-K8S-004", pod({ spec: "hostNetwork: true" })],
  ["baseline: host PID", "MAM-K8S-005", pod({ spec: "hostPID: true" })],
  ["baseline: host IPC", "MAM-K8S-006", pod({ spec: "hostIPC: true" })],
  ["baseline: privileged", "MAM-K8S-001", pod({ container: "securityContext: { privileged: true }" })],
  ["baseline: capabilities (dangerous)", "MAM-K8S-008", pod({ container: "securityContext:\n  capabilities: { add: [SYS_ADMIN] }" })],
  ["baseline: capabilities (others)", "MAM-K8S-021", pod({ container: "securityContext:\n  capabilities: { add: [NET_RAW] }" })],
  ["baseline: hostPath volumes", "MAM-K8S-007", pod({ spec: "volumes:\n  - name: h\n    hostPath: { path: /data }" })],
  ["baseline: host ports", "MAM-K8S-015", pod({ container: "ports:\n  - { containerPort: 80, hostPort: 80 }" })],
  ["baseline: AppArmor", "MAM-K8S-022", pod({ container: "securityContext:\n  appArmorProfile: { type: Unconfined }" })],
  ["baseline: SELinux", "MAM-K8S-023", pod({ container: "securityContext:\n  seLinuxOptions: { type: spc_t }" })],
  ["baseline: /proc mount type", "MAM-K8S-024", pod({ container: "securityContext: { procMount: Unmasked }" })],
  ["baseline: seccomp", "MAM-K8S-025", pod({ spec: "securityContext:\n  seccompProfile: { type: Unconfined }" })],
  ["baseline: sysctls", "MAM-K8S-026", pod({ spec: "securityContext:\n  sysctls: [{ name: kernel.sem, value: \"1\" }]" })],
  ["restricted: volume types", "MAM-K8S-027", pod({ spec: "volumes:\n  - name: n\n    nfs: { server: nfs, path: / }" })],
  ["restricted: privilege escalation", "MAM-K8S-002", pod({ container: "securityContext: { allowPrivilegeEscalation: true }" })],
  ["restricted: running as non-root", "MAM-K8S-003", pod({ container: "securityContext: { runAsNonRoot: false }" })],
  ["restricted: running as non-root user", "MAM-K8S-003", pod({ container: "securityContext: { runAsUser: 0 }" })],
  ["restricted: seccomp", "MAM-K8S-028", pod()],
  ["restricted: capabilities (drop ALL)", "MAM-K8S-009", pod()],
  ["restricted: capabilities (add only NET_BIND_SERVICE)", "MAM-K8S-029", pod({ container: "securityContext:\n  capabilities: { drop: [ALL], add: [SETUID] }" })],
];

describe("Pod Security Standards coverage", () => {
  it.each(PSS)("%s is %s", (_control, id, manifest) => {
    expect(run(manifest).map((r) => r.check.id)).toContain(id);
  });

  it("a pod meeting the restricted profile passes every PSS check", () => {
    const restricted = pod({
      spec: "securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001\n  runAsGroup: 10001\n  seccompProfile: { type: RuntimeDefault }\nvolumes:\n  - name: tmp\n    emptyDir: {}",
      container: "securityContext:\n  allowPrivilegeEscalation: false\n  capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }",
    });
    const ids = new Set(PSS.map(([, id]) => id));
    expect(run(restricted).filter((r) => ids.has(r.check.id))).toEqual([]);
  });
});

describe("each added capability is reported once", () => {
  it.each([
    ["SYS_ADMIN", "MAM-K8S-008"],
    ["NET_RAW", "MAM-K8S-021"],
    ["SETUID", "MAM-K8S-029"],
    ["NET_BIND_SERVICE", undefined],
  ])("%s: %s", (cap, id) => {
    const found = run(pod({ container: `securityContext:\n  capabilities: { drop: [ALL], add: [${cap}] }` }))
      .filter((r) => ["MAM-K8S-008", "MAM-K8S-021", "MAM-K8S-029"].includes(r.check.id))
      .map((r) => r.check.id);
    expect(found).toEqual(id ? [id] : []);
  });
});
