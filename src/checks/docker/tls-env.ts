import type { DockerfileModel, DockerInstruction } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { runAssignments, type Assignment } from "./assignments.js";
import { boundedKey, expandVariables, finalStageIndexes, quoteList, stageChain, stageVariables } from "./util.js";

const OFF = /^(?:false|no|off|0)$/i;

interface Rule {
  name: RegExp;
  bad: (value: string) => boolean;
}

// Variables that switch verification off, and the values that do it.
const RULES: readonly Rule[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, bad: (v) => v === "0" },
  { name: /^PYTHONHTTPSVERIFY$/, bad: (v) => v === "0" },
  // git: "any value" turns verification off.
  { name: /^GIT_SSL_NO_VERIFY$/, bad: (v) => v !== "" },
  { name: /^npm_config_strict_ssl$/i, bad: (v) => OFF.test(v) },
  { name: /^YARN_ENABLE_STRICT_SSL$/, bad: (v) => OFF.test(v) },
  { name: /^PIP_TRUSTED_HOST$/, bad: (v) => v.trim() !== "" },
  { name: /^GOINSECURE$/, bad: (v) => v.trim() !== "" },
  { name: /^GOSUMDB$/, bad: (v) => v === "off" },
  { name: /^GOFLAGS$/, bad: (v) => /(?:^|\s)-insecure(?:\s|=|$)/.test(v) },
];

function offending(vars: readonly Assignment[]): string[] {
  return vars.filter((a) => RULES.some((r) => r.name.test(a.name) && r.bad(a.value.trim()))).map((a) => `${a.name}=${a.value.trim()}`);
}

/**
 * ENV and ARG values of the variables the rules know, with variables expanded; values that do not
 * resolve are left out, not guessed. Scope is worked out only for such values, which keeps a file
 * of many ENV lines linear.
 */
function declared(model: DockerfileModel, ins: DockerInstruction): Assignment[] {
  let vars: Map<string, string | undefined> | undefined;
  return (ins.vars ?? []).flatMap((v) => {
    if (v.value === undefined || !RULES.some((r) => r.name.test(v.name))) return [];
    if (!v.value.includes("$")) return [{ name: v.name, value: v.value }];
    const stage = model.stages[ins.stage];
    vars ??= stage ? stageVariables(model, stageChain(model, stage), ins) : new Map(model.args);
    const value = expandVariables(v.value, vars);
    return value === undefined ? [] : [{ name: v.name, value }];
  });
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-023",
  title: "Environment variable turns TLS or checksum verification off",
  severity: "medium",
  description:
    "NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, npm_config_strict_ssl=false, " +
    "YARN_ENABLE_STRICT_SSL=false, PIP_TRUSTED_HOST, GOINSECURE, GOFLAGS=-insecure and GOSUMDB=off make tools accept " +
    "any certificate, or skip the Go checksum database, for every command that sees the variable. Set by ARG or in a " +
    "RUN, it exposes the build to substituted packages (medium). Set by ENV in a stage of the final image, it also " +
    "stays in the image configuration, so the running application itself talks TLS without checking who answers " +
    "(high). Values given through variables that cannot be resolved are not judged.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: ["CKV2_DOCKER_5", "CKV2_DOCKER_6", "CKV2_DOCKER_12", "CKV2_DOCKER_14", "CKV2_DOCKER_16", "CKV2_DOCKER_18"] },
  remediation: {
    text: "Remove the variable. Trust a private CA by adding it to the image's trust store (update-ca-certificates, NODE_EXTRA_CA_CERTS, SSL_CERT_FILE) and keep the Go checksum database on (use GOPRIVATE/GONOSUMDB for private modules only).",
    fix: "COPY corp-root-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine
ENV NODE_ENV=production NODE_TLS_REJECT_UNAUTHORIZED=0
CMD ["node", "server.js"]`,
        `FROM python:3.12-slim
ARG PYTHONHTTPSVERIFY=0
RUN pip install --no-cache-dir -r requirements.txt`,
        `FROM golang:1.22 AS build
ENV GOSUMDB=off GOFLAGS=-mod=mod
RUN go build -o /out/app ./cmd/app`,
        `FROM alpine:3.20
RUN export GIT_SSL_NO_VERIFY=true \\
 && git clone --branch v1.2.0 https://git.corp.example/tools.git /opt/tools`,
        `FROM node:20.11-alpine
RUN npm_config_strict_ssl=false npm ci --omit=dev`,
        `FROM python:3.12-slim
ARG MIRROR_HOST=pypi.corp.example
ENV PIP_TRUSTED_HOST=\${MIRROR_HOST}`,
      ],
      good: [
        `FROM node:20.11-alpine
COPY corp-root-ca.crt /usr/local/share/ca-certificates/
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-root-ca.crt NODE_TLS_REJECT_UNAUTHORIZED=1
CMD ["node", "server.js"]`,
        `FROM golang:1.22
ENV GOPRIVATE=git.corp.example GONOSUMDB=git.corp.example GOFLAGS=-mod=readonly
RUN go build ./...`,
        `FROM python:3.12-slim
ARG TRUSTED
ENV PIP_TRUSTED_HOST=\${TRUSTED} PYTHONHTTPSVERIFY=1`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    const final = finalStageIndexes(model);
    for (const ins of model.instructions) {
      let vars: readonly Assignment[];
      if (ins.keyword === "ENV" || ins.keyword === "ARG") vars = declared(model, ins);
      else if (ins.keyword === "RUN" && ins.stage >= 0) vars = runAssignments(ins);
      else continue;
      const found = [...new Set(offending(vars))];
      if (found.length === 0) continue;
      const runtime = ins.keyword === "ENV" && final.has(ins.stage);
      const where = runtime ? "for the build and for the running container" : "for the build";
      out.push(
        fail(ins, `${ins.keyword} sets ${quoteList(found, 4)}, turning verification off ${where}`, {
          key: boundedKey(`${ins.keyword} ${found.join(" ")}`),
          ...(runtime ? { severity: "high" as const } : {}),
        }),
      );
    }
    return out;
  },
});
