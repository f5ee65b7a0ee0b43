import type { DockerfileModel, DockerInstruction } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { finalImageStages, instructionKey, instructionsOf } from "./util.js";

/** An exec form written with single quotes or a trailing comma is not JSON: Docker runs the text through a shell. */
function looksLikeExec(ins: DockerInstruction): boolean {
  return ins.exec === undefined && ins.args.startsWith("[");
}

/** A shell form that replaces the shell by the program (`exec node server.js`) behaves like the exec form. */
function shellForm(ins: DockerInstruction | undefined): ins is DockerInstruction {
  return ins !== undefined && ins.exec === undefined && ins.args !== "" && !/^exec\s/.test(ins.args);
}

function execFix(ins: DockerInstruction): string | undefined {
  if (looksLikeExec(ins)) return undefined;
  const words = ins.args.split(/\s+/);
  // Only simple commands convert word by word; anything with shell syntax is left to a person.
  if (/["'`$|&;<>(){}*?\\]/.test(ins.args)) return `${ins.keyword} ["/bin/sh", "-c", ${JSON.stringify(`exec ${ins.args}`)}]`;
  return `${ins.keyword} ${JSON.stringify(words).replace(/","/g, '", "')}`;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-040",
  title: "CMD or ENTRYPOINT in shell form",
  severity: "low",
  description:
    "In shell form (`CMD node server.js`) Docker starts the program as `/bin/sh -c \"...\"`. Depending on the shell, " +
    "the program is then not PID 1 and never sees the SIGTERM of `docker stop` or a Kubernetes rollout, so it is " +
    "killed after the grace period instead of shutting down cleanly (dropped requests, unflushed data). An ENTRYPOINT " +
    "in shell form also ignores CMD and the arguments of `docker run`. A text that starts with `[` but is not valid " +
    "JSON (single quotes) is silently run as shell form too. Only the CMD and ENTRYPOINT in effect for the final " +
    "image are checked; a shell form that starts with `exec` is fine.",
  appliesTo: "dockerfile.Dockerfile",
  references: { hadolint: "DL3025" },
  remediation: {
    text: "Write CMD and ENTRYPOINT as JSON arrays with double quotes; where shell features are needed, use a script that ends with `exec \"$@\"` or prefix the command with exec.",
    fix: 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]\nCMD ["node", "server.js"]',
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine
COPY . /app
CMD node /app/server.js`,
        `FROM python:3.12-slim
ENTRYPOINT gunicorn --bind 0.0.0.0:8000 app.wsgi`,
        `FROM alpine:3.20
CMD ['/usr/local/bin/app', '--serve']`,
        `FROM nginx:1.27-alpine AS base
CMD nginx -g "daemon off;"
FROM base
COPY site/ /usr/share/nginx/html/`,
      ],
      good: [
        `FROM node:20.11-alpine
COPY . /app
CMD ["node", "/app/server.js"]`,
        `FROM python:3.12-slim
ENTRYPOINT ["gunicorn", "--bind", "0.0.0.0:8000"]
CMD ["app.wsgi"]`,
        `FROM alpine:3.20
CMD exec /usr/local/bin/app --serve`,
        `# a build stage's CMD does not matter
FROM node:20.11-alpine AS test
CMD npm test
FROM node:20.11-alpine
CMD ["node", "server.js"]`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    const chain = finalImageStages(model);
    const entrypoint = instructionsOf(chain, "ENTRYPOINT").pop();
    const cmd = instructionsOf(chain, "CMD").pop();
    // With an ENTRYPOINT in shell form (even one that starts with exec), CMD is not used at all.
    const judged = entrypoint !== undefined && entrypoint.exec === undefined && entrypoint.args !== "" ? [entrypoint] : [entrypoint, cmd];
    for (const ins of judged) {
      if (!shellForm(ins)) continue;
      const why = looksLikeExec(ins)
        ? "is not valid JSON (exec form needs double quotes), so Docker runs it through /bin/sh -c"
        : ins.keyword === "ENTRYPOINT"
          ? "in shell form runs under /bin/sh -c: it may not receive SIGTERM, and CMD and docker run arguments are ignored"
          : "in shell form runs under /bin/sh -c, so the program may not be PID 1 and may never receive SIGTERM";
      const fix = execFix(ins);
      out.push(fail(ins, `${ins.keyword} ${why}`, { key: instructionKey(ins), ...(fix ? { fix } : {}) }));
    }
    return out;
  },
});
