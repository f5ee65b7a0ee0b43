import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { literalSecrets, redactedSource } from "./secrets.js";
import { boundedKey, quoteList } from "./util.js";

const WHY: Record<string, string> = {
  ENV: "it is stored in the image configuration, readable by anyone who can pull the image",
  ARG: "the default is recorded in the image history of every RUN that uses it",
};

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-005",
  title: "Credential hard-coded in ENV or ARG",
  severity: "critical",
  kind: "secret",
  description:
    "An ENV or ARG whose name says password, secret, token, API key, access key, private key or credentials is given " +
    "a literal value in the Dockerfile. The value is in the source repository, in the build cache, and, for ENV, in " +
    "the configuration of every image built from it (`docker inspect` shows it); ARG defaults show up in `docker " +
    "history`. Variables that only name a secret (…_FILE, …_PATH, …_URL, …_ID, …) and values that only refer to " +
    "other variables are not reported here (see MAM-DF-006). Findings show the value redacted.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_1005", trivy: "AVD-DS-0031" },
  compliance: [{ framework: "cis-docker-1.6", control: "4.10" }],
  remediation: {
    text: "Remove the value from the Dockerfile and rotate the credential: it is compromised. Give build-time secrets with RUN --mount=type=secret, and runtime secrets through the orchestrator (mounted files or an injected environment).",
    fix: "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine
ENV NPM_TOKEN=npm-example-4f8b2c9d1e7a6b5c3d2e1f0a
RUN npm ci --omit=dev`,
        `ARG DEPLOY_API_KEY="example-deploy-key-7Hq2Lm9"
FROM alpine:3.20
RUN echo building`,
        `FROM postgres:16.3
ENV POSTGRES_PASSWORD Sup3r-S3cret-Example`,
        `FROM python:3.12-slim
ENV APP_ENV=production \\
    DJANGO_SECRET_KEY="example-signing-key-9f8e7d6c5b4a" \\
    PORT=8000
CMD ["gunicorn", "app.wsgi"]`,
        `FROM node:20.11-alpine
ENV stripeApiKey=example_stripe_key_0123456789`,
      ],
      good: [
        `# syntax=docker/dockerfile:1
FROM node:20.11-alpine
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci --omit=dev`,
        `FROM postgres:16.3
ENV POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password`,
        `FROM python:3.12-slim
ENV TOKENIZERS_PARALLELISM=false \\
    GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D \\
    AWS_ACCESS_KEY_ID_HEADER=x-access-key`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of model.instructions) {
      if (ins.keyword !== "ENV" && ins.keyword !== "ARG") continue;
      const secrets = literalSecrets(ins);
      if (secrets.length === 0) continue;
      const names = secrets.map((v) => v.name);
      const first = names[0] as string;
      const verb = names.length === 1 ? "holds a credential" : "hold credentials";
      out.push(
        fail(ins, `${ins.keyword} ${quoteList(names)} ${verb} written in the Dockerfile; ${WHY[ins.keyword]}`, {
          key: boundedKey(`${ins.keyword} ${names.join(" ")}`),
          snippet: redactedSource(ins),
          fix: `RUN --mount=type=secret,id=${first.toLowerCase()},env=${first} <command that needs it>`,
        }),
      );
    }
    return out;
  },
});
