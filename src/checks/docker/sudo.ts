import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { runCommands } from "./run.js";
import { instructionKey, runInstructions } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-014",
  title: "sudo used in RUN",
  severity: "medium",
  description:
    "Build steps run as the current USER; reaching for sudo means the image has sudo installed and a user allowed " +
    "to use it, which hands any process in the running container an easy path to root. It also behaves " +
    "unpredictably without a TTY. Switch USER to root for the steps that need it, then back.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV2_DOCKER_1", trivy: "AVD-DS-0010", hadolint: "DL3004" },
  remediation: {
    text: "Remove sudo: run privileged steps under USER root and switch back to the unprivileged user afterwards; uninstall sudo from the image.",
    fix: "USER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\nUSER app",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM ubuntu:24.04
USER app
RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.1`,
        `FROM ubuntu:24.04
RUN ["sudo", "-u", "postgres", "createdb", "app"]`,
        `FROM ubuntu:24.04
RUN set -e; \\
    if [ -d /opt/app ]; then sudo chown -R app /opt/app; fi`,
      ],
      good: [
        `FROM ubuntu:24.04
USER root
RUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.1 && rm -rf /var/lib/apt/lists/*
USER app`,
        `FROM ubuntu:24.04
# installing the package or writing sudoers is not running sudo
RUN echo "app ALL=(ALL) NOPASSWD: /usr/bin/systemctl" > /etc/sudoers.d/app`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const uses = runCommands(ins).filter((c) => c.wrappers.includes("sudo") || c.name === "sudo");
      if (uses.length === 0) continue;
      const first = uses[0]?.name ? ` (sudo ${uses[0].name})` : "";
      out.push(fail(ins, `RUN uses sudo${first}: the image carries sudo and a user allowed to use it`, { key: instructionKey(ins) }));
    }
    return out;
  },
});
