import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { pod } from "./manifests.js";
import { containerKey, containerLabel, eachContainer } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-024",
  title: "Container unmasks /proc",
  severity: "medium",
  description:
    "A container sets `securityContext.procMount` to something other than `Default` (that is, `Unmasked`). The " +
    "runtime normally masks and makes read-only the parts of /proc that expose the node (/proc/kcore, " +
    "/proc/sysrq-trigger, /proc/sys and others); unmasked, the container can read kernel memory and change kernel " +
    "settings where its other privileges allow. The baseline Pod Security Standard requires the default.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0027" },
  remediation: {
    text: "Remove procMount (or set it to Default). Unmasked /proc is only meant for nested container runtimes inside user namespaces.",
    fix: "securityContext:\n  procMount: Default",
  },
  examples: {
    kubernetes: {
      bad: [pod({ name: "builder", container: "securityContext:\n  procMount: Unmasked" })],
      good: [pod({ name: "builder", container: "securityContext:\n  procMount: Default" })],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      const v = c.securityContext.procMount;
      if (!v || v.value === null || v.value === "" || v.value === "Default") return undefined;
      return fail(v, `${containerLabel(c)} mounts /proc with procMount ${String(v.value)}`, { key: containerKey(c, "procMount") });
    }),
});
