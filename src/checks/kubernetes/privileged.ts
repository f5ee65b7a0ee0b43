import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { containerKey, containerLabel, eachContainer, isTrue } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-001",
  title: "Container runs privileged",
  severity: "high",
  description:
    "A container sets `securityContext.privileged: true`. A privileged container gets every Linux capability, all " +
    "host devices and no seccomp or AppArmor confinement: it is root on the node in all but name, and whoever " +
    "compromises it can load kernel modules, mount the host's disks and take over every other pod on the node. " +
    "Init containers count too.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_16", trivy: "AVD-KSV-0017" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.2" }],
  remediation: {
    text: "Remove `privileged: true`. Grant only the capabilities the process needs (capabilities.add) and, for device access, use a device plugin.",
    fix: "securityContext:\n  privileged: false\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [\"ALL\"]",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: apps/v1
kind: Deployment
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
      containers:
        - name: agent
          image: registry.example.com/node-agent:2.4.1
          securityContext:
            privileged: true`,
        `apiVersion: v1
kind: Pod
metadata:
  name: setup
spec:
  initContainers:
    - name: sysctl
      image: busybox:1.36
      command: ["sysctl", "-w", "vm.max_map_count=262144"]
      securityContext:
        privileged: true
  containers:
    - name: search
      image: docker.elastic.co/elasticsearch/elasticsearch:8.13.4`,
      ],
      good: [
        `apiVersion: apps/v1
kind: Deployment
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
      containers:
        - name: agent
          image: registry.example.com/node-agent:2.4.1
          securityContext:
            privileged: false
            capabilities:
              drop: ["ALL"]`,
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      const v = c.securityContext.privileged;
      if (!isTrue(v) || !v) return undefined;
      return fail(v, `${containerLabel(c)} runs privileged: it has full access to the node`, {
        key: containerKey(c, "privileged"),
        edits: [{ kind: "set-value", line: v.range.startLine, keys: ["privileged"], from: "true", to: "false" }],
      });
    }),
});
