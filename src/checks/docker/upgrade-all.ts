import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { packageManagerCalls } from "./packages.js";
import { rpmCalls } from "./rpm-tools.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

// Subcommands that upgrade every installed package when no package is named.
const YUM_UPGRADES = new Set(["update", "upgrade", "upgrade-minimal", "update-minimal", "distro-sync", "dsync"]);
const ZYPPER_UPGRADES = new Set(["update", "up"]);
// zypper subcommands that upgrade the whole system whatever else is given.
const ZYPPER_SYSTEM = new Set(["dist-upgrade", "dup", "patch"]);

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-037",
  title: "Blanket upgrade with apk, yum, dnf or zypper",
  severity: "low",
  description:
    "`apk upgrade`, `yum update` / `dnf upgrade` without package names, `zypper update`, `zypper patch` and `zypper " +
    "dist-upgrade` upgrade every package of the base image inside the build. The result depends on the day of the " +
    "build, can bring in versions the base image's maintainers never tested together, and adds a second copy of each " +
    "upgraded package to the image. Upgrading named packages is fine. apt-get is MAM-DF-012.",
  appliesTo: "dockerfile.Dockerfile",
  references: { hadolint: ["DL3017", "DL3035"] },
  remediation: {
    text: "Remove the blanket upgrade; rebuild on a newer, pinned base image to take its fixes, or upgrade only the affected package to a pinned version.",
    fix: "FROM alpine:3.20.1\nRUN apk add --no-cache --upgrade openssl=3.3.1-r0",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM alpine:3.20
RUN apk upgrade --no-cache && apk add --no-cache curl=8.9.1-r1`,
        `FROM rockylinux:9.3
RUN dnf -y upgrade && dnf clean all`,
        `FROM centos:7
RUN yum update -y && yum clean all`,
        `FROM opensuse/leap:15.6
RUN zypper --non-interactive dist-upgrade && zypper clean --all`,
      ],
      good: [
        `FROM alpine:3.20
RUN apk add --no-cache --upgrade openssl=3.3.1-r0`,
        `FROM rockylinux:9.3
RUN dnf -y upgrade openssl-3.0.7 && dnf clean all`,
        `FROM opensuse/leap:15.6
RUN zypper --non-interactive update curl-8.6.0 && zypper clean --all`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const found: string[] = [];
      for (const c of packageManagerCalls(ins, ["apk"])) if (c.subcommand === "upgrade" && c.operands.length === 0) found.push("apk upgrade");
      for (const c of rpmCalls(ins)) {
        if (c.tool === "zypper") {
          if (ZYPPER_SYSTEM.has(c.subcommand) || (ZYPPER_UPGRADES.has(c.subcommand) && c.operands.length === 0)) found.push(`zypper ${c.subcommand}`);
        } else if (YUM_UPGRADES.has(c.subcommand) && c.operands.length === 0) found.push(`${c.tool} ${c.subcommand}`);
      }
      const unique = [...new Set(found)];
      if (unique.length === 0) continue;
      out.push(fail(ins, `${quoteList(unique)} upgrades every package of the base image, differently on every build`, { key: boundedKey(unique.join(", ")) }));
    }
    return out;
  },
});
