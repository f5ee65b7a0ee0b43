import type { K8sRoleBinding } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { bindingYaml, subjectLabel } from "./rbac.js";

function check(kind: "RoleBinding" | "ClusterRoleBinding", id: string) {
  return defineCheck<K8sRoleBinding>({
    id,
    title: `${kind} grants a role to a default service account`,
    severity: "medium",
    kind: "permission",
    description:
      `The ${kind} gives its role to a namespace's \`default\` ServiceAccount. Every pod of that namespace that ` +
      "names no service account runs as `default`, so the role goes to all of them, including pods added later " +
      "for unrelated purposes, and one compromised pod holds it. Workloads that need API access should have an " +
      "account of their own. Bindings of cluster-admin are MAM-K8S-018.",
    appliesTo: `k8s.${kind}`,
    references: { checkov: "CKV_K8S_42" },
    compliance: [{ framework: "cis-kubernetes-1.8", control: "5.1.5" }],
    remediation: {
      text: "Create a ServiceAccount for the workload, bind the role to it, and set serviceAccountName in the workload's pod spec.",
      fix: "subjects:\n  - kind: ServiceAccount\n    name: storefront\n    namespace: shop",
    },
    examples: {
      kubernetes: {
        bad: [bindingYaml(kind, "config-reader", "  - kind: ServiceAccount\n    name: default\n    namespace: shop")],
        good: [
          bindingYaml(kind, "config-reader", "  - kind: ServiceAccount\n    name: storefront\n    namespace: shop"),
          bindingYaml(kind, "config-reader", "  - kind: Group\n    name: default\n    apiGroup: rbac.authorization.k8s.io"),
        ],
      },
    },
    evaluate(b) {
      if (kind === "ClusterRoleBinding" && b.roleRef?.kind === "ClusterRole" && b.roleRef.name.value === "cluster-admin") return undefined;
      const role = b.roleRef ? `${b.roleRef.kind} ${b.roleRef.name.value}` : "its role";
      const out: Violation[] = [];
      for (const s of b.subjects) {
        if (s.kind !== "ServiceAccount" || s.name !== "default") continue;
        const who = subjectLabel(b, s);
        out.push(fail(s, `${kind} ${b.name} gives ${role} to ${who}, so to every pod of the namespace that names no account`, { key: `subject ${who}` }));
      }
      return out;
    },
  });
}

export const roleBindingDefaultSa = check("RoleBinding", "MAM-K8S-039");
export const clusterRoleBindingDefaultSa = check("ClusterRoleBinding", "MAM-K8S-040");
