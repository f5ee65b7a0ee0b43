import type { K8sRole } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { grants, roleYaml } from "./rbac.js";

const READ = ["get", "list", "watch"];

function check(kind: "Role" | "ClusterRole", id: string) {
  const where = kind === "Role" ? "every Secret of its namespace" : "every Secret of every namespace";
  return defineCheck<K8sRole>({
    id,
    title: `${kind} can read all Secrets`,
    severity: "high",
    kind: "permission",
    description:
      `A rule of the ${kind} allows get, list or watch on \`secrets\` (or on \`*\`) in the core API group ` +
      `without naming the Secrets in resourceNames, so whoever is bound to it reads ${where}: service account ` +
      "tokens, database passwords, TLS keys, registry credentials. `list` and `watch` return the values too, not " +
      "just the names. Rules limited to named Secrets are not reported.",
    appliesTo: `k8s.${kind}`,
    compliance: [{ framework: "cis-kubernetes-1.8", control: "5.1.2" }],
    remediation: {
      text: "Grant get on the few Secrets the subject needs, by name (resourceNames), or mount them into its pods instead of reading them through the API.",
      fix: `rules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["storefront-db"]\n    verbs: ["get"]`,
    },
    examples: {
      kubernetes: {
        bad: [
          roleYaml(kind, "config-reader", `  - apiGroups: [""]\n    resources: ["configmaps", "secrets"]\n    verbs: ["get", "list", "watch"]`),
          roleYaml(kind, "ops", `  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["list"]`),
        ],
        good: [
          roleYaml(kind, "config-reader", `  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get", "list", "watch"]\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["storefront-db"]\n    verbs: ["get"]`),
          roleYaml(kind, "secret-writer", `  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["create"]`),
        ],
      },
    },
    evaluate(role) {
      const out: Violation[] = [];
      role.rules.forEach((rule, i) => {
        const g = grants(rule, ["secrets"], READ);
        if (g) out.push(fail(g.verb, `${kind} ${role.name} rule ${i + 1} lets its subjects ${g.verb.value === "*" ? "do anything with" : g.verb.value} all Secrets`, { key: `rule ${i + 1} secrets ${g.verb.value}` }));
      });
      return out;
    },
  });
}

export const roleSecrets = check("Role", "MAM-K8S-031");
export const clusterRoleSecrets = check("ClusterRole", "MAM-K8S-032");
