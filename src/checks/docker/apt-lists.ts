import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { APT, packageManagerCalls, removesDirectory } from "./packages.js";
import { finalImageStages, hasCacheMountAt, instructionKey, instructionsOf } from "./util.js";

const LISTS = "/var/lib/apt/lists";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-010",
  title: "apt package lists left in the image",
  severity: "low",
  description:
    "`apt-get update` downloads the package index into /var/lib/apt/lists; unless the same RUN removes it, tens of " +
    "megabytes of stale index stay in that layer for good (a later RUN cannot shrink an earlier layer), and the " +
    "stale index invites later installs of outdated versions. A cache mount on the lists directory keeps them out of " +
    "the image and counts as clean. Only the stages that make the final image are checked.",
  appliesTo: "dockerfile.Dockerfile",
  references: { hadolint: "DL3009" },
  remediation: {
    text: "End every RUN that calls apt-get update with `rm -rf /var/lib/apt/lists/*`, or use a BuildKit cache mount for /var/lib/apt/lists.",
    fix: "RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n && rm -rf /var/lib/apt/lists/*",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5`,
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5
# too late: the lists are already in the previous layer
RUN rm -rf /var/lib/apt/lists/*`,
      ],
      good: [
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\
 && apt-get clean \\
 && rm -rf /var/lib/apt/lists/*`,
        `# syntax=docker/dockerfile:1
FROM debian:12-slim
RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\
    --mount=type=cache,target=/var/cache/apt,sharing=locked \\
    apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5`,
        `# a build stage does not ship
FROM debian:12 AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /usr/bin/gcc /tmp/`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of instructionsOf(finalImageStages(model), "RUN")) {
      if (!packageManagerCalls(ins, APT).some((c) => c.subcommand === "update")) continue;
      if (removesDirectory(ins, LISTS) || hasCacheMountAt(ins, LISTS)) continue;
      const plain = !ins.exec && !ins.args.includes("\n");
      out.push(
        fail(ins, `apt-get update without removing ${LISTS} in the same RUN leaves the package index in the layer`, {
          key: instructionKey(ins),
          ...(plain ? { fix: `RUN ${ins.args} \\\n && rm -rf ${LISTS}/*` } : {}),
        }),
      );
    }
    return out;
  },
});
