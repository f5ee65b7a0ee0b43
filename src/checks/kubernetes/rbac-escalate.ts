import type { K8sRole } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { roleYaml } from "./rbac.js";

const VERBS: Record<string, string> = {
  escalate: "create or update roles with permissions it does not hold",
  bind: "bind roles with permissions it does not hold",
  impersonate: "act as other users, groups or service accounts",
};

function check(kind: "Role" | "ClusterRole", id: string) {
  return defineCheck<K8sRole>({
    id,
    title: `${kind} grants escalate, bind or impersonate`,
    severity: "high",
    kind: "permission",
    description:
      `A rule of the ${kind} names the verb \`escalate\`, \`bind\` or \`impersonate\`. RBAC normally stops a ` +
      "subject from granting more than it holds; escalate and bind lift exactly that check for the roles the " +
      "rule covers, and impersonate lets the subject send requests as someone else, with their rights. Each is a " +
      "direct way to more privilege. The `*` verb, which includes them, is MAM-K8S-016/017.",
    appliesTo: `k8s.${kind}`,
    compliance: [{ framework: "cis-kubernetes-1.8", control: "5.1.8" }],
    remediation: {
      text: "Remove the verb. Role management belongs to cluster administrators; where a controller must bind a role, limit the rule to that role with resourceNames.",
      fix: `rules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["rolebindings"]\n    verbs: ["get", "list", "create"]`,
    },
    examples: {
      kubernetes: {
        bad: [
          roleYaml(kind, "role-manager", `  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles", "rolebindings"]\n    verbs: ["get", "create", "bind", "escalate"]`),
          roleYaml(kind, "support", `  - apiGroups: [""]\n    resources: ["users", "groups", "serviceaccounts"]\n    verbs: ["impersonate"]`),
        ],
        good: [roleYaml(kind, "role-viewer", `  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles", "rolebindings"]\n    verbs: ["get", "list", "watch"]`)],
      },
    },
    evaluate(role) {
      const out: Violation[] = [];
      role.rules.forEach((rule, i) => {
        for (const v of rule.verbs) {
          const verb = v.value.toLowerCase();
          const what = VERBS[verb];
          if (what) out.push(fail(v, `${kind} ${role.name} rule ${i + 1} grants ${verb}: its subjects can ${what}`, { key: `rule ${i + 1} ${verb}` }));
        }
      });
      return out;
    },
  });
}

export const roleEscalate = check("Role", "MAM-K8S-035");
export const clusterRoleEscalate = check("ClusterRole", "MAM-K8S-036");
