import type { K8sRole } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { grants, roleYaml } from "./rbac.js";

const TARGETS = [
  { resources: ["pods"], what: "create pods" },
  { resources: ["pods/exec", "pods/attach"], what: "run commands in pods (pods/exec, pods/attach)" },
];

function check(kind: "Role" | "ClusterRole", id: string) {
  return defineCheck<K8sRole>({
    id,
    title: `${kind} can create pods or exec into them`,
    severity: "high",
    kind: "permission",
    description:
      `A rule of the ${kind} allows \`create\` on \`pods\`, or on \`pods/exec\` or \`pods/attach\`. Creating a ` +
      "pod is a way to every privilege the namespace offers: the pod can run under any service account there and " +
      "mount any Secret or ConfigMap of it, and, where admission allows, run privileged on a node. Exec and attach " +
      "run commands inside existing pods with their identity and data. Both are escalation paths the subject may " +
      "not have been meant to have.",
    appliesTo: `k8s.${kind}`,
    compliance: [{ framework: "cis-kubernetes-1.8", control: "5.1.4" }],
    remediation: {
      text: "Let subjects manage Deployments or Jobs (reviewed through their own manifests) rather than pods, keep exec to break-glass roles, and enforce Pod Security admission in the namespace.",
      fix: `rules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "update", "patch"]`,
    },
    examples: {
      kubernetes: {
        bad: [
          roleYaml(kind, "runner", `  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["get", "list", "create", "delete"]`),
          roleYaml(kind, "debugger", `  - apiGroups: [""]\n    resources: ["pods", "pods/exec"]\n    verbs: ["get", "create"]`),
        ],
        good: [roleYaml(kind, "viewer", `  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list", "watch"]`)],
      },
    },
    evaluate(role) {
      const out: Violation[] = [];
      role.rules.forEach((rule, i) => {
        for (const t of TARGETS) {
          const g = grants(rule, t.resources, ["create"]);
          if (g) out.push(fail(g.verb, `${kind} ${role.name} rule ${i + 1} lets its subjects ${t.what}`, { key: `rule ${i + 1} ${t.resources[0]} create` }));
        }
      });
      return out;
    },
  });
}

export const rolePodCreate = check("Role", "MAM-K8S-033");
export const clusterRolePodCreate = check("ClusterRole", "MAM-K8S-034");
