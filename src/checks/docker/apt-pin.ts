import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { APT, installedPackages, packageManagerCalls } from "./packages.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-008",
  title: "apt-get install without version pins",
  severity: "low",
  description:
    "Packages installed without `name=version` resolve to whatever the mirror has on the day of the build: two " +
    "builds of one Dockerfile differ, a rebuild can silently pick up a broken or malicious update, and the layer " +
    "cache hides which version an image really has. Local .deb files and packages named through variables are not " +
    "judged.",
  appliesTo: "dockerfile.Dockerfile",
  references: { hadolint: "DL3008" },
  remediation: {
    text: "Pin each package to a version (`apt-get install curl=7.88.1-10+deb12u5`), and update the pins deliberately (a dependency bot can do it).",
    fix: "RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n && rm -rf /var/lib/apt/lists/*",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends curl git \\
 && rm -rf /var/lib/apt/lists/*`,
        `FROM ubuntu:24.04
RUN ["/bin/bash", "-c", "apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.1 jq && rm -rf /var/lib/apt/lists/*"]`,
        `# syntax=docker/dockerfile:1
FROM debian:12-slim
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates
rm -rf /var/lib/apt/lists/*
EOF`,
      ],
      good: [
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends \\
      curl=7.88.1-10+deb12u5 \\
      git=1:2.39.2-1.1 \\
 && rm -rf /var/lib/apt/lists/*`,
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends -t bookworm-backports golang-go=2:1.22~3~bpo12+1 \\
 && rm -rf /var/lib/apt/lists/*`,
        `FROM debian:12-slim
COPY vendor/tool_1.2.3_amd64.deb /tmp/
RUN apt-get update \\
 && apt-get install -y --no-install-recommends /tmp/tool_1.2.3_amd64.deb \\
 && rm -rf /var/lib/apt/lists/* /tmp/tool_1.2.3_amd64.deb`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const calls = packageManagerCalls(ins, APT).filter((c) => c.subcommand === "install");
      const unpinned = [...new Set(calls.flatMap((c) => installedPackages(c).filter((p) => !p.includes("="))))];
      if (unpinned.length === 0) continue;
      const tool = calls[0]?.tool ?? "apt-get";
      out.push(
        fail(ins, `${tool} install of ${quoteList(unpinned)} without a version pin`, {
          key: boundedKey(`${tool} install ${[...unpinned].sort().join(" ")}`),
          fix: `${tool} install -y --no-install-recommends ${unpinned.slice(0, 20).map((p) => `${p}=<version>`).join(" ")}`,
        }),
      );
    }
    return out;
  },
});
