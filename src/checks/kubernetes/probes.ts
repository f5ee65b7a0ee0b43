import type { K8sWorkload } from "../../models/k8s.js";
import { defineCheck, fail } from "../define.js";
import { containerKey, containerLabel, eachContainer, isLongRunning , firstLine } from "./util.js";

export default defineCheck<K8sWorkload>({
  id: "MAM-K8S-012",
  title: "Container has no liveness or readiness probe",
  severity: "low",
  description:
    "A long-running container (not in a Job or CronJob, not an init container) has no `livenessProbe` or no " +
    "`readinessProbe`. Without a readiness probe traffic reaches it before it can serve and while it is overloaded; " +
    "without a liveness probe a hung process is never restarted. Both make an outage, or a degraded state an " +
    "attacker caused, last longer.",
  appliesTo: "k8s.Workload",
  references: { checkov: ["CKV_K8S_8", "CKV_K8S_9"] },
  remediation: {
    text: "Add a readinessProbe that says when the container can serve, and a livenessProbe that says when it must be restarted.",
    fix: "readinessProbe:\n  httpGet: { path: /ready, port: 8080 }\nlivenessProbe:\n  httpGet: { path: /healthz, port: 8080 }\n  periodSeconds: 10",
  },
  examples: {
    kubernetes: {
      bad: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.8.2
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }`,
      ],
      good: [
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.8.2
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }`,
        `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: registry.example.com/migrate:1.8.2`,
      ],
    },
  },
  evaluate: (w) =>
    isLongRunning(w)
      ? eachContainer(
          w,
          (c) => {
            const missing = (["livenessProbe", "readinessProbe"] as const).filter((p) => c[p] === undefined);
            if (missing.length === 0) return undefined;
            return fail(firstLine(c.range), `${containerLabel(c)} has no ${missing.join(" or ")}`, { key: containerKey(c, missing.join(" ")) });
          },
          { initContainers: false },
        )
      : undefined,
});
