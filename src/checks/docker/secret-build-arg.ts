import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { isSecretName, redactedSource, valueKind } from "./secrets.js";
import { boundedKey, quoteList } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-006",
  title: "Credential passed as a build argument or copied into ENV",
  severity: "medium",
  description:
    "A credential-named ARG without a value is meant to be given with `--build-arg`: Docker records build arguments " +
    "in the image history of every RUN that uses them, and in the build cache. An ENV that copies such a variable " +
    "(`ENV TOKEN=$TOKEN`) is worse: the value becomes part of the image configuration, readable by anyone who can " +
    "pull the image, so it is reported as high. Literal values are MAM-DF-005.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: "AVD-DS-0031" },
  compliance: [{ framework: "cis-docker-1.6", control: "4.10" }],
  remediation: {
    text: "Pass build-time secrets with BuildKit secret mounts (docker build --secret id=npm_token,env=NPM_TOKEN) and read them only in the RUN that needs them; never copy them into ENV.",
    fix: "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}" > .npmrc \\
 && npm ci --omit=dev \\
 && rm .npmrc`,
        `FROM golang:1.22
ARG GITHUB_TOKEN
ENV GITHUB_TOKEN=\${GITHUB_TOKEN}
RUN git config --global url."https://\${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"`,
        `FROM alpine:3.20
ARG DB_PASSWORD=""`,
      ],
      good: [
        `# syntax=docker/dockerfile:1
FROM node:20.11-alpine
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci --omit=dev`,
        `FROM alpine:3.20
ARG APP_VERSION
ENV APP_VERSION=\${APP_VERSION}
ARG CREDENTIALS_PATH=/run/secrets/credentials.json`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of model.instructions) {
      if (ins.keyword !== "ENV" && ins.keyword !== "ARG") continue;
      const names = (ins.vars ?? [])
        .filter((v) => isSecretName(v.name) && (ins.keyword === "ARG" ? (v.value ?? "").trim() === "" : valueKind(v) === "variable"))
        .map((v) => v.name);
      if (names.length === 0) continue;
      const extra = { key: boundedKey(`${ins.keyword} ${names.join(" ")}`), snippet: redactedSource(ins) };
      if (ins.keyword === "ARG") {
        out.push(fail(ins, `ARG ${quoteList(names)} passes a credential as a build argument, which the image history records for each RUN that uses it`, extra));
      } else {
        out.push(fail(ins, `ENV ${quoteList(names)} copies a credential into the image configuration, where anyone who pulls the image can read it`, { ...extra, severity: "high" }));
      }
    }
    return out;
  },
});
