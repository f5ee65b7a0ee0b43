import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { deployment, pod } from "./manifests.js";
import { CONTAINER_ANNOTATION, POD_ANNOTATION, seccompKind } from "./seccomp.js";
import { containerKey, containerLabel, eachContainer } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-025",
  title: "Seccomp explicitly turned off",
  severity: "medium",
  description:
    "The pod or a container sets its seccomp profile to `Unconfined`, in `securityContext.seccompProfile` or " +
    "with the older `seccomp.security.alpha.kubernetes.io` annotations. Without a seccomp filter every system " +
    "call reaches the kernel, including the rarely needed ones (unshare, keyctl, bpf, ...) behind most kernel " +
    "exploits used to escape containers. The baseline Pod Security Standard forbids Unconfined.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0104" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.7.2" }],
  remediation: {
    text: "Use the runtime's default profile (RuntimeDefault), or a Localhost profile that allows the few extra calls the workload needs.",
    fix: "securityContext:\n  seccompProfile:\n    type: RuntimeDefault",
  },
  examples: {
    kubernetes: {
      bad: [
        pod({ name: "tracer", spec: "securityContext:\n  seccompProfile:\n    type: Unconfined" }),
        deployment({ name: "legacy", annotations: "seccomp.security.alpha.kubernetes.io/pod: unconfined" }),
        pod({ name: "tracer", container: "securityContext:\n  seccompProfile:\n    type: Unconfined" }),
      ],
      good: [
        pod({ name: "tracer", spec: "securityContext:\n  seccompProfile:\n    type: RuntimeDefault" }),
        deployment({ name: "legacy", annotations: "seccomp.security.alpha.kubernetes.io/pod: runtime/default" }),
      ],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    const podField = w.podSpec.securityContext.seccompProfile;
    if (podField && seccompKind(podField.value) === "unconfined") out.push(fail(podField, `${w.kind} ${w.name} turns seccomp off for its containers`, { key: "pod seccompProfile" }));
    for (const [key, value] of Object.entries(w.podSpec.annotations)) {
      if (seccompKind(value.value) !== "unconfined") continue;
      if (key === POD_ANNOTATION) out.push(fail(value, `${w.kind} ${w.name} turns seccomp off by annotation`, { key: "pod seccomp annotation" }));
      else if (key.startsWith(CONTAINER_ANNOTATION)) {
        const name = key.slice(CONTAINER_ANNOTATION.length);
        out.push(fail(value, `container ${name} has seccomp turned off by annotation`, { key: `seccomp annotation ${name}` }));
      }
    }
    out.push(
      ...eachContainer(w, (c) => {
        const v = c.securityContext.seccompProfile;
        return v && seccompKind(v.value) === "unconfined" ? fail(v, `${containerLabel(c)} runs without seccomp`, { key: containerKey(c, "seccompProfile") }) : undefined;
      }),
    );
    return out;
  },
});
