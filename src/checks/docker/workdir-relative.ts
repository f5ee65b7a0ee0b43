import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { expandVariables, instructionKey, stageChain, stageVariables } from "./util.js";

// Markers for a WORKDIR this file cannot name; real paths are absolute, so they cannot clash.
const BASE = "base image";
const UNKNOWN = "unresolved";

function unquote(text: string): string {
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0] ? text.slice(1, -1) : text;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-041",
  title: "WORKDIR with a relative path",
  severity: "low",
  description:
    "A relative WORKDIR is resolved against the previous WORKDIR, which may come from the base image and change " +
    "when the base image does: the same Dockerfile then puts files, and runs the container, somewhere else. An " +
    "absolute path says where things are. Variables are resolved from ARG and ENV; a path that does not resolve is " +
    "not judged. Windows paths (`C:\\app`) count as absolute.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_10", trivy: "AVD-DS-0009", hadolint: "DL3000" },
  remediation: { text: "Give WORKDIR an absolute path.", fix: "WORKDIR /app" },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine
WORKDIR app
COPY . .`,
        `FROM golang:1.22
WORKDIR /src
WORKDIR cmd/api
RUN go build -o /out/api .`,
        `FROM python:3.12-slim
ARG APP_DIR=srv/app
WORKDIR \${APP_DIR}`,
      ],
      good: [
        `FROM node:20.11-alpine
WORKDIR /app
COPY . .`,
        `FROM python:3.12-slim
ARG APP_DIR=/srv/app
WORKDIR \${APP_DIR}
ARG UNSET
WORKDIR \${UNSET}/logs`,
        `FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\\\\app`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const stage of model.stages) {
      // Most stages have only absolute, literal WORKDIRs: nothing to resolve.
      if (!stage.instructions.some((i) => i.keyword === "WORKDIR" && !/^["']?[/\\]/.test(i.args))) continue;
      const chain = stageChain(model, stage);
      // Where the previous WORKDIRs of the chain lead: an absolute path, BASE while the base image's
      // WORKDIR is in force, UNKNOWN after one that does not resolve.
      let current: string = BASE;
      for (const ins of chain.flatMap((s) => s.instructions)) {
        if (ins.keyword !== "WORKDIR" || ins.args === "") continue;
        const path = expandVariables(unquote(ins.args.trim()), stageVariables(model, chain, ins));
        if (path === undefined || path === "") {
          current = UNKNOWN;
          continue;
        }
        if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\")) {
          current = path;
          continue;
        }
        const relative = path.replace(/^\.\//, "");
        const resolved: string | undefined = current === BASE || current === UNKNOWN ? undefined : `${current.replace(/\/+$/, "")}/${relative}`;
        if (ins.stage === stage.index) {
          const why =
            resolved !== undefined
              ? `is relative: it leads to ${resolved} only because of the WORKDIR before it`
              : current === BASE
                ? "is relative to the base image's WORKDIR, which this file does not set"
                : "is relative to a WORKDIR given by a variable without a value here";
          out.push(fail(ins, `WORKDIR ${path} ${why}`, { key: instructionKey(ins), fix: `WORKDIR ${resolved ?? `/${relative}`}` }));
        }
        current = resolved ?? current;
      }
    }
    return out;
  },
});
