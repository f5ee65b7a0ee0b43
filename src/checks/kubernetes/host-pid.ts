import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck } from "../define.js";
import { podFlagSet, podWith } from "./pod-flag.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-005",
  title: "Pod shares the host's process namespace",
  severity: "high",
  description:
    "The pod sets `hostPID: true`, so its containers see every process on the node. They can read other " +
    "processes' environment and command lines (where secrets often are) and, as root or with ptrace, attach to " +
    "them or enter their namespaces with nsenter, which is a direct escape to the node.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_17", trivy: "AVD-KSV-0010" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.3" }],
  remediation: {
    text: "Remove `hostPID: true`. To share processes between the containers of one pod, use `shareProcessNamespace: true` instead.",
    fix: "spec:\n  hostPID: false",
  },
  examples: {
    kubernetes: {
      bad: [podWith("debugger", "  hostPID: true\n")],
      good: [podWith("debugger", "  shareProcessNamespace: true\n")],
    },
  },
  evaluate: podFlagSet("hostPID", "it can see and signal every process on the node"),
});
