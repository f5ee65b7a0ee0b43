import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { instructionKey } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-042",
  title: "More than one HEALTHCHECK in a stage",
  severity: "low",
  description:
    "Only the last HEALTHCHECK of a stage takes effect. An earlier one is dead code: readers and reviewers believe " +
    "the container is probed in a way it is not, and the probe that really runs may be the weaker one. It usually " +
    "marks a merge or copy-paste mistake.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: "AVD-DS-0023", hadolint: "DL3012" },
  remediation: { text: "Keep one HEALTHCHECK per stage: the one that really tells whether the service works.", fix: "HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1" },
  examples: {
    dockerfile: {
      bad: [
        `FROM nginx:1.27-alpine
HEALTHCHECK CMD wget -qO- http://127.0.0.1/ || exit 1
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=10s CMD wget -qO- http://127.0.0.1/healthz || exit 1`,
        `FROM redis:7.2
HEALTHCHECK CMD ["redis-cli", "ping"]
HEALTHCHECK NONE`,
      ],
      good: [
        `FROM nginx:1.27-alpine
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=10s CMD wget -qO- http://127.0.0.1/healthz || exit 1`,
        `# one per stage; the final stage replaces the inherited one on purpose
FROM python:3.12-slim AS base
HEALTHCHECK CMD ["python", "-c", "print('ok')"]
FROM base
HEALTHCHECK CMD ["python", "-m", "app.health"]`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const stage of model.stages) {
      const all = stage.instructions.filter((i) => i.keyword === "HEALTHCHECK");
      const last = all[all.length - 1];
      for (const ins of all.slice(0, -1)) {
        out.push(fail(ins, `HEALTHCHECK on line ${ins.range.startLine} has no effect: the HEALTHCHECK on line ${last?.range.startLine} replaces it`, { key: instructionKey(ins) }));
      }
    }
    return out;
  },
});
