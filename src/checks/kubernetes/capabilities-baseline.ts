import type { K8sWorkload } from "../../models/k8s.js";
import { allContainers } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { BASELINE_CAPABILITIES, DANGEROUS_CAPABILITIES, normalizeCapability } from "./capabilities.js";
import { pod } from "./manifests.js";
import { containerKey, containerLabel } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-021",
  title: "Container adds a capability beyond the baseline set",
  severity: "medium",
  description:
    "A container's `capabilities.add` lists a capability outside the set container runtimes grant by default " +
    "(AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, " +
    "SETUID, SYS_CHROOT), which the Pod Security Standards' baseline profile forbids: NET_RAW (packet crafting " +
    "and spoofing on the pod network), SYS_TIME, SYS_NICE, IPC_LOCK, MAC_ADMIN and the like. The capabilities " +
    "that amount to root on the node are MAM-K8S-008.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0022" },
  compliance: [{ framework: "cis-kubernetes-1.8", control: "5.2.9" }],
  remediation: {
    text: "Remove the capability, or confine the workload to a namespace whose admission policy allows it; drop ALL and add back only what the process needs.",
    fix: "securityContext:\n  capabilities:\n    drop: [\"ALL\"]",
  },
  examples: {
    kubernetes: {
      bad: [
        pod({ name: "pinger", container: "securityContext:\n  capabilities:\n    drop: [\"ALL\"]\n    add: [\"NET_RAW\"]" }),
        pod({ name: "clock", container: "securityContext:\n  capabilities:\n    add:\n      - CAP_SYS_TIME" }),
      ],
      good: [
        pod({ name: "web", container: "securityContext:\n  capabilities:\n    drop: [\"ALL\"]\n    add: [\"NET_BIND_SERVICE\", \"CHOWN\"]" }),
        pod({ name: "web", container: "securityContext:\n  capabilities:\n    add: [\"SYS_ADMIN\"]" }),
      ],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    for (const c of allContainers(w.podSpec)) {
      for (const cap of c.securityContext.capabilities.add) {
        const name = normalizeCapability(cap.value);
        if (BASELINE_CAPABILITIES.has(name) || DANGEROUS_CAPABILITIES.has(name)) continue;
        out.push(fail(cap, `${containerLabel(c)} adds ${name}, which the baseline Pod Security Standard does not allow`, { key: containerKey(c, `capabilities.add ${name}`) }));
      }
    }
    return out;
  },
});
