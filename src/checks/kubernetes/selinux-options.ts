import type { K8sSecurityContext, K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Sourced, Violation } from "../types.js";
import { pod } from "./manifests.js";
import { containerKey, containerLabel } from "./util.js";

// The container types the baseline Pod Security Standard allows.
const ALLOWED_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);

function problems(sc: K8sSecurityContext): { at: Sourced<unknown>; what: string; field: string }[] {
  const out: { at: Sourced<unknown>; what: string; field: string }[] = [];
  const type = sc.seLinuxType;
  if (type && typeof type.value === "string" && !ALLOWED_TYPES.has(type.value)) out.push({ at: type, what: `the SELinux type ${type.value}`, field: "type" });
  for (const [field, v] of [["user", sc.seLinuxUser], ["role", sc.seLinuxRole]] as const) {
    if (v && v.value !== null && v.value !== "") out.push({ at: v, what: `a custom SELinux ${field}`, field });
  }
  return out;
}

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-023",
  title: "Pod sets custom SELinux options",
  severity: "medium",
  description:
    "A security context's `seLinuxOptions` gives a type other than the container types (container_t, " +
    "container_init_t, container_kvm_t, container_engine_t), or sets a user or a role. A custom type or role can " +
    "take the container out of the SELinux confinement written for containers (`spc_t` is unconfined), so the " +
    "baseline Pod Security Standard allows only those types and no user or role. Setting `level` alone is fine.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0025" },
  remediation: {
    text: "Remove the type, user and role from seLinuxOptions; keep only `level` where multi-category separation is wanted.",
    fix: "securityContext:\n  seLinuxOptions:\n    level: \"s0:c123,c456\"",
  },
  examples: {
    kubernetes: {
      bad: [
        pod({ name: "agent", spec: "securityContext:\n  seLinuxOptions:\n    type: spc_t" }),
        pod({ name: "agent", container: "securityContext:\n  seLinuxOptions:\n    user: system_u\n    role: system_r" }),
      ],
      good: [pod({ name: "agent", spec: "securityContext:\n  seLinuxOptions:\n    type: container_t\n    level: \"s0:c123,c456\"" })],
    },
  },
  evaluate(w) {
    const out: Violation[] = problems(w.podSpec.securityContext).map((p) =>
      fail(p.at, `${w.kind} ${w.name} sets ${p.what} for all its containers`, { key: `pod seLinuxOptions.${p.field}` }),
    );
    for (const c of [...w.podSpec.initContainers, ...w.podSpec.containers]) {
      for (const p of problems(c.securityContext)) out.push(fail(p.at, `${containerLabel(c)} sets ${p.what}`, { key: containerKey(c, `seLinuxOptions.${p.field}`) }));
    }
    return out;
  },
});
