import type { DockerfileModel, DockerInstruction } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { expandVariables, mounts } from "./util.js";

/** The `--from=` of a COPY and the `from=` of RUN --mount options: the stages or images an instruction reads. */
function fromReferences(ins: DockerInstruction): string[] {
  if (ins.keyword === "COPY") return ins.flags.filter((f) => f.startsWith("--from=")).map((f) => f.slice("--from=".length));
  if (ins.keyword === "RUN") return mounts(ins).flatMap((m) => (m.get("from") ? [m.get("from") as string] : []));
  return [];
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] as number;
}

interface Problem {
  message: string;
  /** The build fails on it: worth fixing, but nothing unexpected gets in. */
  fatal: boolean;
}

/** Stage indexes by lower-cased name, in file order. */
type StageIndex = ReadonlyMap<string, readonly number[]>;

function indexStages(model: DockerfileModel): StageIndex {
  const byName = new Map<string, number[]>();
  for (const s of model.stages) {
    if (s.name === undefined) continue;
    const key = s.name.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(s.index);
    else byName.set(key, [s.index]);
  }
  return byName;
}

// Stage names compared for a "did you mean": enough for real files, bounded for hostile ones.
const MAX_SUGGESTIONS = 200;

function judge(model: DockerfileModel, stages: StageIndex, ins: DockerInstruction, ref: string): Problem | undefined {
  const current = ins.stage;
  const flag = ins.keyword === "RUN" ? `--mount from=${ref}` : `--from=${ref}`;
  if (/^\d+$/.test(ref)) {
    const index = Number(ref);
    if (index === current) return { message: `${flag} names the stage it is in: a stage cannot copy from itself`, fatal: true };
    if (index >= model.stages.length) return { message: `${flag}: the Dockerfile has only ${model.stages.length} stage(s), numbered from 0`, fatal: true };
    return undefined;
  }
  const wanted = ref.toLowerCase();
  const named = stages.get(wanted) ?? [];
  if (named.some((i) => i < current)) return undefined;
  if (named.includes(current)) return { message: `${flag} names the stage it is in: a stage cannot copy from itself`, fatal: true };
  // Named only by a later stage: whether that works depends on the builder; not judged.
  if (named.length > 0) return undefined;
  if (!/[/:@.]/.test(ref)) {
    const near = model.stages.slice(0, Math.min(current, MAX_SUGGESTIONS)).find((s) => s.name !== undefined && s.name.length < 64 && editDistance(s.name.toLowerCase(), wanted.slice(0, 64)) <= 2);
    const hint = near ? ` (did you mean stage ${near.name}?)` : "";
    return { message: `${flag} matches no stage, so the build pulls the image docker.io/library/${ref}:latest instead${hint}`, fatal: false };
  }
  const lastSlash = ref.lastIndexOf("/");
  const colon = ref.lastIndexOf(":");
  const tag = colon > lastSlash ? ref.slice(colon + 1) : undefined;
  if (ref.includes("@")) return undefined;
  if (tag === undefined || tag === "latest") return { message: `${flag} pulls an image at the moving ':latest' tag`, fatal: false };
  return undefined;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-030",
  title: "COPY --from names no earlier stage",
  severity: "medium",
  description:
    "`COPY --from` (and `RUN --mount=from=`) takes a stage name, a stage number or an image reference. A name that " +
    "matches no stage, typically a misspelt one, is silently read as an image on Docker Hub: the build pulls " +
    "`library/<name>:latest`, or whatever anyone publishes under that name, and copies files out of it. An image " +
    "reference without a tag or digest floats the same way. A stage copying from itself, or a stage number that " +
    "does not exist, fails the build (reported as low). Variables are resolved from the global ARGs; unresolved " +
    "references are not judged.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: "AVD-DS-0006", hadolint: ["DL3022", "DL3023"] },
  remediation: {
    text: "Name a stage defined earlier in the file (`FROM ... AS build`, then `COPY --from=build`), or pin an external image with a tag and digest.",
    fix: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM golang:1.22 AS builder
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app`,
        `FROM node:20.11-alpine AS web
COPY --from=web /app/dist /usr/share/nginx/html`,
        `FROM alpine:3.20
COPY --from=ghcr.io/example/tools /usr/local/bin/tool /usr/local/bin/tool`,
        `# syntax=docker/dockerfile:1
FROM golang:1.22 AS deps
RUN go mod download
FROM golang:1.22
RUN --mount=type=bind,from=dep,source=/go/pkg,target=/go/pkg go build ./...`,
        `FROM alpine:3.20
COPY --from=2 /etc/passwd /tmp/`,
      ],
      good: [
        `FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
COPY --from=0 /etc/ssl/certs /etc/ssl/certs`,
        `FROM alpine:3.20
COPY --from=ghcr.io/example/tools:1.4.2 /usr/local/bin/tool /usr/local/bin/tool
COPY --from=docker.io/library/busybox@sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7 /bin/busybox /bin/`,
        `ARG TOOLS_IMAGE=ghcr.io/example/tools:1.4.2
FROM alpine:3.20
COPY --from=\${TOOLS_IMAGE} /usr/local/bin/tool /usr/local/bin/tool
COPY --from=\${UNSET_IMAGE} /x /x`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    const stages = indexStages(model);
    for (const ins of model.instructions) {
      if (ins.stage < 0) continue;
      for (const raw of fromReferences(ins)) {
        const ref = expandVariables(raw, model.args);
        if (ref === undefined || ref === "") continue;
        const problem = judge(model, stages, ins, ref);
        if (!problem) continue;
        out.push(fail(ins, `${ins.keyword} ${problem.message}`, { key: `${ins.keyword} from ${ref}`, ...(problem.fatal ? { severity: "low" as const } : {}) }));
      }
    }
    return out;
  },
});
