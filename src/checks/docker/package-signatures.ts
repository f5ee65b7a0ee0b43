import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { maskedSnippet, optionValues, parseArgs } from "./args.js";
import { runCommands, type RunCommand } from "./run.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

const APT_OPTIONS = new Set(["--allow-unauthenticated", "--allow-insecure-repositories", "--force-yes"]);
// `-o Key=value` settings of apt that accept unsigned packages or repositories.
const APT_SETTING = /^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|APT::Get::Force-Yes)\s*=\s*"?(?:true|1|yes)"?$/i;
const RPM_TOOLS = new Set(["yum", "dnf", "dnf5", "microdnf", "tdnf"]);
const RPM_OPTIONS = new Set(["--nosignature", "--nodigest", "--nofiledigest", "--nogpgcheck"]);
// Repository configuration written by the build: `deb [trusted=yes] ...`, `gpgcheck=0`.
const TRUSTED_SOURCE = /\[[^\]]*\btrusted=yes\b[^\]]*\]/i;
const NO_GPGCHECK = /(?:^|[\s;/]|\\[nt])(?:repo_)?gpgcheck\s*=\s*0\b/im;
const WRITERS = new Set(["echo", "printf", "tee", "sed", "cat"]);

/** What in the command turns signature checks off. */
function unsigned(cmd: RunCommand): string[] {
  const args = cmd.argv.slice(1);
  const found: string[] = [];
  if (cmd.name === "apt-get" || cmd.name === "apt") {
    for (const a of args) if (APT_OPTIONS.has(a)) found.push(`${cmd.name} ${a}`);
    const parsed = parseArgs(args, { short: "oct", long: new Set(["--option"]) });
    if (optionValues(parsed, "-o", "--option").some((v) => APT_SETTING.test(v))) found.push(`${cmd.name} -o ${optionValues(parsed, "-o", "--option").find((v) => APT_SETTING.test(v))}`);
  } else if (cmd.name === "apk") {
    if (args.includes("--allow-untrusted")) found.push("apk --allow-untrusted");
  } else if (RPM_TOOLS.has(cmd.name)) {
    if (args.includes("--nogpgcheck")) found.push(`${cmd.name} --nogpgcheck`);
    const parsed = parseArgs(args, { long: new Set(["--setopt"]) });
    if (optionValues(parsed, "--setopt").some((v) => /(?:^|\.)(?:local)?(?:pkg_)?gpgcheck=(?:0|false|no)$/i.test(v))) found.push(`${cmd.name} --setopt=gpgcheck=0`);
  } else if (cmd.name === "rpm") {
    for (const a of args) if (RPM_OPTIONS.has(a)) found.push(`rpm ${a}`);
  } else if (cmd.name === "zypper") {
    if (args.includes("--no-gpg-checks")) found.push("zypper --no-gpg-checks");
  } else if (WRITERS.has(cmd.name)) {
    if (args.some((a) => TRUSTED_SOURCE.test(a))) found.push("an apt source marked [trusted=yes]");
    if (args.some((a) => NO_GPGCHECK.test(a))) found.push("a repository with gpgcheck=0");
  }
  return found;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-024",
  title: "Package signature checks turned off",
  severity: "high",
  description:
    "Package managers verify that packages and repository metadata are signed by the distribution or vendor key; " +
    "that signature, not the transport, is what makes a mirror trustworthy. `apt-get --allow-unauthenticated`, " +
    "`--allow-insecure-repositories` or `--force-yes`, `deb [trusted=yes]` sources, `apk add --allow-untrusted`, " +
    "`yum`/`dnf --nogpgcheck`, `gpgcheck=0` repositories, `rpm --nosignature`/`--nodigest` and `zypper " +
    "--no-gpg-checks` install whatever the mirror (or anyone between it and the build) serves.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: ["CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11"] },
  compliance: [{ framework: "cis-docker-1.6", control: "4.11" }],
  remediation: {
    text: "Keep signature checks on: import the repository's signing key (a keyring file referenced with signed-by= for apt, rpm --import or gpgkey= for yum/dnf, /etc/apk/keys for apk) and install from the signed repository.",
    fix: 'COPY vendor-archive-keyring.gpg /usr/share/keyrings/\nRUN echo "deb [signed-by=/usr/share/keyrings/vendor-archive-keyring.gpg] https://apt.vendor.example stable main" > /etc/apt/sources.list.d/vendor.list \\\n && apt-get update && apt-get install -y --no-install-recommends vendor-agent=2.1.0 && rm -rf /var/lib/apt/lists/*',
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN apt-get update \\
 && apt-get install -y --allow-unauthenticated --no-install-recommends vendor-agent=2.1.0 \\
 && rm -rf /var/lib/apt/lists/*`,
        `FROM debian:12-slim
RUN echo "deb [trusted=yes] http://apt.vendor.example stable main" > /etc/apt/sources.list.d/vendor.list`,
        `FROM alpine:3.20
COPY vendor-agent-2.1.0.apk /tmp/
RUN apk add --no-cache --allow-untrusted /tmp/vendor-agent-2.1.0.apk`,
        `FROM rockylinux:9.3
RUN dnf install -y --nogpgcheck https://rpm.vendor.example/vendor-agent-2.1.0.x86_64.rpm && dnf clean all`,
        `FROM centos:7
RUN rpm -ivh --nosignature /tmp/vendor-agent-2.1.0.x86_64.rpm`,
        `FROM rockylinux:9.3
RUN printf '[vendor]\\nbaseurl=https://rpm.vendor.example/el9\\ngpgcheck=0\\n' > /etc/yum.repos.d/vendor.repo`,
        `FROM ubuntu:24.04
RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y --no-install-recommends vendor-agent=2.1.0`,
      ],
      good: [
        `FROM debian:12-slim
COPY vendor-archive-keyring.gpg /usr/share/keyrings/
RUN echo "deb [signed-by=/usr/share/keyrings/vendor-archive-keyring.gpg] https://apt.vendor.example stable main" > /etc/apt/sources.list.d/vendor.list \\
 && apt-get update && apt-get install -y --no-install-recommends vendor-agent=2.1.0 && rm -rf /var/lib/apt/lists/*`,
        `FROM rockylinux:9.3
RUN rpm --import https://rpm.vendor.example/RPM-GPG-KEY-vendor \\
 && printf '[vendor]\\nbaseurl=https://rpm.vendor.example/el9\\ngpgcheck=1\\n' > /etc/yum.repos.d/vendor.repo \\
 && dnf install -y vendor-agent-2.1.0 && dnf clean all`,
        `FROM alpine:3.20
COPY vendor.rsa.pub /etc/apk/keys/
RUN apk add --no-cache vendor-agent=2.1.0-r0`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const found = [...new Set(runCommands(ins).flatMap(unsigned))];
      if (found.length === 0) continue;
      out.push(fail(ins, `${quoteList(found, 3)} installs packages without checking their signatures`, { key: boundedKey(found.join(", ")), ...maskedSnippet(ins) }));
    }
    return out;
  },
});
