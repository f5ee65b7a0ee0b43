import type { K8sWorkload } from "../../models/k8s.js";
import { allContainers } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { containerKey, containerLabel } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-015",
  title: "Container binds a port on the node",
  severity: "medium",
  description:
    "A container port sets `hostPort`, so the port is opened on the node's own address. It bypasses Services and " +
    "most network policies, exposes the container to whatever can reach the node, and limits scheduling to one " +
    "such pod per node.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_26", trivy: "AVD-KSV-0024" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.13" }],
  remediation: {
    text: "Remove hostPort and expose the port through a Service (ClusterIP, or a LoadBalancer/Ingress for outside traffic).",
    fix: "ports:\n  - containerPort: 8080",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: ingress
spec:
  containers:
    - name: nginx
      image: registry.k8s.io/ingress-nginx/controller:v1.10.1
      ports:
        - containerPort: 80
          hostPort: 80
        - containerPort: 443
          hostPort: 443`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: ingress
spec:
  containers:
    - name: nginx
      image: registry.k8s.io/ingress-nginx/controller:v1.10.1
      ports:
        - containerPort: 80
        - containerPort: 443`,
      ],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    for (const c of allContainers(w.podSpec)) {
      for (const p of c.ports) {
        if (!p.hostPort || p.hostPort.value === 0 || p.hostPort.value === null) continue;
        const port = String(p.hostPort.value);
        out.push(fail(p.hostPort, `${containerLabel(c)} binds port ${port} on the node`, { key: containerKey(c, `hostPort ${port}`) }));
      }
    }
    return out;
  },
});
