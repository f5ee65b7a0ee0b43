// Where Kubernetes manifests come from: rendered Helm charts (with `# Source:` comments), Kustomize
// output, standard input, and YAML files that are not manifests at all.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adapterForText } from "../../src/adapters/index.js";
import { isK8sWorkload, kubernetesAdapter } from "../../src/adapters/kubernetes.js";
import type { K8sIngress, K8sNamespace, K8sNetworkPolicy, K8sRole, K8sService, K8sServiceAccount } from "../../src/models/k8s.js";
import { scanIac } from "../../src/scan/iac.js";

const HELM = readFileSync("test/fixtures/k8s-helm/storefront.yaml", "utf8");
const KUSTOMIZE = readFileSync("test/fixtures/k8s-kustomize/build.yaml", "utf8");

describe("sniff: which YAML is Kubernetes", () => {
  it.each([
    ["a manifest", "apiVersion: v1\nkind: Pod\nmetadata: { name: x }\n", true],
    ["Helm output", HELM, true],
    ["a Helm template (reported as such when parsed)", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n", true],
    ["quoted keys", '"apiVersion": v1\n"kind": ConfigMap\n', true],
    ["CloudFormation", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n", false],
    ["CloudFormation embedding a manifest", "Resources:\n  Chart:\n    Type: AWS::EKS::Manifest\n    Properties:\n      Manifest:\n        apiVersion: v1\n        kind: Pod\n", false],
    ["a Compose file", "services:\n  web:\n    image: nginx:1.25.4\n", false],
    ["a CI config", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n", false],
    ["kind alone", "kind: Deployment\nmetadata: { name: x }\n", false],
  ])("%s", (_name, text, want) => {
    expect(kubernetesAdapter.sniff?.(text)).toBe(want);
  });

  it.each([
    ["deploy/app.yaml", "kubernetes", "apiVersion: v1\nkind: Service\nmetadata: { name: x }\n"],
    ["docker-compose.yml", "compose", "services:\n  web:\n    image: nginx:1.25.4\n"],
    ["compose.prod.yaml", "compose", "services:\n  web:\n    image: nginx:1.25.4\n"],
    [".github/workflows/ci.yml", undefined, "on: push\njobs: {}\n"],
  ])("a walk gives %s to %s", (path, format, text) => {
    expect(adapterForText(path, text)?.format).toBe(format);
  });

  it("does not give a CloudFormation template to the Kubernetes adapter", () => {
    const cfn = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";
    expect(adapterForText("stack.yaml", cfn)?.format).not.toBe("kubernetes");
  });
});

describe("helm template output", () => {
  const parsed = kubernetesAdapter.parse(HELM, "rendered.yaml");

  it("names the template each object came from, in the address", () => {
    expect(parsed.models.map((m) => [m.modelType, m.address, m.range.startLine])).toEqual([
      ["k8s.ServiceAccount", "ServiceAccount/default/storefront (storefront/templates/serviceaccount.yaml)", 3],
      ["k8s.Service", "Service/default/storefront (storefront/templates/service.yaml)", 14],
      ["k8s.Workload", "Deployment/default/storefront (storefront/templates/deployment.yaml)", 32],
      ["k8s.Ingress", "Ingress/default/storefront (storefront/templates/ingress.yaml)", 74],
      ["k8s.Workload", "Pod/default/storefront-test-connection (storefront/templates/tests/test-connection.yaml)", 93],
    ]);
    expect(parsed.models.map((m) => (m as { source?: string }).source)).toEqual([
      "storefront/templates/serviceaccount.yaml",
      "storefront/templates/service.yaml",
      "storefront/templates/deployment.yaml",
      "storefront/templates/ingress.yaml",
      "storefront/templates/tests/test-connection.yaml",
    ]);
  });

  it("keeps a namespace Helm did not write unwritten", () => {
    for (const m of parsed.models) expect((m as { namespaceField?: unknown }).namespaceField).toBeUndefined();
  });

  it("takes the last Source comment before a document, and none from an empty one", () => {
    const text = "---\n# Source: c/templates/empty.yaml\n---\n# Source: c/templates/a.yaml\n# Source: c/templates/b.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata: { name: b }\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: { name: plain }\n";
    expect(kubernetesAdapter.parse(text, "x.yaml").models.map((m) => m.address)).toEqual(["ServiceAccount/default/b (c/templates/b.yaml)", "ServiceAccount/default/plain"]);
  });

  it("scans Helm output from standard input, naming the templates", async () => {
    const result = await scanIac({ target: "-", cwd: process.cwd(), readStdin: () => Promise.resolve(Buffer.from(HELM)), secrets: false });
    const addresses = new Set(result.findings.map((f) => f.location.address));
    expect(addresses).toContain("Deployment/default/storefront (storefront/templates/deployment.yaml)");
    expect(addresses).toContain("Ingress/default/storefront (storefront/templates/ingress.yaml)");
    const lb = result.findings.find((f) => f.ruleId === "MAM-K8S-045");
    expect(lb?.location).toMatchObject({ path: "stdin", startLine: 22, address: "Service/default/storefront (storefront/templates/service.yaml)" });
  });
});

describe("kustomize build output", () => {
  const parsed = kubernetesAdapter.parse(KUSTOMIZE, "build.yaml");

  it("maps every kind checks look at, with namespaces as written", () => {
    expect(parsed.models.map((m) => [m.modelType, m.address])).toEqual([
      ["k8s.Namespace", "Namespace/shop-prod"],
      ["k8s.ServiceAccount", "ServiceAccount/shop-prod/default"],
      ["k8s.Role", "Role/shop-prod/prod-deployer"],
      ["k8s.RoleBinding", "RoleBinding/shop-prod/prod-deployer"],
      ["k8s.Workload", "Deployment/shop-prod/prod-api"],
      ["k8s.NetworkPolicy", "NetworkPolicy/shop-prod/prod-api"],
    ]);
    expect(parsed.blocks).toHaveLength(6);
  });

  it("reads labels, RBAC rule lists and ServiceAccount settings", () => {
    const ns = parsed.models[0] as K8sNamespace;
    expect(ns.labels["app.kubernetes.io/part-of"]?.value).toBe("shop");
    const sa = parsed.models[1] as K8sServiceAccount;
    expect(sa.automountServiceAccountToken).toBeUndefined();
    expect(sa.namespaceField).toEqual({ value: "shop-prod", range: { startLine: 14, endLine: 14 } });
    const role = parsed.models[2] as K8sRole;
    expect(role.rules.map((r) => [r.apiGroups.map((g) => g.value), r.resources.map((x) => x.value), r.verbs.map((v) => v.value), r.resourceNames])).toEqual([
      [[""], ["pods", "pods/exec"], ["create", "get"], []],
      [[""], ["secrets"], ["list"], []],
    ]);
  });

  it("reads the pod template's annotations, security context, probes and volume types", () => {
    const w = parsed.models[4];
    if (!w || !isK8sWorkload(w)) throw new Error("no workload");
    const spec = w.podSpec;
    expect(spec.annotations["container.apparmor.security.beta.kubernetes.io/api"]).toEqual({ value: "unconfined", range: { startLine: 69, endLine: 69 } });
    expect(spec.securityContext.seccompProfile).toEqual({ value: "RuntimeDefault", range: { startLine: 79, endLine: 79 } });
    expect(spec.securityContext.runAsGroup?.value).toBe(10001);
    expect(spec.securityContext.sysctls?.map((s) => [s.value, s.range.startLine])).toEqual([["kernel.msgmax", 81]]);
    expect(spec.securityContext.supplementalGroups).toEqual([]);
    expect(spec.automountServiceAccountToken?.value).toBe(false);
    expect(spec.volumes.map((v) => [v.name, v.type])).toEqual([["shared", "nfs"]]);
    const api = spec.containers[0];
    expect(api?.securityContext.procMount).toEqual({ value: "Unmasked", range: { startLine: 103, endLine: 103 } });
    expect(api?.livenessProbe?.handler).toBe('httpGet:{"path":"/healthz","port":8080}');
    expect(api?.readinessProbe?.handler).toBe('httpGet:{"path":"/ready","port":8080}');
  });

  it("reads a NetworkPolicy's rules, an empty rule included", () => {
    const np = parsed.models[5] as K8sNetworkPolicy;
    expect(np.policyTypes.map((p) => p.value)).toEqual(["Ingress"]);
    expect(np.ingress).toEqual([{ range: { startLine: 120, endLine: 120 }, hasPorts: false }]);
    expect(np.egress).toEqual([]);
  });
});

describe("objects and fields", () => {
  it("reads Services, Ingresses and NetworkPolicy peers", () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: gw
  annotations: { service.beta.kubernetes.io/aws-load-balancer-internal: "true" }
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: ["10.0.0.0/8"]
  externalIPs: ["198.51.100.7"]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: shop }
spec:
  tls:
    - hosts: ["a.example.com"]
      secretName: a
    - secretName: default
  rules:
    - host: a.example.com
    - host: b.example.com
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: np, namespace: shop }
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector: {}
          podSelector: { matchLabels: { app: x } }
        - ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8] }
      ports: [{ port: 80 }]
  egress:
    - to: []
`;
    const [svc, ing, np] = kubernetesAdapter.parse(text, "o.yaml").models as [K8sService, K8sIngress, K8sNetworkPolicy];
    expect(svc.loadBalancerSourceRanges.map((r) => r.value)).toEqual(["10.0.0.0/8"]);
    expect(svc.externalIPs.map((r) => [r.value, r.range.startLine])).toEqual([["198.51.100.7", 9]]);
    expect(svc.annotations["service.beta.kubernetes.io/aws-load-balancer-internal"]?.value).toBe("true");
    expect(ing.tls.map((t) => t.hosts.map((h) => h.value))).toEqual([["a.example.com"], []]);
    expect(ing.hosts.map((h) => [h.value, h.range.startLine])).toEqual([
      ["a.example.com", 20],
      ["b.example.com", 21],
    ]);
    expect(ing.specRange?.startLine).toBe(14);
    expect(np.ingress[0]?.hasPorts).toBe(true);
    expect(np.ingress[0]?.peers?.map((p) => [p.namespaceSelector, p.podSelector, p.cidr?.value, p.hasExcept])).toEqual([
      ["empty", "set", undefined, false],
      [undefined, undefined, "0.0.0.0/0", true],
    ]);
    expect(np.egress).toEqual([{ range: { startLine: 35, endLine: 35 }, hasPorts: false, peers: [] }]);
  });

  it("reads every security context field at pod and container level", () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  shareProcessNamespace: true
  securityContext:
    fsGroup: 0
    supplementalGroups: [0, 5]
    appArmorProfile: { type: Unconfined }
    seLinuxOptions: { type: spc_t, user: u, role: r }
    windowsOptions: { hostProcess: true }
  containers:
    - name: c
      image: busybox:1.36
      imagePullPolicy: Never
      securityContext:
        runAsGroup: 0
        seccompProfile: { type: Localhost, localhostProfile: p.json }
`;
    const w = kubernetesAdapter.parse(text, "p.yaml").models[0];
    if (!w || !isK8sWorkload(w)) throw new Error("no workload");
    const sc = w.podSpec.securityContext;
    expect([sc.fsGroup?.value, sc.supplementalGroups?.map((g) => g.value), sc.appArmorProfile?.value, sc.seLinuxType?.value, sc.seLinuxUser?.value, sc.seLinuxRole?.value, sc.hostProcess?.value]).toEqual([
      0,
      [0, 5],
      "Unconfined",
      "spc_t",
      "u",
      "r",
      true,
    ]);
    expect(w.podSpec.shareProcessNamespace?.range.startLine).toBe(5);
    const c = w.podSpec.containers[0];
    expect([c?.imagePullPolicy?.value, c?.securityContext.runAsGroup?.value, c?.securityContext.seccompProfile?.value]).toEqual(["Never", 0, "Localhost"]);
  });

  it.each(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"])("finds the pod template of a %s", (kind) => {
    const text = `apiVersion: apps/v1\nkind: ${kind}\nmetadata: { name: w }\nspec:\n  template:\n    metadata:\n      annotations: { a: b }\n    spec:\n      containers:\n        - { name: c, image: "busybox:1.36" }\n`;
    const w = kubernetesAdapter.parse(text, "w.yaml").models[0];
    if (!w || !isK8sWorkload(w)) throw new Error("no workload");
    expect([w.podSpec.containers.map((c) => c.name), w.podSpec.annotations.a?.value]).toEqual([["c"], "b"]);
  });
});
