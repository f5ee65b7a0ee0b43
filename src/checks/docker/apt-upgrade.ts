import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { APT, packageManagerCalls } from "./packages.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

const UPGRADES = new Set(["upgrade", "dist-upgrade", "full-upgrade"]);

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-012",
  title: "apt-get upgrade or dist-upgrade in a RUN",
  severity: "low",
  description:
    "Upgrading every package of the base image inside the build makes the result depend on the day of the build, " +
    "can pull in new major versions (dist-upgrade, full-upgrade) that the base image's maintainers never tested, and " +
    "grows the image by a second copy of each upgraded package. Security fixes are better taken by rebuilding on an " +
    "updated, pinned base image, or by upgrading just the affected package to a pinned version.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: "AVD-DS-0024", hadolint: "DL3005" },
  remediation: {
    text: "Remove the blanket upgrade; move to a newer base image tag or digest, or install the specific fixed package version.",
    fix: "FROM debian:12.6-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends --only-upgrade openssl=3.0.13-1~deb12u1 \\\n && rm -rf /var/lib/apt/lists/*",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM ubuntu:22.04
RUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*`,
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get -y upgrade \\
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\
 && rm -rf /var/lib/apt/lists/*`,
        `FROM ubuntu:24.04
RUN apt update && apt full-upgrade -y`,
      ],
      good: [
        `FROM debian:12.6-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends --only-upgrade openssl=3.0.13-1~deb12u1 \\
 && rm -rf /var/lib/apt/lists/*`,
        `FROM debian:12-slim
# "upgrade" is only a word here
RUN echo "run apt-get upgrade on the host, not here" > /etc/motd`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const upgrades = [...new Set(packageManagerCalls(ins, APT).filter((c) => UPGRADES.has(c.subcommand)).map((c) => `${c.tool} ${c.subcommand}`))];
      if (upgrades.length === 0) continue;
      out.push(fail(ins, `${quoteList(upgrades)} upgrades the base image's packages in place, differently on every build`, { key: boundedKey(upgrades.join(", ")) }));
    }
    return out;
  },
});
