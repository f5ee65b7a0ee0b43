import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { packageManagerCalls } from "./packages.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

// apt subcommands and what scripts use instead.
const SCRIPTABLE: Record<string, string> = {
  search: "apt-cache search",
  show: "apt-cache show",
  policy: "apt-cache policy",
  list: "dpkg-query -W",
};

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-039",
  title: "apt used in a script instead of apt-get",
  severity: "low",
  description:
    "`apt` is the interactive front end: its command line and output are not promised to stay stable, it warns " +
    "\"apt does not have a stable CLI interface\" when not run from a terminal, and its behaviour follows settings " +
    "meant for people at a terminal (progress bars, colour, changing defaults). Scripts and Dockerfiles should use " +
    "apt-get and apt-cache, whose interfaces are kept stable.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV_DOCKER_9", hadolint: "DL3027" },
  remediation: {
    text: "Replace apt by apt-get (install, update, remove, ...) or apt-cache (search, show, policy).",
    fix: "RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM ubuntu:24.04
RUN apt update && apt install -y --no-install-recommends curl=8.5.0-2ubuntu10.1 && rm -rf /var/lib/apt/lists/*`,
        `FROM debian:12-slim
RUN ["apt", "install", "-y", "--no-install-recommends", "ca-certificates=20230311"]`,
      ],
      good: [
        `FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.1 && rm -rf /var/lib/apt/lists/*`,
        `FROM debian:12-slim
# "apt" as an argument, and apt-cache, are fine
RUN apt-cache policy curl && echo apt > /tmp/installer && apt-mark hold bash`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const calls = packageManagerCalls(ins, ["apt"]);
      if (calls.length === 0) continue;
      const subs = [...new Set(calls.map((c) => `apt ${c.subcommand}`.trim()))];
      const fix = calls.map((c) => SCRIPTABLE[c.subcommand] ?? `apt-get ${c.subcommand}`.trim());
      out.push(fail(ins, `${quoteList(subs)} in a RUN: apt's command line is not stable for scripts; use ${quoteList([...new Set(fix)])}`, { key: boundedKey(subs.join(", ")) }));
    }
    return out;
  },
});
