import type { K8sRoleBinding } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";

const BINDING = (subject: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: storefront-admin
subjects:
${subject}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin`;

export default defineCheck<K8sRoleBinding>({
  id: "MAM-K8S-018",
  title: "Service account bound to cluster-admin",
  severity: "high",
  kind: "permission",
  description:
    "A ClusterRoleBinding gives the `cluster-admin` ClusterRole to a ServiceAccount. Every pod running under that " +
    "account holds full control of the whole cluster (all secrets, all namespaces, the nodes through privileged " +
    "pods), so one compromised container is a compromised cluster. Binding it to a namespace's `default` account " +
    "is reported as critical: every pod of the namespace that names no account gets it.",
  appliesTo: "k8s.ClusterRoleBinding",
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.1.1" }],
  remediation: {
    text: "Bind a Role (or ClusterRole) with only the rights the workload needs, in its own namespace, to a dedicated ServiceAccount; never to `default`.",
    fix: "kind: RoleBinding\nmetadata: { name: storefront, namespace: shop }\nsubjects:\n  - { kind: ServiceAccount, name: storefront, namespace: shop }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: storefront-reader }",
  },
  examples: {
    kubernetes: {
      bad: [
        BINDING("  - kind: ServiceAccount\n    name: default\n    namespace: shop"),
        BINDING("  - kind: ServiceAccount\n    name: ci-deployer\n    namespace: ci"),
      ],
      good: [
        BINDING("  - kind: User\n    name: alice@example.com\n    apiGroup: rbac.authorization.k8s.io"),
        `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: storefront-view
subjects:
  - kind: ServiceAccount
    name: storefront
    namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view`,
      ],
    },
  },
  evaluate(b) {
    if (!b.roleRef || b.roleRef.kind !== "ClusterRole" || b.roleRef.name.value !== "cluster-admin") return undefined;
    const out: Violation[] = [];
    for (const s of b.subjects) {
      if (s.kind !== "ServiceAccount") continue;
      const account = `${s.namespace ?? "default"}/${s.name}`;
      const isDefault = s.name === "default";
      out.push(
        fail(b.roleRef.name, `ClusterRoleBinding ${b.name} makes service account ${account} cluster-admin${isDefault ? ", for every pod of the namespace that names no account" : ""}`, {
          key: `cluster-admin ServiceAccount ${account}`,
          ...(isDefault ? { severity: "critical" as const } : {}),
        }),
      );
    }
    return out;
  },
});
