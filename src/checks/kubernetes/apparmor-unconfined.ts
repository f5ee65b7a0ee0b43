import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { deployment, pod } from "./manifests.js";
import { containerKey, containerLabel, eachContainer } from "./util.js";

const ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

function unconfined(v: unknown): boolean {
  return typeof v === "string" && v.toLowerCase() === "unconfined";
}

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-022",
  title: "Container runs without AppArmor confinement",
  severity: "medium",
  description:
    "The pod turns AppArmor off for a container: `appArmorProfile.type: Unconfined` in a security context, or " +
    "the older `container.apparmor.security.beta.kubernetes.io/<container>: unconfined` annotation. On nodes " +
    "with AppArmor the runtime's default profile blocks writes to /proc and /sys, mounts and other steps used " +
    "in container escapes; unconfined, none of that applies. The baseline Pod Security Standard forbids it.",
  appliesTo: "k8s.Workload",
  references: { trivy: "AVD-KSV-0002" },
  remediation: {
    text: "Remove the Unconfined setting so the runtime default applies, or give a Localhost profile written for the workload.",
    fix: "securityContext:\n  appArmorProfile:\n    type: RuntimeDefault",
  },
  examples: {
    kubernetes: {
      bad: [
        deployment({ name: "scraper", annotations: "container.apparmor.security.beta.kubernetes.io/scraper: unconfined" }),
        pod({ name: "debug", spec: "securityContext:\n  appArmorProfile:\n    type: Unconfined" }),
      ],
      good: [
        deployment({ name: "scraper", annotations: "container.apparmor.security.beta.kubernetes.io/scraper: runtime/default" }),
        pod({ name: "debug", container: "securityContext:\n  appArmorProfile:\n    type: Localhost\n    localhostProfile: k8s-debug" }),
      ],
    },
  },
  evaluate(w) {
    const out: Violation[] = [];
    for (const [key, value] of Object.entries(w.podSpec.annotations)) {
      if (!key.startsWith(ANNOTATION) || !unconfined(value.value)) continue;
      const name = key.slice(ANNOTATION.length);
      out.push(fail(value, `container ${name} has AppArmor turned off by annotation`, { key: `apparmor annotation ${name}` }));
    }
    const podLevel = w.podSpec.securityContext.appArmorProfile;
    if (podLevel && unconfined(podLevel.value)) out.push(fail(podLevel, `${w.kind} ${w.name} runs its containers unconfined by AppArmor`, { key: "pod appArmorProfile" }));
    out.push(
      ...eachContainer(w, (c) => {
        const v = c.securityContext.appArmorProfile;
        return v && unconfined(v.value) ? fail(v, `${containerLabel(c)} runs unconfined by AppArmor`, { key: containerKey(c, "appArmorProfile") }) : undefined;
      }),
    );
    return out;
  },
});
