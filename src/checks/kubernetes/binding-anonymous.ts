import type { K8sRoleBinding } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { bindingYaml } from "./rbac.js";

// Who a subject is when it stands for everyone.
const EVERYONE: Record<string, { kind: string; who: string; severity: "high" | "medium" }> = {
  "system:anonymous": { kind: "User", who: "every request that carries no credentials", severity: "high" },
  "system:unauthenticated": { kind: "Group", who: "every request that carries no credentials", severity: "high" },
  "system:authenticated": { kind: "Group", who: "every authenticated user and every service account of the cluster", severity: "medium" },
};
// The discovery roles Kubernetes itself binds to these groups.
const DEFAULT_ROLES = new Set(["system:public-info-viewer", "system:discovery", "system:basic-user"]);

function check(kind: "RoleBinding" | "ClusterRoleBinding", id: string) {
  return defineCheck<K8sRoleBinding>({
    id,
    title: `${kind} grants a role to anonymous or all users`,
    severity: "high",
    kind: "permission",
    description:
      `The ${kind} names \`system:anonymous\`, \`system:unauthenticated\` or \`system:authenticated\` as a subject. ` +
      "The first two are anyone who can reach the API server without credentials; the third is every user and " +
      "every service account in the cluster, so any compromised pod gets the role. Bindings to the discovery roles " +
      "Kubernetes binds this way itself are not reported; system:authenticated is reported as medium.",
    appliesTo: `k8s.${kind}`,
    remediation: {
      text: "Bind the role to the users, groups or service accounts that need it by name; keep anonymous access to the API server off.",
      fix: "subjects:\n  - kind: Group\n    name: storefront-operators\n    apiGroup: rbac.authorization.k8s.io",
    },
    examples: {
      kubernetes: {
        bad: [
          bindingYaml(kind, "status-reader", "  - kind: Group\n    name: system:unauthenticated\n    apiGroup: rbac.authorization.k8s.io"),
          bindingYaml(kind, "deployer", "  - kind: User\n    name: system:anonymous\n    apiGroup: rbac.authorization.k8s.io"),
          bindingYaml(kind, "viewer", "  - kind: Group\n    name: system:authenticated\n    apiGroup: rbac.authorization.k8s.io"),
        ],
        good: [
          bindingYaml(kind, "status-reader", "  - kind: Group\n    name: storefront-operators\n    apiGroup: rbac.authorization.k8s.io"),
          bindingYaml(kind, "system:public-info-viewer", "  - kind: Group\n    name: system:unauthenticated\n    apiGroup: rbac.authorization.k8s.io"),
        ],
      },
    },
    evaluate(b) {
      if (b.roleRef && DEFAULT_ROLES.has(b.roleRef.name.value)) return undefined;
      const role = b.roleRef ? `${b.roleRef.kind} ${b.roleRef.name.value}` : "its role";
      const out: Violation[] = [];
      for (const s of b.subjects) {
        const everyone = EVERYONE[s.name];
        if (!everyone || everyone.kind !== s.kind) continue;
        out.push(fail(s, `${kind} ${b.name} gives ${role} to ${s.name}: ${everyone.who}`, { key: `subject ${s.kind} ${s.name}`, severity: everyone.severity }));
      }
      return out;
    },
  });
}

export const roleBindingAnonymous = check("RoleBinding", "MAM-K8S-037");
export const clusterRoleBindingAnonymous = check("ClusterRoleBinding", "MAM-K8S-038");
