import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { APT, installedPackages, packageManagerCalls, type PackageManagerCall } from "./packages.js";
import { boundedKey, finalImageStages, instructionsOf, quoteList } from "./util.js";

const OFF = /APT::Install-Recommends\s*=?\s*"?(?:false|0)"?/i;

function disablesRecommends(call: PackageManagerCall): boolean {
  return call.options.includes("--no-install-recommends") || call.options.some((o) => OFF.test(o));
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-009",
  title: "apt-get install without --no-install-recommends",
  severity: "low",
  description:
    "By default apt also installs every package the requested ones merely recommend: often dozens of packages the " +
    "image never uses, each one more thing to patch and more code an attacker can use. Only the stages that make the " +
    "final image are checked; a RUN that turns recommends off in the apt configuration (APT::Install-Recommends " +
    "\"false\") counts for the whole file.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: "AVD-DS-0029", hadolint: "DL3015" },
  compliance: [{ framework: "cis-docker-1.6", control: "4.3" }],
  remediation: {
    text: "Add --no-install-recommends to apt-get install, and name the packages the image really needs.",
    fix: "RUN apt-get update \\\n && apt-get install -y --no-install-recommends ca-certificates=20230311 \\\n && rm -rf /var/lib/apt/lists/*",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y python3=3.11.2-1+b1 \\
 && rm -rf /var/lib/apt/lists/*`,
        `FROM ubuntu:24.04
RUN apt-get update && apt-get -y install \\
      # tools the entrypoint needs
      curl=8.5.0-2ubuntu10.1 tini=0.19.0-1 \\
 && rm -rf /var/lib/apt/lists/*`,
      ],
      good: [
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends python3=3.11.2-1+b1 \\
 && rm -rf /var/lib/apt/lists/*`,
        `# only the final stage ships
FROM debian:12 AS build
RUN apt-get update && apt-get install -y build-essential=12.9 && rm -rf /var/lib/apt/lists/*

FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libssl3=3.0.13-1~deb12u1 && rm -rf /var/lib/apt/lists/*`,
        `FROM debian:12-slim
RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99-no-recommends
RUN apt-get update && apt-get install -y libssl3=3.0.13-1~deb12u1 && rm -rf /var/lib/apt/lists/*`,
        `FROM ubuntu:24.04
RUN apt-get update \\
 && apt-get install -y -o APT::Install-Recommends=false curl=8.5.0-2ubuntu10.1 \\
 && rm -rf /var/lib/apt/lists/*`,
      ],
    },
  },
  evaluate(model) {
    if (model.instructions.some((i) => i.keyword === "RUN" && OFF.test(i.args))) return undefined;
    const out: Violation[] = [];
    for (const ins of instructionsOf(finalImageStages(model), "RUN")) {
      const calls = packageManagerCalls(ins, APT).filter((c) => c.subcommand === "install" && !disablesRecommends(c));
      const first = calls[0];
      if (!first) continue;
      const packages = [...new Set(calls.flatMap(installedPackages))];
      const what = packages.length > 0 ? ` of ${quoteList(packages)}` : "";
      out.push(
        fail(ins, `${first.tool} install${what} without --no-install-recommends also installs recommended packages`, {
          key: boundedKey(`${first.tool} install ${[...packages].sort().join(" ")}`),
          fix: `${first.tool} install --no-install-recommends ${first.command.argv.slice(1).filter((a) => a !== "install").join(" ")}`,
          ...(calls.length === 1 && first.command.argv[1] === "install"
            ? { edits: [{ kind: "insert-after", range: ins.range, anchor: `${first.tool} install`, text: " --no-install-recommends" }] }
            : {}),
        }),
      );
    }
    return out;
  },
});
