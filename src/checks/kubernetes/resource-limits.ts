import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { containerKey, containerLabel, eachContainer , firstLine } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-011",
  title: "Container has no CPU or memory limit",
  severity: "medium",
  description:
    "A container does not set `resources.limits.cpu` or `resources.limits.memory`. Without limits one container " +
    "can take all of a node's CPU or memory, starving the other pods and the node's own services: a bug or an " +
    "attacker (a crypto miner, a request flood) becomes a denial of service for everything scheduled beside it.",
  appliesTo: "k8s.Workload",
  references: { checkov: ["CKV_K8S_11", "CKV_K8S_13"], trivy: ["AVD-KSV-0011", "AVD-KSV-0018"] },
  remediation: {
    text: "Set CPU and memory limits (and requests) sized from the container's observed use, or enforce defaults with a LimitRange in the namespace.",
    fix: "resources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { cpu: 500m, memory: 256Mi }",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2`,
        `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2
      resources:
        requests: { cpu: 100m, memory: 128Mi }
        limits:
          memory: 256Mi`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: registry.example.com/api:1.8.2
      resources:
        requests: { cpu: 100m, memory: 128Mi }
        limits: { cpu: 500m, memory: 256Mi }`,
      ],
    },
  },
  evaluate: (w) =>
    eachContainer(w, (c) => {
      const missing = (["cpu", "memory"] as const).filter((r) => c.resources.limits[r] === undefined);
      if (missing.length === 0) return undefined;
      return fail(firstLine(c.resources.range ?? c.range), `${containerLabel(c)} has no ${missing.join(" or ")} limit`, {
        key: containerKey(c, `limits ${missing.join(" ")}`),
      });
    }),
});
