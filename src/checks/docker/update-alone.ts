import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { packageManagerCalls } from "./packages.js";
import { instructionKey, runInstructions } from "./util.js";

// Per package manager: the subcommand that refreshes the index, and those that install from it.
const MANAGERS = [
  { tools: ["apt-get", "apt"], update: "update", install: new Set(["install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "reinstall"]) },
  { tools: ["apk"], update: "update", install: new Set(["add", "upgrade", "fix"]) },
];

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-011",
  title: "Package index update alone in its RUN",
  severity: "medium",
  description:
    "A RUN that only refreshes the package index (`apt-get update`, `apk update`) is cached as its own layer. Later " +
    "builds reuse that cached layer, so the RUN that installs packages works from an index that can be months old " +
    "and installs outdated, vulnerable versions; it also leaves the index in the image. Update and install belong " +
    "in one RUN.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_5", trivy: "AVD-DS-0017" },
  compliance: [{ framework: "cis-docker-1.6", control: "4.7" }],
  remediation: {
    text: "Run the index update and the installs in the same RUN instruction, followed by the cleanup.",
    fix: "RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n && rm -rf /var/lib/apt/lists/*",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*`,
        `FROM alpine:3.20
RUN apk update
RUN apk add --no-cache curl=8.9.1-r1`,
        `FROM ubuntu:24.04
RUN apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.1 && apt-get update`,
      ],
      good: [
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\
 && rm -rf /var/lib/apt/lists/*`,
        `FROM alpine:3.20
RUN apk add --no-cache curl=8.9.1-r1`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      for (const m of MANAGERS) {
        const calls = packageManagerCalls(ins, m.tools);
        const lastUpdate = calls.map((c) => c.subcommand).lastIndexOf(m.update);
        if (lastUpdate < 0 || calls.slice(lastUpdate + 1).some((c) => m.install.has(c.subcommand))) continue;
        const tool = calls[lastUpdate]?.tool ?? "";
        out.push(fail(ins, `${tool} update without an install after it in the same RUN: later RUNs install from a cached, stale index`, { key: instructionKey(ins) }));
      }
    }
    return out;
  },
});
