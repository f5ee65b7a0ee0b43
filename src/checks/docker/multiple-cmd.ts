import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { instructionKey } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-019",
  title: "More than one CMD or ENTRYPOINT in a stage",
  severity: "low",
  description:
    "Only the last CMD and the last ENTRYPOINT of a stage take effect. An earlier one is dead code that misleads " +
    "readers and reviewers about what the container really runs, and usually marks a merge or copy-paste mistake.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: ["AVD-DS-0016", "AVD-DS-0007"], hadolint: ["DL4003", "DL4004"] },
  remediation: { text: "Keep exactly one CMD and at most one ENTRYPOINT per stage, the one the container should run." },
  examples: {
    dockerfile: {
      bad: [
        `FROM python:3.12-slim
CMD ["python", "manage.py", "migrate"]
CMD ["gunicorn", "app.wsgi"]`,
        `FROM alpine:3.20
ENTRYPOINT ["/usr/local/bin/tini", "--"]
COPY entrypoint.sh /
ENTRYPOINT ["/entrypoint.sh"]
CMD ["serve"]`,
      ],
      good: [
        `FROM python:3.12-slim
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["gunicorn", "app.wsgi"]`,
        `# one CMD per stage
FROM node:20.11-alpine AS test
CMD ["npm", "test"]

FROM node:20.11-alpine
CMD ["node", "server.js"]`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const stage of model.stages) {
      for (const keyword of ["CMD", "ENTRYPOINT"]) {
        const all = stage.instructions.filter((i) => i.keyword === keyword);
        const last = all[all.length - 1];
        for (const ins of all.slice(0, -1)) {
          out.push(fail(ins, `${keyword} on line ${ins.range.startLine} has no effect: the ${keyword} on line ${last?.range.startLine} replaces it`, { key: instructionKey(ins) }));
        }
      }
    }
    return out;
  },
});
