import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck } from "../define.js";
import { podFlagSet, podWith } from "./pod-flag.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-006",
  title: "Pod shares the host's IPC namespace",
  severity: "high",
  description:
    "The pod sets `hostIPC: true`, so its containers share the node's System V IPC objects and POSIX shared " +
    "memory with every process on the node: they can read and tamper with shared memory segments of other " +
    "workloads and of the node's own services.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_18", trivy: "AVD-KSV-0008" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.4" }],
  remediation: {
    text: "Remove `hostIPC: true`; containers of one pod already share an IPC namespace with each other.",
    fix: "spec:\n  hostIPC: false",
  },
  examples: {
    kubernetes: {
      bad: [podWith("shm-reader", "  hostIPC: true\n")],
      good: [podWith("shm-reader", "  hostIPC: false\n")],
    },
  },
  evaluate: podFlagSet("hostIPC", "it shares memory segments with every process on the node"),
});
