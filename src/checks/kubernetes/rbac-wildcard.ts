import type { K8sRole } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";

function check(kind: "Role" | "ClusterRole", id: string) {
  return defineCheck<K8sRole>({
    id,
    title: `${kind} grants wildcard verbs or resources`,
    severity: "high",
    kind: "permission",
    description:
      `A rule of the ${kind} lists \`*\` in its verbs or its resources. A wildcard grants every action, or every ` +
      "resource type, including ones added later by new Kubernetes versions and custom resources: `*` on secrets " +
      "reads every credential, `*` verbs include escalate, bind and impersonate, which let the holder give itself " +
      "more rights. Least privilege needs the verbs and resources named one by one.",
    appliesTo: `k8s.${kind}`,
    references: { checkov: "CKV_K8S_49" },
    compliance: [{ framework: "cis-kubernetes-1.8", control: "5.1.3" }],
    remediation: {
      text: "Replace each wildcard with the verbs and resources the subject needs; use `kubectl auth can-i --list` or audit logs to find them.",
      fix: `rules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch"]`,
    },
    examples: {
      kubernetes: {
        bad: [
          `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: deployer${kind === "Role" ? "\n  namespace: shop" : ""}
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["get", "list"]`,
        ],
        good: [
          `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: deployer${kind === "Role" ? "\n  namespace: shop" : ""}
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch", "update", "patch"]`,
        ],
      },
    },
    evaluate(role) {
      const out: Violation[] = [];
      role.rules.forEach((rule, i) => {
        for (const field of ["verbs", "resources"] as const) {
          const star = rule[field].find((v) => v.value === "*");
          if (star) out.push(fail(star, `${role.kind} ${role.name} rule ${i + 1} grants every one of its ${field} ("*")`, { key: `rule ${i + 1} ${field} *` }));
        }
      });
      return out;
    },
  });
}

export const roleWildcard = check("Role", "MAM-K8S-016");
export const clusterRoleWildcard = check("ClusterRole", "MAM-K8S-017");
