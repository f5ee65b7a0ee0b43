import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { pod } from "./manifests.js";
import { isTrue } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-052",
  title: "Containers of the pod share a process namespace",
  severity: "low",
  description:
    "The pod sets `shareProcessNamespace: true`, so every container sees, and can signal, every other container's " +
    "processes; with the same user or CAP_SYS_PTRACE it can read their memory and environment through /proc, and " +
    "reach their file systems through /proc/<pid>/root. A compromised sidecar then exposes the application's " +
    "secrets, and the other way round.",
  appliesTo: "k8s.Workload",
  remediation: {
    text: "Remove shareProcessNamespace; for debugging, use an ephemeral container (kubectl debug --target) only when needed.",
    fix: "spec:\n  shareProcessNamespace: false",
  },
  examples: {
    kubernetes: {
      bad: [pod({ name: "app", spec: "shareProcessNamespace: true" })],
      good: [pod({ name: "app" }), pod({ name: "app", spec: "shareProcessNamespace: false" })],
    },
  },
  evaluate: (w) => {
    const v = w.podSpec.shareProcessNamespace;
    return v && isTrue(v) ? fail(v, `${w.kind} ${w.name} lets its containers see and signal each other's processes`, { key: "shareProcessNamespace" }) : undefined;
  },
});
