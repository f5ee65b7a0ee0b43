import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { expandVariables, stageChain, stageVariables } from "./util.js";

const MAX_PORT = 65535;
const PROTOCOLS = new Set(["tcp", "udp", "sctp"]);

/** What is wrong with one EXPOSE argument, or undefined when it is a valid port, range and protocol. */
function problem(arg: string): string | undefined {
  const m = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(arg);
  if (!m) return /^\d+:\d+/.test(arg) ? "publishes a host port, which only docker run -p can do" : "is not a port, port range or port/protocol";
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > MAX_PORT || to > MAX_PORT) return `is outside the port range 0-${MAX_PORT}`;
  if (to < from) return "is a range that ends before it starts";
  if (m[3] !== undefined && !PROTOCOLS.has(m[3].toLowerCase())) return `names protocol ${m[3]}, not tcp, udp or sctp`;
  return undefined;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-043",
  title: "EXPOSE of an invalid port",
  severity: "low",
  description:
    "EXPOSE takes ports 0-65535, optionally as a range and with /tcp, /udp or /sctp. A port beyond 65535, a " +
    "backwards range, an unknown protocol or a `host:container` mapping is either rejected by the builder or ignored, " +
    "so the image does not document, and tools do not publish, the port the service really uses. Ports given by " +
    "ARG or ENV are resolved; values that do not resolve are not judged.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: "AVD-DS-0008", hadolint: "DL3011" },
  remediation: { text: "EXPOSE the container port the service listens on (1-65535), and publish it to the host at run time with -p.", fix: "EXPOSE 8080/tcp" },
  examples: {
    dockerfile: {
      bad: [
        `FROM nginx:1.27-alpine
EXPOSE 80 443 80800`,
        `FROM alpine:3.20
EXPOSE 8080:80`,
        `FROM alpine:3.20
ARG PORT=70000
EXPOSE \${PORT}/tcp`,
        `FROM alpine:3.20
EXPOSE 9000-8000 53/dns`,
      ],
      good: [
        `FROM nginx:1.27-alpine
EXPOSE 80 443/tcp 443/udp 8000-8010`,
        `FROM alpine:3.20
ARG PORT
EXPOSE \${PORT}`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    const none = new Map<string, string | undefined>();
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== "EXPOSE") continue;
        // Scope is worked out only for arguments that use variables: most EXPOSE lines are literal.
        const vars = ins.argv.some((a) => a.includes("$")) ? stageVariables(model, stageChain(model, stage), ins) : none;
        const bad = ins.argv
          .map((raw) => expandVariables(raw.replace(/^["']|["']$/g, ""), vars))
          .filter((a): a is string => a !== undefined && a !== "")
          .map((a) => ({ arg: a, why: problem(a) }))
          .filter((p): p is { arg: string; why: string } => p.why !== undefined);
        for (const p of bad) out.push(fail(ins, `EXPOSE ${p.arg} ${p.why}`, { key: `EXPOSE ${p.arg}` }));
      }
    }
    return out;
  },
});
