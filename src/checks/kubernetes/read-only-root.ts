import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { FixEdit } from "../types.js";
import { containerKey, containerLabel, eachContainer, firstLine, isFalse, isTrue } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-014",
  title: "Container root filesystem is writable",
  severity: "low",
  description:
    "A container does not set `securityContext.readOnlyRootFilesystem: true`, so a process that is taken over can " +
    "write anywhere in the image's filesystem: drop tools and malware, replace binaries the application runs, or " +
    "persist across requests. A read-only root with emptyDir volumes for the few paths that need writes stops this.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_22", trivy: "AVD-KSV-0014" },
  remediation: {
    text: "Set `readOnlyRootFilesystem: true` and mount an emptyDir at each path the application writes to (/tmp, caches).",
    fix: "securityContext:\n  readOnlyRootFilesystem: true\nvolumeMounts:\n  - { name: tmp, mountPath: /tmp }",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2
      securityContext:
        readOnlyRootFilesystem: false`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2
      securityContext:
        readOnlyRootFilesystem: true
      volumeMounts:
        - { name: tmp, mountPath: /tmp }
  volumes:
    - name: tmp
      emptyDir: {}`,
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      const v = c.securityContext.readOnlyRootFilesystem;
      if (isTrue(v)) return undefined;
      const sc = c.securityContext.range;
      const edits: FixEdit[] = v
        ? isFalse(v) ? [{ kind: "set-value", line: v.range.startLine, keys: ["readOnlyRootFilesystem"], from: "false", to: "true" }] : []
        : sc ? [{ kind: "yaml-add-entry", line: sc.startLine, at: "child", path: ["readOnlyRootFilesystem"], value: "true" }]
          : [{ kind: "yaml-add-entry", line: c.range.startLine, at: "sibling", path: ["securityContext", "readOnlyRootFilesystem"], value: "true" }];
      return fail(v ?? firstLine(c.securityContext.range ?? c.range), `${containerLabel(c)} can write to its root filesystem`, {
        key: containerKey(c, "readOnlyRootFilesystem"),
        edits,
      });
    }),
});
