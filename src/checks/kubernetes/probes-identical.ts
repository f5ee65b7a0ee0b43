import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { deployment } from "./manifests.js";
import { containerKey, containerLabel, eachContainer, isLongRunning } from "./util.js";

const PROBES = (liveness: string, readiness: string) =>
  deployment({ name: "api", container: `livenessProbe:\n  ${liveness}\n  periodSeconds: 10\nreadinessProbe:\n  ${readiness}\n  periodSeconds: 5` });

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-051",
  title: "Liveness and readiness probes are the same check",
  severity: "low",
  description:
    "A container's livenessProbe runs the same check as its readinessProbe (the same HTTP path and port, command " +
    "or socket). The two answer different questions: readiness says \"send me no traffic for now\", liveness says " +
    "\"restart me\". When they are the same, a container that is only overloaded or waiting on a dependency is " +
    "killed and restarted, and a slow dependency or a burst of requests (an attack among them) becomes a restart " +
    "loop across every replica.",
  appliesTo: "k8s.Workload",
  remediation: {
    text: "Point the liveness probe at a check of the process itself (a cheap /healthz that does not call dependencies), and the readiness probe at one that includes what serving needs.",
    fix: "livenessProbe:\n  httpGet: { path: /healthz, port: 8080 }\nreadinessProbe:\n  httpGet: { path: /ready, port: 8080 }",
  },
  examples: {
    kubernetes: {
      bad: [PROBES("httpGet: { path: /health, port: 8080 }", "httpGet:\n    port: 8080\n    path: /health")],
      good: [PROBES("httpGet: { path: /healthz, port: 8080 }", "httpGet: { path: /ready, port: 8080 }")],
    },
  },
  evaluate: (w) =>
    isLongRunning(w)
      ? eachContainer(
          w,
          (c) => {
            const live = c.livenessProbe;
            const ready = c.readinessProbe;
            if (!live || !ready || live.handler === "" || live.handler !== ready.handler) return undefined;
            return fail(live, `${containerLabel(c)} uses the same check for liveness and readiness`, { key: containerKey(c, "probes identical") });
          },
          { initContainers: false },
        )
      : undefined,
});
