import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import { expandVariables, finalImageStages, instructionsOf, stageVariables } from "./util.js";

// Base images published to run unprivileged say so in their reference (distroless `:nonroot`).
const NONROOT_BASE = /(?:^|[/:@._-])(?:nonroot|non-root|rootless)(?:$|[/:@._-])/i;
const FIX = "USER 10001:10001";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-001",
  title: "Container runs as root",
  severity: "high",
  description:
    "The final image never switches to an unprivileged user, or its last USER is root (by name or UID 0), so the " +
    "container's processes run as root. Whoever compromises the application then holds root inside the container, " +
    "which makes escapes through kernel flaws, mounted host paths or the Docker socket much easier. Only the stages " +
    "that make up the final image count (USER is inherited from an earlier stage used as a base); build stages may " +
    "run as root. A USER given by a variable without a default, and base images whose reference says `nonroot`, are " +
    "trusted to be unprivileged.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: ["CKV_DOCKER_3", "CKV_DOCKER_8"], trivy: "AVD-DS-0002", hadolint: "DL3002" },
  compliance: [{ framework: "cis-docker-1.6", control: "4.1" }],
  remediation: {
    text: "Create an unprivileged user (or pick a fixed high UID) and end the final stage with a USER instruction for it, after the steps that need root.",
    fix: `RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app app\n${FIX}`,
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["node", "server.js"]`,
        `# the builder runs unprivileged, but the shipped stage does not
FROM golang:1.22 AS build
RUN useradd --uid 10001 builder
USER builder
RUN go build -o /tmp/app ./cmd/app

FROM debian:12-slim
COPY --from=build /tmp/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]`,
        `FROM python:3.12-slim
RUN useradd --create-home app
USER app
RUN pip install --user flask==3.0.2
USER 0:0
CMD ["python", "-m", "flask", "run"]`,
        `FROM alpine:3.20
ARG RUN_AS=root
USER \${RUN_AS}
ENTRYPOINT ["/bin/sh"]`,
      ],
      good: [
        `FROM node:20.11-alpine
WORKDIR /app
COPY --chown=node:node . .
RUN npm ci --omit=dev
USER node
CMD ["node", "server.js"]`,
        `# root while building, unprivileged in the image that ships
FROM golang:1.22 AS build
RUN go build -o /tmp/app ./cmd/app

FROM debian:12-slim
COPY --from=build /tmp/app /usr/local/bin/app
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/app"]`,
        `# USER is inherited from the stage the final one builds on
FROM python:3.12-slim AS base
RUN useradd --uid 10001 app
USER app

FROM base AS final
COPY app.py /home/app/
CMD ["python", "/home/app/app.py"]`,
        `FROM gcr.io/distroless/static-debian12:nonroot
COPY app /app
ENTRYPOINT ["/app"]`,
      ],
    },
  },
  evaluate(model) {
    const chain = finalImageStages(model);
    const final = chain[chain.length - 1];
    if (!final) return undefined;
    const last = instructionsOf(chain, "USER").pop();
    if (!last) {
      if (NONROOT_BASE.test(chain[0]?.image ?? "")) return undefined;
      const name = final.name ? ` ${final.name}` : "";
      return fail(final.fromInstruction, `the final stage${name} (FROM ${final.image}) never sets USER, so the container runs as root`, {
        key: "final stage without USER",
        fix: FIX,
      });
    }
    const user = expandVariables(last.args, stageVariables(model, chain, last));
    if (user === undefined) return undefined;
    const name = (user.split(":")[0] ?? "").trim();
    if (name !== "root" && !/^0+$/.test(name)) return undefined;
    return fail(last, `the last USER of the final image is ${user.trim()}, so the container runs as root`, { key: `USER ${name}`, fix: FIX });
  },
});
