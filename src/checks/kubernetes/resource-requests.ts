import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { pod } from "./manifests.js";
import { containerKey, containerLabel, eachContainer, firstLine } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-050",
  title: "Container has no CPU or memory request",
  severity: "low",
  description:
    "A container sets neither `resources.requests.cpu` nor a CPU limit, or neither a memory request nor a memory " +
    "limit (a limit alone also sets the request). The scheduler then reserves nothing for it: pods are packed onto " +
    "nodes that cannot actually run them, and under pressure the container is the first to be starved or evicted, " +
    "which turns a busy neighbour into an outage. Missing limits are MAM-K8S-011.",
  appliesTo: "k8s.Workload",
  references: { checkov: ["CKV_K8S_10", "CKV_K8S_12"], trivy: ["AVD-KSV-0015", "AVD-KSV-0016"] },
  remediation: {
    text: "Set CPU and memory requests from the container's measured use, or give the namespace a LimitRange with defaults.",
    fix: "resources:\n  requests: { cpu: 100m, memory: 128Mi }",
  },
  examples: {
    kubernetes: {
      bad: [pod({ name: "api" }), pod({ name: "api", container: "resources:\n  requests: { cpu: 100m }" })],
      good: [
        pod({ name: "api", container: "resources:\n  requests: { cpu: 100m, memory: 128Mi }" }),
        pod({ name: "api", container: "resources:\n  limits: { cpu: 500m, memory: 256Mi }" }),
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      const missing = (["cpu", "memory"] as const).filter((r) => c.resources.requests[r] === undefined && c.resources.limits[r] === undefined);
      if (missing.length === 0) return undefined;
      return fail(firstLine(c.resources.range ?? c.range), `${containerLabel(c)} has no ${missing.join(" or ")} request`, { key: containerKey(c, `requests ${missing.join(" ")}`) });
    }),
});
