import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { runCommands } from "./run.js";
import { instructionKey, runInstructions } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-018",
  title: "cd in RUN instead of WORKDIR",
  severity: "low",
  description:
    "`RUN cd /dir && ...` changes directory for that one RUN only: the next instruction silently runs somewhere " +
    "else, which makes builds hard to read and easy to get wrong (files written or deleted in the wrong place). " +
    "WORKDIR sets the directory for every following instruction and for the container.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: "AVD-DS-0013", hadolint: "DL3003" },
  remediation: { text: "Set the directory with WORKDIR (an absolute path) before the RUN instead of cd inside it.", fix: "WORKDIR /src/app\nRUN make install" },
  examples: {
    dockerfile: {
      bad: [
        `FROM golang:1.22
COPY . /src
RUN cd /src && go build -o /out/app ./cmd/app`,
        `FROM node:20.11-alpine
RUN ["/bin/sh", "-c", "cd /app/frontend && npm ci && npm run build"]`,
      ],
      good: [
        `FROM golang:1.22
COPY . /src
WORKDIR /src
RUN go build -o /out/app ./cmd/app`,
        `FROM alpine:3.20
# "cd" as an argument is no directory change
RUN echo cd /tmp > /etc/motd && apk add --no-cache cdrkit=1.1.11-r6`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const cd = runCommands(ins).find((c) => c.name === "cd" && c.argv.length > 1);
      if (!cd) continue;
      const dir = cd.argv[1] as string;
      out.push(fail(ins, `RUN changes directory with cd ${dir}; WORKDIR makes the directory explicit for what follows`, { key: instructionKey(ins), fix: `WORKDIR ${dir}` }));
    }
    return out;
  },
});
