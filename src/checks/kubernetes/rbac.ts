// What a Role or ClusterRole rule grants, with the `*` wildcard's meaning, and the example
// manifests the RBAC checks share.
import type { K8sPolicyRule, K8sRoleBinding } from "../../models/k8s.js";
import type { Sourced } from "../types.js";

/** The first entry of the list that is `*` or one of the wanted values. */
export function matching(list: readonly Sourced<string>[], wanted: readonly string[]): Sourced<string> | undefined {
  return list.find((v) => v.value === "*" || wanted.includes(v.value));
}

/** Whether the rule applies to the core API group ("" or `*`); an omitted apiGroups matches no group. */
export function coversCoreGroup(rule: K8sPolicyRule): boolean {
  return rule.apiGroups.some((g) => g.value === "" || g.value === "*");
}

/**
 * The verb entry by which the rule grants one of `verbs` on one of `resources` of the core group,
 * for every object of them (a rule limited by resourceNames is left out), or undefined.
 */
export function grants(rule: K8sPolicyRule, resources: readonly string[], verbs: readonly string[]): { verb: Sourced<string>; resource: Sourced<string> } | undefined {
  if (!coversCoreGroup(rule) || rule.resourceNames.length > 0) return undefined;
  const resource = matching(rule.resources, resources);
  const verb = matching(rule.verbs, verbs);
  return resource && verb ? { verb, resource } : undefined;
}

/** A Role (namespace `shop`) or ClusterRole named `name` with the given rules (YAML, indented by two). */
export function roleYaml(kind: "Role" | "ClusterRole", name: string, rules: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ${name}${kind === "Role" ? "\n  namespace: shop" : ""}
rules:
${rules}`;
}

/** A RoleBinding (namespace `shop`) or ClusterRoleBinding of `role` to the given subjects (YAML, indented by two). */
export function bindingYaml(kind: "RoleBinding" | "ClusterRoleBinding", role: string, subjects: string): string {
  const roleKind = kind === "RoleBinding" ? "Role" : "ClusterRole";
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ${role}-binding${kind === "RoleBinding" ? "\n  namespace: shop" : ""}
subjects:
${subjects}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${roleKind}
  name: ${role}`;
}

/** `ServiceAccount shop/default`: how messages name a subject. */
export function subjectLabel(b: K8sRoleBinding, s: K8sRoleBinding["subjects"][number]): string {
  if (s.kind !== "ServiceAccount") return `${s.kind} ${s.name}`;
  return `ServiceAccount ${s.namespace ?? b.namespace ?? "default"}/${s.name}`;
}
