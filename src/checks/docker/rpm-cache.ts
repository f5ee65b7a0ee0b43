import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { removesDirectory } from "./packages.js";
import { installs, rpmCalls, type RpmCall } from "./rpm-tools.js";
import { boundedKey, finalImageStages, hasCacheMountAt, instructionsOf } from "./util.js";

const YUM_CACHES = ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"];
const ZYPPER_CACHE = "/var/cache/zypp";

function cleans(call: RpmCall): boolean {
  if (call.tool === "zypper") return call.subcommand === "clean" || call.subcommand === "cc";
  return call.subcommand === "clean" && (call.operands.includes("all") || (call.operands.includes("packages") && call.operands.includes("metadata")));
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-036",
  title: "yum, dnf or zypper install without cleaning the cache",
  severity: "low",
  description:
    "yum, dnf, microdnf and zypper keep repository metadata (and, depending on the configuration, the downloaded " +
    "packages) in /var/cache/yum, /var/cache/dnf or /var/cache/zypp. Unless the same RUN cleans it (`yum clean " +
    "all`, `dnf clean all`, `microdnf clean all`, `zypper clean`), removes the directory or mounts a cache there, " +
    "tens to hundreds of megabytes of stale metadata stay in that layer for good. Only the stages that make the " +
    "final image are checked.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: ["AVD-DS-0015", "AVD-DS-0019", "AVD-DS-0020", "AVD-DS-0027"], hadolint: ["DL3032", "DL3036", "DL3040"] },
  remediation: {
    text: "End the RUN that installs packages with the package manager's clean command (`dnf clean all`, `yum clean all`, `microdnf clean all`, `zypper clean --all`), or use a BuildKit cache mount for the cache directory.",
    fix: "RUN dnf install -y --setopt=install_weak_deps=False nginx-1.24.0 \\\n && dnf clean all",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM rockylinux:9.3
RUN dnf install -y nginx-1.20.1`,
        `FROM centos:7
RUN yum -y install httpd-2.4.6 && yum -y update-minimal --security`,
        `FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl-8.6.0`,
        `FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y shadow-utils-4.9 \\
 && microdnf clean all \\
 && microdnf install -y tar-1.34`,
      ],
      good: [
        `FROM rockylinux:9.3
RUN dnf install -y nginx-1.20.1 && dnf clean all`,
        `FROM centos:7
RUN yum -y install httpd-2.4.6 && rm -rf /var/cache/yum`,
        `# syntax=docker/dockerfile:1
FROM opensuse/leap:15.6
RUN --mount=type=cache,target=/var/cache/zypp zypper --non-interactive install curl-8.6.0`,
        `# only the final stage ships
FROM fedora:40 AS build
RUN dnf install -y gcc-14.1.1
FROM registry.access.redhat.com/ubi9/ubi-micro:9.4
COPY --from=build /usr/bin/gcc /tmp/gcc`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of instructionsOf(finalImageStages(model), "RUN")) {
      const calls = rpmCalls(ins);
      for (const family of ["yum", "zypper"] as const) {
        const mine = calls.filter((c) => (c.tool === "zypper") === (family === "zypper"));
        const lastInstall = mine.map(installs).lastIndexOf(true);
        if (lastInstall < 0 || mine.slice(lastInstall + 1).some(cleans)) continue;
        const caches = family === "zypper" ? [ZYPPER_CACHE] : YUM_CACHES;
        if (caches.some((dir) => removesDirectory(ins, dir) || hasCacheMountAt(ins, dir))) continue;
        const call = mine[lastInstall] as typeof mine[number];
        const clean = call.tool === "zypper" ? "zypper clean --all" : `${call.tool} clean all`;
        out.push(
          fail(ins, `${call.tool} ${call.subcommand} without ${clean} afterwards in the same RUN leaves the package cache in the layer`, {
            key: boundedKey(`${call.tool} ${call.subcommand} no clean ${call.operands.join(" ")}`),
            fix: `${call.command.argv.join(" ")} \\\n && ${clean}`,
          }),
        );
      }
    }
    return out;
  },
});
