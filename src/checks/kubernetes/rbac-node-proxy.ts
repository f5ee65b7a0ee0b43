import type { K8sRole } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { grants, roleYaml } from "./rbac.js";

export default defineCheck<K8sRole>({
  id: "MAM-K8S-054",
  title: "ClusterRole grants access to nodes/proxy",
  severity: "high",
  kind: "permission",
  description:
    "A rule of the ClusterRole allows a verb on `nodes/proxy`. Requests through it go straight to the kubelet " +
    "API of any node, which can list pods and, depending on the verb and kubelet version, run commands in any " +
    "container of the node, without the API server's admission control or the audit detail of ordinary exec " +
    "requests. Monitoring agents often ask for it when nodes/metrics or nodes/stats would do.",
  appliesTo: "k8s.ClusterRole",
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.1.10" }],
  remediation: {
    text: "Grant get on nodes/metrics (and nodes/stats where needed) instead; keep nodes/proxy to cluster administrators.",
    fix: `rules:\n  - apiGroups: [""]\n    resources: ["nodes/metrics", "nodes/stats"]\n    verbs: ["get"]`,
  },
  examples: {
    kubernetes: {
      bad: [roleYaml("ClusterRole", "metrics-agent", `  - apiGroups: [""]\n    resources: ["nodes", "nodes/proxy"]\n    verbs: ["get", "list", "watch"]`)],
      good: [roleYaml("ClusterRole", "metrics-agent", `  - apiGroups: [""]\n    resources: ["nodes", "nodes/metrics"]\n    verbs: ["get", "list", "watch"]`)],
    },
  },
  evaluate(role) {
    const out: Violation[] = [];
    role.rules.forEach((rule, i) => {
      const g = grants(rule, ["nodes/proxy"], ["get", "create", "update", "patch", "list", "watch", "delete"]);
      if (g && g.resource.value !== "*") out.push(fail(g.resource, `ClusterRole ${role.name} rule ${i + 1} grants ${g.verb.value} on nodes/proxy: direct access to every kubelet`, { key: `rule ${i + 1} nodes/proxy` }));
    });
    return out;
  },
});
