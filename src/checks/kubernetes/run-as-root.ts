import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { containerKey, containerLabel, eachContainer, effective, isTrue , firstLine } from "./util.js";

function uid(v: unknown): number | undefined {
  const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) ? n : undefined;
}

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-003",
  title: "Container may run as root",
  severity: "medium",
  description:
    "Neither the container nor the pod sets `runAsNonRoot: true`, and `runAsUser` is 0 or not given, so the " +
    "container runs as whatever user its image says, root for most images. Root in a container shares the " +
    "kernel with the node: with a kernel flaw, a writable host mount or an over-broad capability it becomes root " +
    "on the node. The container's own settings win over the pod's.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_23", trivy: "AVD-KSV-0012" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.7" }],
  remediation: {
    text: "Set `runAsNonRoot: true` and a non-zero `runAsUser` at the pod level (or per container), and build the image with an unprivileged USER.",
    fix: "securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001\n  runAsGroup: 10001",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx:1.25.4`,
        `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: worker
      image: registry.example.com/worker:3.1.0
      securityContext:
        runAsNonRoot: false
        runAsUser: 0`,
      ],
      good: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 101
      containers:
        - name: nginx
          image: nginxinc/nginx-unprivileged:1.25.4`,
        `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
    - name: worker
      image: registry.example.com/worker:3.1.0
      securityContext:
        runAsUser: 10001`,
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      if (isTrue(effective(w, c, "runAsNonRoot"))) return undefined;
      const user = effective(w, c, "runAsUser");
      const id = uid(user?.value);
      if (id !== undefined && id > 0) return undefined;
      if (user && id === 0) return fail(user, `${containerLabel(c)} runs as root (runAsUser: 0)`, { key: containerKey(c, "runAsUser") });
      const nonRoot = effective(w, c, "runAsNonRoot");
      return fail(nonRoot ?? firstLine(c.range), `${containerLabel(c)} may run as root: runAsNonRoot is not true and no non-zero runAsUser is set`, {
        key: containerKey(c, "runAsNonRoot"),
      });
    }),
});
