import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { boundedKey, copySources, finalStageIndexes, isRemoteSource, quoteList } from "./util.js";

// Files whose name says they hold credentials. Matched against the whole source path (without a
// trailing slash), so `.aws/credentials` and `config/.npmrc` both count; `.env.example` does not.
const CREDENTIAL_FILES: readonly [RegExp, string][] = [
  [/(?:^|\/)\.npmrc$/, "npm registry token"],
  [/(?:^|\/)\.pypirc$/, "PyPI credentials"],
  [/(?:^|\/)[._]netrc$/, "netrc logins"],
  [/(?:^|\/)\.git-credentials$/, "git credentials"],
  [/(?:^|\/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults$)[\w-]+)?$/, "environment file"],
  [/(?:^|\/)id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/, "SSH private key"],
  [/(?:^|\/)\.ssh$/, "SSH directory"],
  [/(?:^|\/)\.aws(?:\/credentials)?$/, "AWS credentials"],
  [/(?:^|\/)\.docker\/config\.json$|(?:^|\/)\.dockercfg$/, "registry credentials"],
  [/(?:^|\/)\.kube(?:\/config)?$/, "kubeconfig"],
  [/\.(?:p12|pfx)$/i, "PKCS#12 key store"],
  [/(?:^|\/)\.(?:htpasswd|pgpass|vault-token)$/, "password file"],
];

function credentialKind(source: string): string | undefined {
  const path = source.replace(/\/+$/, "");
  // Globs and variables could match anything: not judged.
  if (/[*?[$]/.test(path) || path.startsWith("<<")) return undefined;
  return CREDENTIAL_FILES.find(([re]) => re.test(path))?.[1];
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-027",
  title: "Credential file copied into the image",
  severity: "high",
  description:
    "COPY or ADD of a file that by its name holds credentials (.npmrc, .pypirc, .netrc, .git-credentials, .env, " +
    "SSH private keys or ~/.ssh, .aws/credentials, .docker/config.json, kubeconfig, PKCS#12 key stores, .pgpass, " +
    "...) stores it in a layer. Deleting it in a later instruction does not help: the layer still holds it, and " +
    "anyone who can pull the image can extract it. Copied into a build stage that the final image does not build " +
    "on, it stays in the build cache and intermediate images only, which is reported as low.",
  appliesTo: "dockerfile.Dockerfile",
  compliance: [{ framework: "cis-docker-1.6", control: "4.10" }],
  remediation: {
    text: "Give the credential to the step that needs it with a BuildKit secret mount (docker build --secret id=npmrc,src=$HOME/.npmrc) and keep such files out of the build context with .dockerignore; rotate any credential that was already pushed in an image.",
    fix: "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine
WORKDIR /app
COPY .npmrc package.json package-lock.json ./
RUN npm ci --omit=dev && rm -f .npmrc`,
        `FROM python:3.12-slim
COPY .env /app/.env
CMD ["python", "/app/main.py"]`,
        `FROM alpine:3.20
COPY id_ed25519 /root/.ssh/id_ed25519
RUN apk add --no-cache git=2.45.2-r0 openssh-client=9.7_p1-r4`,
        `FROM amazon/aws-cli:2.17.0
ADD --chown=1000:1000 .aws/ /home/app/.aws/`,
        `# only a build stage: reported as low
FROM node:20.11-alpine AS deps
COPY .npmrc ./
RUN npm ci
FROM node:20.11-alpine
COPY --from=deps /node_modules /app/node_modules`,
      ],
      good: [
        `# syntax=docker/dockerfile:1
FROM node:20.11-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev`,
        `FROM python:3.12-slim
COPY .env.example /app/.env.example
COPY config/ /app/config/`,
        `FROM alpine:3.20
COPY id_ed25519.pub /etc/ssh/authorized_keys/app
COPY known_hosts /etc/ssh/ssh_known_hosts`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    const final = finalStageIndexes(model);
    for (const ins of model.instructions) {
      if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || ins.stage < 0) continue;
      const hits = copySources(ins).sources.filter((s) => !isRemoteSource(s)).map((s) => ({ source: s, kind: credentialKind(s) })).filter((h) => h.kind !== undefined);
      if (hits.length === 0) continue;
      const shown = hits.map((h) => `${h.source} (${h.kind})`);
      const inFinal = final.has(ins.stage);
      const where = inFinal ? "into a layer of the final image, where anyone who can pull it can read it" : "into a build stage, where it stays in the build cache";
      out.push(
        fail(ins, `${ins.keyword} puts ${quoteList(shown, 3)} ${where}`, {
          key: boundedKey(`${ins.keyword} ${hits.map((h) => h.source).join(" ")}`),
          ...(inFinal ? {} : { severity: "low" as const }),
        }),
      );
    }
    return out;
  },
});
