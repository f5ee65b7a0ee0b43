import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { earlierStage, expandVariables } from "./util.js";

/** Splits `registry:5000/team/app:1.2` into name and tag; the tag is what follows the last `:` after the last `/`. */
function splitTag(ref: string): { name: string; tag?: string } {
  const colon = ref.lastIndexOf(":");
  return colon > ref.lastIndexOf("/") ? { name: ref.slice(0, colon), tag: ref.slice(colon + 1) } : { name: ref };
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-004",
  title: "Base image not pinned: ':latest' or no tag",
  severity: "medium",
  description:
    "A FROM line without a tag pulls ':latest', and ':latest' moves: two builds of the same Dockerfile can get " +
    "different base images, a compromised or broken upstream push goes straight into the next build, and a scan of " +
    "today's image says nothing about tomorrow's. Pin a version tag, and a digest (@sha256:...) where the build must be " +
    "reproducible. `scratch`, digest-pinned references and references to earlier build stages are fine; variables are " +
    "resolved from the global ARG defaults, and a reference that stays unresolved is not judged.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_7", trivy: "AVD-DS-0001", hadolint: ["DL3006", "DL3007"] },
  remediation: {
    text: "Name an explicit version tag in every FROM, and pin the digest as well for reproducible builds; let a dependency bot propose updates.",
    fix: "FROM python:3.12.4-slim-bookworm@sha256:<digest>",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM ubuntu
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates=20240203`,
        `FROM node:latest AS build
RUN npm ci && npm run build

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html`,
        `ARG BASE_TAG=latest
FROM --platform=linux/amd64 registry.example.com:5000/platform/base:\${BASE_TAG}
USER 10001`,
      ],
      good: [
        `FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.2`,
        `FROM golang:1.22@sha256:0f7695a7c3b1e3b45a0b3d5f4bd6b0d4c0c7e0e1a6d8a2d2f4c5b6a7e8f9a0b1 AS build
RUN go build -o /out/app .

FROM build AS test
RUN go test ./...

FROM scratch
COPY --from=build /out/app /app`,
        `ARG PYTHON_VERSION=3.12
FROM python:\${PYTHON_VERSION}-slim
ARG UNKNOWN_BASE
FROM \${UNKNOWN_BASE}`,
        `FROM registry.example.com:5000/platform/base:2024.06`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const stage of model.stages) {
      // FROM sees only the global ARGs, declared before the first FROM.
      const ref = expandVariables(stage.image, model.args);
      if (!ref || ref.toLowerCase() === "scratch" || ref.includes("@")) continue;
      if (earlierStage(model, ref, stage.index)) continue;
      const { name, tag } = splitTag(ref);
      const fix = `FROM ${name}:<version>@sha256:<digest>`;
      if (tag === undefined) out.push(fail(stage.fromInstruction, `FROM ${ref} has no tag, so it pulls whatever ':latest' is at build time`, { key: `FROM ${ref}`, fix }));
      else if (tag === "latest") out.push(fail(stage.fromInstruction, `FROM ${ref} uses the moving ':latest' tag`, { key: `FROM ${ref}`, fix }));
    }
    return out;
  },
});
