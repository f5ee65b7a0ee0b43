import type { DockerfileModel, DockerInstruction } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { FixEdit, Violation } from "../types.js";
import { hasOption, optionValues, parseArgs } from "./args.js";
import { runCommands, type RunCommand } from "./run.js";
import { installs, rpmCalls } from "./rpm-tools.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

const APT_PROMPTS = new Set(["install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "build-dep", "reinstall"]);
const YUM_PROMPTS = new Set(["install", "in", "reinstall", "remove", "erase", "update", "upgrade", "downgrade", "groupinstall", "localinstall", "autoremove", "distro-sync", "group", "module"]);
const ZYPPER_PROMPTS = new Set(["install", "in", "remove", "rm", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si"]);
// Assume-yes configured for every later call: an apt.conf line or yum.conf/dnf.conf assumeyes.
const CONFIGURED = /APT::Get::Assume-Yes\s*"?(?:true|1)"?|^\s*assumeyes\s*=\s*(?:1|true|yes)/im;

function aptAnswersYes(cmd: RunCommand): boolean {
  const args = parseArgs(cmd.argv.slice(1), { short: "oct", long: new Set(["--option", "--config-file", "--target-release"]) });
  if (hasOption(args, "-y", "--yes", "--assume-yes")) return true;
  // Quiet level 2 implies -y.
  if (args.options.filter((o) => o.name === "-q").length >= 2 || optionValues(args, "-q", "--quiet").includes("2")) return true;
  return optionValues(args, "-o", "--option").some((v) => /^APT::Get::Assume-Yes=(?:true|1)$/i.test(v));
}

/** Commands in the RUN that would stop at a confirmation prompt, as `tool subcommand`. */
function prompting(ins: DockerInstruction): { label: string; cmd: RunCommand }[] {
  const out: { label: string; cmd: RunCommand }[] = [];
  for (const cmd of runCommands(ins)) {
    if (cmd.name !== "apt-get" && cmd.name !== "apt") continue;
    const sub = parseArgs(cmd.argv.slice(1), { short: "oct", long: new Set(["--option", "--config-file", "--target-release"]) }).operands[0] ?? "";
    if (APT_PROMPTS.has(sub) && !aptAnswersYes(cmd)) out.push({ label: `${cmd.name} ${sub}`, cmd });
  }
  for (const call of rpmCalls(ins)) {
    if (call.tool === "microdnf") continue;
    if (call.tool === "zypper") {
      if (ZYPPER_PROMPTS.has(call.subcommand) && !hasOption(call.args, "-n", "--non-interactive", "-y", "--no-confirm")) out.push({ label: `zypper ${call.subcommand}`, cmd: call.command });
    } else if ((YUM_PROMPTS.has(call.subcommand) || installs(call)) && !hasOption(call.args, "-y", "--assumeyes")) {
      out.push({ label: `${call.tool} ${call.subcommand}`, cmd: call.command });
    }
  }
  return out;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-038",
  title: "Package manager may stop at a confirmation prompt",
  severity: "low",
  description:
    "apt-get asks for confirmation before installing more than the named packages (their dependencies) or removing " +
    "any; yum, dnf and zypper ask before every transaction. A build has no terminal to answer: the tool reads " +
    "end-of-input and aborts, so the build fails (with apt-get, on the day a dependency appears). `-y` (apt-get, " +
    "yum, dnf), `-n`/`--non-interactive` (zypper), `-qq`, or an `APT::Get::Assume-Yes` / `assumeyes=1` setting " +
    "written earlier in the Dockerfile answer it.",
  appliesTo: "dockerfile.Dockerfile",
  references: { trivy: "AVD-DS-0021", hadolint: ["DL3014", "DL3030", "DL3034", "DL3038"] },
  remediation: {
    text: "Add -y to apt-get, yum and dnf (zypper: --non-interactive before the subcommand).",
    fix: "RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*`,
        `FROM rockylinux:9.3
RUN dnf install nginx-1.20.1 && dnf clean all`,
        `FROM centos:7
RUN yum install httpd-2.4.6 && yum clean all`,
        `FROM opensuse/leap:15.6
RUN zypper install curl-8.6.0 && zypper clean --all`,
      ],
      good: [
        `FROM debian:12-slim
RUN apt-get update && apt-get -qq install --no-install-recommends curl=7.88.1-10+deb12u5 && apt-get install --yes jq=1.6-2.1 && rm -rf /var/lib/apt/lists/*`,
        `FROM rockylinux:9.3
RUN dnf install -y nginx-1.20.1 && yum --assumeyes install tar-1.34 && dnf clean all`,
        `FROM opensuse/leap:15.6
RUN zypper -n install curl-8.6.0 && zypper --non-interactive clean --all`,
        `FROM debian:12-slim
RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes
RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    let configured = false;
    for (const ins of runInstructions(model)) {
      if (runCommands(ins).some((c) => (c.name === "echo" || c.name === "printf") && c.argv.some((a) => CONFIGURED.test(a)))) configured = true;
      if (configured) continue;
      const found = prompting(ins);
      const first = found[0];
      if (!first) continue;
      const labels = [...new Set(found.map((f) => f.label))];
      const single = found.length === 1 && !ins.exec && first.cmd.argv[1] !== undefined && !first.cmd.argv[1].startsWith("-");
      const anchor = `${first.cmd.argv[0]} ${first.cmd.argv[1]}`;
      const flag = first.cmd.name === "zypper" ? "--non-interactive" : "-y";
      const edits: FixEdit[] = single && first.cmd.name !== "zypper" ? [{ kind: "insert-after", range: ins.range, anchor, text: ` ${flag}` }] : [];
      out.push(
        fail(ins, `${quoteList(labels)} without ${found.every((f) => f.cmd.name === "zypper") ? "--non-interactive" : "-y"} aborts the build whenever it asks for confirmation`, {
          key: boundedKey(`no -y ${labels.join(", ")}`),
          ...(edits.length > 0 ? { edits } : {}),
        }),
      );
    }
    return out;
  },
});
