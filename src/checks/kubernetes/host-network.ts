import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck } from "../define.js";
import { podFlagSet, podWith } from "./pod-flag.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-004",
  title: "Pod shares the host's network namespace",
  severity: "high",
  description:
    "The pod sets `hostNetwork: true`, so its containers use the node's network stack: they can bind any port on " +
    "the node, reach services listening on the node's loopback (the kubelet's, a local database's), sniff the " +
    "node's traffic with enough capabilities, and bypass network policies, which do not apply to host-network pods.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_19", trivy: "AVD-KSV-0009" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.5" }],
  remediation: {
    text: "Remove `hostNetwork: true` and expose the workload through a Service (or a hostPort only where unavoidable).",
    fix: "spec:\n  hostNetwork: false",
  },
  examples: {
    kubernetes: {
      bad: [podWith("proxy", "  hostNetwork: true\n")],
      good: [podWith("proxy", ""), podWith("proxy", "  hostNetwork: false\n")],
    },
  },
  evaluate: podFlagSet("hostNetwork", "it shares the node's network stack and escapes network policies"),
});
