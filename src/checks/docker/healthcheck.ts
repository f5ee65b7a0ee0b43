import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import { finalImageStages, instructionsOf } from "./util.js";

const FIX = "HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-007",
  title: "No HEALTHCHECK in the final image",
  severity: "low",
  description:
    "Without a HEALTHCHECK the engine only knows whether the main process is alive, not whether it still serves: a " +
    "hung or half-broken container keeps receiving traffic and is never restarted. HEALTHCHECK is inherited from a " +
    "stage the final one builds on; `HEALTHCHECK NONE` switches it off and is reported too. Orchestrators with their " +
    "own probes (Kubernetes liveness and readiness) make this less important.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_2", trivy: "AVD-DS-0026" },
  compliance: [{ framework: "cis-docker-1.6", control: "4.6" }],
  remediation: { text: "Add a HEALTHCHECK to the final stage that exercises the service cheaply (an HTTP health endpoint, a client ping).", fix: FIX },
  examples: {
    dockerfile: {
      bad: [
        `FROM nginx:1.27-alpine
COPY site/ /usr/share/nginx/html/`,
        `# the healthcheck is in the build stage only
FROM node:20.11-alpine AS build
HEALTHCHECK CMD wget -qO- http://127.0.0.1:3000/ || exit 1
RUN npm ci && npm run build

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html`,
        `FROM redis:7.2
HEALTHCHECK NONE`,
      ],
      good: [
        `FROM nginx:1.27-alpine
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=30s --timeout=3s \\
  CMD wget -qO- http://127.0.0.1/ || exit 1`,
        `FROM python:3.12-slim AS base
HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"]

FROM base
COPY app/ /app/
CMD ["python", "/app/main.py"]`,
      ],
    },
  },
  evaluate(model) {
    const chain = finalImageStages(model);
    const final = chain[chain.length - 1];
    if (!final) return undefined;
    const last = instructionsOf(chain, "HEALTHCHECK").pop();
    if (last && !/^none\b/i.test(last.args)) return undefined;
    const message = last ? "HEALTHCHECK NONE switches the health check of the final image off" : `the final image (FROM ${final.image}) has no HEALTHCHECK`;
    return fail(last ?? final.fromInstruction, message, { key: last ? "HEALTHCHECK NONE" : "final stage without HEALTHCHECK", fix: FIX });
  },
});
