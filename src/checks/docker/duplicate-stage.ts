import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-031",
  title: "Two build stages with the same name",
  severity: "low",
  description:
    "Stage names (`FROM ... AS name`) must be unique, compared without regard to case. Docker refuses a file that " +
    "repeats one, so the build breaks, usually after a copy-paste; and tools that read the file without building it " +
    "(linters, scanners, editors) cannot tell which stage `COPY --from=name`, `FROM name` and `--target name` mean.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_11", trivy: "AVD-DS-0012", hadolint: "DL3024" },
  remediation: { text: "Give every stage its own name and update the COPY --from and FROM lines that refer to it.", fix: "FROM node:20.11-alpine AS web-build\nFROM golang:1.22 AS api-build" },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine AS build
RUN npm ci && npm run build
FROM golang:1.22 AS build
RUN go build -o /out/api ./cmd/api
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/api /api`,
        `FROM alpine:3.20 AS base
FROM debian:12-slim AS Base`,
      ],
      good: [
        `FROM node:20.11-alpine AS web-build
RUN npm ci && npm run build
FROM golang:1.22 AS api-build
RUN go build -o /out/api ./cmd/api
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=api-build /out/api /api`,
        `# a stage may build on another stage of the same base, under its own name
FROM alpine:3.20 AS base
FROM base AS test
FROM base AS release`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    const seen = new Map<string, { line: number; count: number }>();
    for (const stage of model.stages) {
      if (stage.name === undefined) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, { line: stage.fromInstruction.range.startLine, count: 1 });
        continue;
      }
      first.count++;
      out.push(fail(stage.fromInstruction, `stage name ${stage.name} is already used by the stage on line ${first.line}`, { key: `duplicate stage ${key} #${first.count}` }));
    }
    return out;
  },
});
