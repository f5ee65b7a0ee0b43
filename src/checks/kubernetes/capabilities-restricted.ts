import type { K8sWorkload } from "../../models/k8s.js";
import { allContainers } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { BASELINE_CAPABILITIES, normalizeCapability, RESTRICTED_CAPABILITY } from "./capabilities.js";
import { pod } from "./manifests.js";
import { containerKey, containerLabel } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-029",
  title: "Container adds a capability other than NET_BIND_SERVICE",
  severity: "low",
  description:
    "A container adds back one of the runtime's default capabilities other than NET_BIND_SERVICE (CHOWN, " +
    "SETUID, SETGID, DAC_OVERRIDE, FOWNER, KILL, ...). The baseline Pod Security Standard allows these, the " +
    "restricted one does not: after dropping ALL, a container may add only NET_BIND_SERVICE. SETUID and SETGID in " +
    "particular let a process change its identity, DAC_OVERRIDE bypasses file permissions. Capabilities beyond " +
    "the default set are MAM-K8S-021 and MAM-K8S-008.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0106" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.9" }],
  remediation: {
    text: "Change the image so it no longer needs the capability (own its files as the run-time user, start as that user), and add back only NET_BIND_SERVICE where a low port is needed.",
    fix: "securityContext:\n  capabilities:\n    drop: [\"ALL\"]\n    add: [\"NET_BIND_SERVICE\"]",
  },
  examples: {
    kubernetes: {
      bad: [pod({ name: "nginx", image: "nginx:1.25.4", container: "securityContext:\n  capabilities:\n    drop: [\"ALL\"]\n    add: [\"CHOWN\", \"SETUID\", \"SETGID\", \"NET_BIND_SERVICE\"]" })],
      good: [pod({ name: "nginx", image: "nginxinc/nginx-unprivileged:1.25.4", container: "securityContext:\n  capabilities:\n    drop: [\"ALL\"]\n    add: [\"NET_BIND_SERVICE\"]" })],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    for (const c of allContainers(w.podSpec)) {
      for (const cap of c.securityContext.capabilities.add) {
        const name = normalizeCapability(cap.value);
        if (name === RESTRICTED_CAPABILITY || !BASELINE_CAPABILITIES.has(name)) continue;
        out.push(fail(cap, `${containerLabel(c)} adds ${name}; the restricted Pod Security Standard allows only NET_BIND_SERVICE`, { key: containerKey(c, `capabilities.add ${name}`) }));
      }
    }
    return out;
  },
});
