import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { expandVariables, finalImageStages, stageVariables } from "./util.js";

const SSH_PORT = 22;

/** Whether an EXPOSE argument (`22`, `22/tcp`, `20-30/udp`) covers port 22. */
function coversSsh(arg: string): boolean {
  const m = /^(\d+)(?:-(\d+))?(?:\/[a-z]+)?$/i.exec(arg.trim());
  if (!m) return false;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return from <= SSH_PORT && SSH_PORT <= to;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-015",
  title: "SSH port 22 exposed",
  severity: "medium",
  description:
    "EXPOSE 22 announces an SSH server in the container. Containers should not run sshd: it is one more " +
    "internet-facing daemon with credentials to steal and patch, and `docker exec` or `kubectl exec` already give " +
    "controlled access. Port ranges that include 22 and ports given by ARG or ENV defaults are resolved; only the " +
    "stages that make up the final image are checked.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_1", trivy: "AVD-DS-0004" },
  compliance: [{ framework: "cis-docker-1.6", control: "5.7" }],
  remediation: { text: "Remove EXPOSE 22 and the SSH server from the image; use docker exec or kubectl exec for interactive access." },
  examples: {
    dockerfile: {
      bad: [
        `FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server=1:9.6p1-3ubuntu13 && rm -rf /var/lib/apt/lists/*
EXPOSE 22
CMD ["/usr/sbin/sshd", "-D"]`,
        `FROM alpine:3.20
EXPOSE 8080/tcp 22/tcp`,
        `FROM alpine:3.20
ARG ADMIN_PORT=22
EXPOSE \${ADMIN_PORT}`,
        `FROM alpine:3.20
EXPOSE 20-25`,
      ],
      good: [
        `FROM nginx:1.27-alpine
EXPOSE 80 443/tcp`,
        `FROM alpine:3.20
EXPOSE 2222 220/udp`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    const chain = finalImageStages(model);
    for (const stage of chain) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== "EXPOSE") continue;
        const vars = stageVariables(model, chain, ins);
        const port = ins.argv.map((a) => expandVariables(a, vars)).find((p) => p !== undefined && coversSsh(p));
        if (port !== undefined) out.push(fail(ins, `EXPOSE ${port} publishes the SSH port 22`, { key: "EXPOSE 22" }));
      }
    }
    return out;
  },
});
