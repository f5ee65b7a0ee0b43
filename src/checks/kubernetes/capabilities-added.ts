import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { allContainers } from "../../models/k8s.js";
import { DANGEROUS_CAPABILITIES, normalizeCapability } from "./capabilities.js";
import { containerKey, containerLabel } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-008",
  title: "Container adds a dangerous capability",
  severity: "high",
  description:
    "A container's `securityContext.capabilities.add` lists a capability that is close to root on the node: " +
    "`ALL`, `SYS_ADMIN` (mount, namespaces, most of what privileged gives), `NET_ADMIN` (the node's interfaces and " +
    "firewall when combined with host networking, the pod's otherwise), `SYS_MODULE`, `SYS_PTRACE`, `SYS_RAWIO`, " +
    "`DAC_READ_SEARCH`, `BPF` or `SYS_BOOT`. Each is a well-known step in container escapes.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_39", trivy: "AVD-KSV-0005" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.9" }],
  remediation: {
    text: "Remove the capability; find the narrow one the process needs (NET_BIND_SERVICE to bind a low port, for example) and drop everything else.",
    fix: "securityContext:\n  capabilities:\n    drop: [\"ALL\"]\n    add: [\"NET_BIND_SERVICE\"]",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vpn-gateway
  namespace: edge
spec:
  selector:
    matchLabels: { app: vpn-gateway }
  template:
    metadata:
      labels: { app: vpn-gateway }
    spec:
      containers:
        - name: wireguard
          image: registry.example.com/wireguard:1.0.20210914
          securityContext:
            capabilities:
              add: ["NET_ADMIN", "SYS_MODULE"]`,
        `apiVersion: v1
kind: Pod
metadata:
  name: fuse-mounter
spec:
  containers:
    - name: mounter
      image: registry.example.com/s3fs:1.94
      securityContext:
        capabilities:
          add:
            - CAP_SYS_ADMIN`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example.com/web:2.3.0
      securityContext:
        capabilities:
          drop: ["ALL"]
          add: ["NET_BIND_SERVICE"]`,
      ],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    for (const c of allContainers(w.podSpec)) {
      for (const cap of c.securityContext.capabilities.add) {
        const name = normalizeCapability(cap.value);
        if (!DANGEROUS_CAPABILITIES.has(name)) continue;
        out.push(fail(cap, `${containerLabel(c)} adds the capability ${name}`, { key: containerKey(c, `capabilities.add ${name}`) }));
      }
    }
    return out;
  },
});
