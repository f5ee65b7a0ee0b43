import type { DockerfileModel, DockerInstruction } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { maskedSnippet } from "./args.js";
import { runAssignments } from "./assignments.js";
import { runCommands } from "./run.js";
import { parseShell, type ShellPipeline } from "./shell.js";

// `-o StrictHostKeyChecking=no`, `StrictHostKeyChecking no` in an ssh_config, in any spelling of the value.
const UNCHECKED = /StrictHostKeyChecking(?:\s*=\s*|\s+)["']?(?:no|off)\b/i;

function heredocBodies(pipelines: readonly ShellPipeline[]): string[] {
  return pipelines.flatMap((p) => p.flatMap((c) => [...c.heredocs, ...heredocBodies(c.substitutions)]));
}

function disablesHostKeys(ins: DockerInstruction): boolean {
  if (ins.keyword === "ENV" || ins.keyword === "ARG") return (ins.vars ?? []).some((v) => UNCHECKED.test(v.value ?? ""));
  if (ins.keyword !== "RUN" || ins.stage < 0) return false;
  if (runCommands(ins).some((c) => UNCHECKED.test(c.argv.slice(1).join(" ")))) return true;
  if (runAssignments(ins).some((a) => UNCHECKED.test(a.value))) return true;
  return !ins.exec && heredocBodies(parseShell(ins.args)).some((b) => UNCHECKED.test(b));
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-025",
  title: "SSH host key checking turned off",
  severity: "medium",
  description:
    "`StrictHostKeyChecking no` (on the ssh command line, in GIT_SSH_COMMAND or written to an ssh_config) makes ssh " +
    "and git over ssh accept whatever host key the server presents. A machine in the middle can then impersonate " +
    "the git server or host and hand the build modified source or binaries; with an ssh agent or key forwarded " +
    "into the build it can also use that key. Written to a config file or ENV, the setting also stays in the image.",
  appliesTo: "dockerfile.Dockerfile",
  remediation: {
    text: "Pin the server's published host key instead: add it to /etc/ssh/ssh_known_hosts (or ~/.ssh/known_hosts) from a file in the build context, and use RUN --mount=type=ssh for the private key.",
    fix: "COPY known_hosts /etc/ssh/ssh_known_hosts\nRUN --mount=type=ssh git clone --branch v1.4.2 git@github.com:example/tools.git /src/tools",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM alpine:3.20
RUN --mount=type=ssh GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no" \\
    git clone --branch v1.4.2 git@github.com:example/tools.git /src/tools`,
        `FROM debian:12-slim
RUN mkdir -p /root/.ssh \\
 && echo "Host *\\n  StrictHostKeyChecking no" >> /root/.ssh/config`,
        `FROM golang:1.22
ENV GIT_SSH_COMMAND="ssh -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no"`,
        `# syntax=docker/dockerfile:1
FROM debian:12-slim
RUN <<EOF
mkdir -p /etc/ssh
cat >> /etc/ssh/ssh_config <<CONF
Host git.corp.example
    StrictHostKeyChecking no
CONF
EOF`,
      ],
      good: [
        `FROM alpine:3.20
COPY known_hosts /etc/ssh/ssh_known_hosts
RUN --mount=type=ssh git clone --branch v1.4.2 git@github.com:example/tools.git /src/tools`,
        `FROM debian:12-slim
RUN mkdir -p /root/.ssh && echo "Host *\\n  StrictHostKeyChecking yes" >> /root/.ssh/config`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of model.instructions) {
      if (!disablesHostKeys(ins)) continue;
      const where = ins.keyword === "RUN" ? "RUN" : `${ins.keyword} ${(ins.vars ?? []).find((v) => UNCHECKED.test(v.value ?? ""))?.name ?? ""}`.trim();
      out.push(fail(ins, `${where} sets StrictHostKeyChecking no: ssh accepts any host key, so a machine in the middle can pose as the server`, { key: `${where} StrictHostKeyChecking no`, ...maskedSnippet(ins) }));
    }
    return out;
  },
});
