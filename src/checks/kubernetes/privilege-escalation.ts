import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { FixEdit } from "../types.js";
import { containerKey, containerLabel, eachContainer, isFalse, isTrue, firstLine } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-002",
  title: "Container allows privilege escalation",
  severity: "medium",
  description:
    "A container does not set `securityContext.allowPrivilegeEscalation: false`. Unless it is set, a process in the " +
    "container can gain more privileges than its parent, through setuid binaries such as `su` or `sudo` or file " +
    "capabilities, which turns a foothold as an unprivileged user into root inside the container. The default is " +
    "to allow it.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_20", trivy: "AVD-KSV-0001" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.6" }],
  remediation: {
    text: "Set `allowPrivilegeEscalation: false` in every container's securityContext (it sets no_new_privs on the process).",
    fix: "securityContext:\n  allowPrivilegeEscalation: false",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2`,
        `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
spec:
  serviceName: cache
  selector:
    matchLabels: { app: cache }
  template:
    metadata:
      labels: { app: cache }
    spec:
      containers:
        - name: redis
          image: redis:7.2.4
          securityContext:
            allowPrivilegeEscalation: true`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2
      securityContext:
        allowPrivilegeEscalation: false`,
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      const v = c.securityContext.allowPrivilegeEscalation;
      if (isFalse(v)) return undefined;
      const why = v ? "sets allowPrivilegeEscalation to true" : "does not set allowPrivilegeEscalation to false";
      const sc = c.securityContext.range;
      const edits: FixEdit[] = v
        ? isTrue(v) ? [{ kind: "set-value", line: v.range.startLine, keys: ["allowPrivilegeEscalation"], from: "true", to: "false" }] : []
        : sc ? [{ kind: "yaml-add-entry", line: sc.startLine, at: "child", path: ["allowPrivilegeEscalation"], value: "false" }]
          : [{ kind: "yaml-add-entry", line: c.range.startLine, at: "sibling", path: ["securityContext", "allowPrivilegeEscalation"], value: "false" }];
      return fail(v ?? firstLine(c.securityContext.range ?? c.range), `${containerLabel(c)} ${why}`, {
        key: containerKey(c, "allowPrivilegeEscalation"),
        edits,
      });
    }),
});
