import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { pod } from "./manifests.js";
import { effectiveSeccomp } from "./seccomp.js";
import { containerKey, containerLabel, eachContainer, firstLine } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-028",
  title: "Container has no seccomp profile",
  severity: "low",
  description:
    "Neither the container nor its pod sets `seccompProfile.type` to RuntimeDefault or Localhost (nor the older " +
    "seccomp annotations to runtime/default or a localhost profile). Unless the kubelet is configured to default " +
    "to RuntimeDefault, such a container runs with no system call filtering at all. The restricted Pod Security " +
    "Standard requires a profile to be set explicitly. Profiles set to Unconfined are MAM-K8S-025.",
  appliesTo: "k8s.Workload",
  references: { checkov: "CKV_K8S_31", trivy: "AVD-KSV-0030" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.7.2" }],
  remediation: {
    text: "Set `seccompProfile.type: RuntimeDefault` in the pod's securityContext (every container inherits it).",
    fix: "spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault",
  },
  examples: {
    kubernetes: {
      bad: [pod({ name: "api" }), pod({ name: "api", container: "securityContext:\n  runAsNonRoot: true" })],
      good: [
        pod({ name: "api", spec: "securityContext:\n  seccompProfile:\n    type: RuntimeDefault" }),
        pod({ name: "api", container: "securityContext:\n  seccompProfile:\n    type: Localhost\n    localhostProfile: profiles/api.json" }),
        pod({ name: "api", annotations: "seccomp.security.alpha.kubernetes.io/pod: runtime/default" }),
        pod({ name: "api", spec: "securityContext:\n  seccompProfile:\n    type: Unconfined" }),
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      // Unconfined is MAM-K8S-025's; a value that is neither (a typo the API server rejects) says nothing sure.
      if (effectiveSeccomp(w, c) !== undefined) return undefined;
      return fail(firstLine(c.securityContext.range ?? c.range), `${containerLabel(c)} has no seccomp profile set, here or on the pod`, { key: containerKey(c, "seccompProfile") });
    }),
});
