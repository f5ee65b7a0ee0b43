import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { installedPackages, packageManagerCalls, removesDirectory } from "./packages.js";
import { boundedKey, finalImageStages, hasCacheMountAt, instructionsOf, quoteList } from "./util.js";

const CACHE = "/var/cache/apk";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-017",
  title: "apk add without --no-cache",
  severity: "low",
  description:
    "Without --no-cache, apk keeps the downloaded package index (and with `--update`, a fresh copy of it) in " +
    "/var/cache/apk, where it stays in the layer: a larger image carrying a stale index. A RUN that removes " +
    "/var/cache/apk itself or uses a cache mount there is fine. Only the stages that make the final image are checked.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: "AVD-DS-0025", hadolint: "DL3019" },
  remediation: { text: "Use `apk add --no-cache`, which fetches the index into memory and keeps nothing.", fix: "RUN apk add --no-cache curl=8.9.1-r1" },
  examples: {
    dockerfile: {
      bad: [
        `FROM alpine:3.20
RUN apk add curl=8.9.1-r1 ca-certificates=20240705-r0`,
        `FROM python:3.12-alpine
RUN apk --update add --virtual .build-deps gcc=13.2.1_git20240309-r0 musl-dev=1.2.5-r0 \\
 && pip install --no-cache-dir psycopg2==2.9.9 \\
 && apk del .build-deps`,
      ],
      good: [
        `FROM alpine:3.20
RUN apk add --no-cache curl=8.9.1-r1 ca-certificates=20240705-r0`,
        `# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r1`,
        `FROM alpine:3.20
RUN apk update && apk add curl=8.9.1-r1 && rm -rf /var/cache/apk/*`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of instructionsOf(finalImageStages(model), "RUN")) {
      if (hasCacheMountAt(ins, CACHE) || removesDirectory(ins, CACHE)) continue;
      const calls = packageManagerCalls(ins, ["apk"]).filter((c) => c.subcommand === "add" && !c.options.includes("--no-cache"));
      const first = calls[0];
      if (!first) continue;
      const packages = [...new Set(calls.flatMap(installedPackages))];
      out.push(
        fail(ins, `apk add of ${quoteList(packages) || "packages"} without --no-cache leaves the package index in the image`, {
          key: boundedKey(`apk add ${[...packages].sort().join(" ")}`),
          fix: `apk add --no-cache ${first.command.argv.slice(1).filter((a) => a !== "add" && a !== "--update" && a !== "-U").join(" ")}`,
          ...(calls.length === 1 && first.command.argv[1] === "add" ? { edits: [{ kind: "insert-after", range: ins.range, anchor: "apk add", text: " --no-cache" }] } : {}),
        }),
      );
    }
    return out;
  },
});
