import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Sourced, Violation } from "../types.js";
import { pod } from "./manifests.js";
import { containerKey, containerLabel, eachContainer } from "./util.js";

function isZero(v: Sourced<unknown> | undefined): v is Sourced<unknown> {
  return v !== undefined && (v.value === 0 || v.value === "0");
}

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-030",
  title: "Pod runs with the root group",
  severity: "low",
  description:
    "A security context sets `runAsGroup: 0`, `fsGroup: 0` or lists 0 in `supplementalGroups`, so the " +
    "container's processes belong to group root. Files and sockets the image or a mounted volume leaves " +
    "group-writable for root (many do) become writable by the container, which widens what a compromised process " +
    "can change. A non-root user does not help much while its group is root.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0029" },
  remediation: {
    text: "Run with a non-zero group: set runAsGroup and fsGroup to the application's own group id, and drop 0 from supplementalGroups.",
    fix: "securityContext:\n  runAsUser: 10001\n  runAsGroup: 10001\n  fsGroup: 10001",
  },
  examples: {
    kubernetes: {
      bad: [
        pod({ name: "api", spec: "securityContext:\n  runAsUser: 10001\n  runAsGroup: 0\n  fsGroup: 0" }),
        pod({ name: "api", spec: "securityContext:\n  supplementalGroups: [1000, 0]" }),
        pod({ name: "api", container: "securityContext:\n  runAsGroup: 0" }),
      ],
      good: [pod({ name: "api", spec: "securityContext:\n  runAsUser: 10001\n  runAsGroup: 10001\n  fsGroup: 10001\n  supplementalGroups: [10002]" })],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    const sc = w.podSpec.securityContext;
    if (isZero(sc.fsGroup)) out.push(fail(sc.fsGroup, `${w.kind} ${w.name} sets fsGroup 0, so mounted volumes belong to group root`, { key: "pod fsGroup" }));
    const supplemental = (sc.supplementalGroups ?? []).find((g) => isZero(g));
    if (supplemental) out.push(fail(supplemental, `${w.kind} ${w.name} adds group root to every container (supplementalGroups)`, { key: "pod supplementalGroups" }));
    out.push(
      ...eachContainer(w, (c) => {
        const v = c.securityContext.runAsGroup ?? sc.runAsGroup;
        if (!isZero(v)) return undefined;
        return fail(v, `${containerLabel(c)} runs with group root (runAsGroup: 0)`, { key: containerKey(c, "runAsGroup") });
      }),
    );
    return out;
  },
});
