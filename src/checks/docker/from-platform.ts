import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { finalImageStages } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-045",
  title: "Final image pinned to one platform with FROM --platform",
  severity: "info",
  description:
    "`FROM --platform=linux/amd64` on the stages that make the final image fixes its architecture whatever the " +
    "build asks for: `docker buildx build --platform linux/arm64` silently produces an amd64 image, which then runs " +
    "under emulation (slowly, with its own bugs) or not at all. Builder stages may use `--platform=$BUILDPLATFORM` " +
    "for cross-compiling, and variables in general are fine; only literal platforms on the final image are reported.",
  appliesTo: "dockerfile.Dockerfile",
  references: { hadolint: "DL3029" },
  remediation: {
    text: "Drop --platform from the final stages and choose the platform at build time (docker buildx build --platform ...); use --platform=$BUILDPLATFORM only on stages that cross-compile.",
    fix: "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM --platform=linux/amd64 python:3.12-slim
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]`,
        `FROM --platform=linux/amd64 node:20.11-alpine AS base
FROM base
CMD ["node", "server.js"]`,
      ],
      good: [
        `FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app`,
        `FROM --platform=linux/amd64 debian:12 AS tools
RUN echo "a helper stage may fetch amd64-only tools"
FROM python:3.12-slim
COPY --from=tools /etc/os-release /tmp/`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const stage of finalImageStages(model)) {
      if (stage.platform === undefined || stage.platform.includes("$")) continue;
      out.push(fail(stage.fromInstruction, `FROM --platform=${stage.platform} fixes the final image's platform whatever the build asks for`, { key: `FROM --platform=${stage.platform}` }));
    }
    return out;
  },
});
