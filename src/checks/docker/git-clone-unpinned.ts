import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { maskedSnippet, maskUrlCredentials, optionValues, parseArgs } from "./args.js";
import { runCommands, type RunCommand } from "./run.js";
import { boundedKey, runInstructions } from "./util.js";

// Branch names that by convention move with every push.
const MOVING = new Set(["main", "master", "develop", "development", "dev", "trunk", "head", "default", "stable", "latest", "nightly", "next"]);
const GLOBAL_WITH_VALUE = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env"]);
const CLONE_LONG = new Set([
  "--branch", "--origin", "--config", "--depth", "--reference", "--reference-if-able", "--separate-git-dir", "--upload-pack",
  "--jobs", "--filter", "--shallow-since", "--shallow-exclude", "--template", "--server-option", "--bundle-uri", "--revision",
]);

/** The git subcommand and its arguments, past git's own options (`git -C /src checkout v1`). */
function gitSubcommand(cmd: RunCommand): { sub: string; args: string[] } | undefined {
  if (cmd.name !== "git") return undefined;
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith("-")) return { sub: a, args: argv.slice(i + 1) };
  }
  return undefined;
}

/** Whether a later git command fixes the working tree to a named revision (checkout, switch --detach, reset --hard). */
function pinsLater(sub: string, args: readonly string[]): boolean {
  if (sub !== "checkout" && sub !== "switch" && sub !== "reset") return false;
  if (sub === "reset" && !args.includes("--hard")) return false;
  const target = parseArgs(args, { short: "bB" }).operands[0];
  // A target given by a variable is a deliberate choice this file cannot judge: counted as pinned.
  return target !== undefined && target !== "-" && !MOVING.has(target.toLowerCase());
}

interface Clone {
  url: string;
  /** The ref given with --branch or --revision, if any. */
  ref?: string;
}

function unpinnedClones(cmds: readonly RunCommand[]): Clone[] {
  const out: Clone[] = [];
  // The last git command that fixes the tree to a revision: clones before it count as pinned.
  let lastPin = -1;
  cmds.forEach((cmd, i) => {
    const git = gitSubcommand(cmd);
    if (git && pinsLater(git.sub, git.args)) lastPin = i;
  });
  cmds.forEach((cmd, i) => {
    const git = gitSubcommand(cmd);
    if (git?.sub !== "clone") return;
    const parsed = parseArgs(git.args, { short: "bocju", long: CLONE_LONG });
    const url = parsed.operands[0] ?? "";
    if (url === "" || url.includes("$")) return;
    const ref = optionValues(parsed, "-b", "--branch", "--revision")[0];
    if (ref !== undefined && (ref.includes("$") || !MOVING.has(ref.toLowerCase()))) return;
    if (lastPin > i) return;
    out.push({ url: maskUrlCredentials(url), ...(ref !== undefined ? { ref } : {}) });
  });
  return out;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-032",
  title: "git clone of a moving branch",
  severity: "medium",
  description:
    "`git clone` without `--branch`, or with a branch such as main or master, builds whatever was last pushed there: " +
    "two builds of the same Dockerfile differ, a bad or malicious push goes straight into the next image, and the " +
    "image does not say which commit it holds. A clone of a tag or a specific commit (`--branch v1.4.2`, `--revision`, " +
    "or a later `git checkout <commit>` / `git reset --hard <commit>` in the same RUN) is fine; refs given by " +
    "variables are not judged.",
  appliesTo: "dockerfile.Dockerfile",
  remediation: {
    text: "Clone a release tag, and for full reproducibility check out the commit it should point to, so a moved tag fails the build instead of changing it.",
    fix: "RUN git clone --depth 1 --branch v1.4.2 https://github.com/example/tools.git /src/tools \\\n && git -C /src/tools checkout <commit sha of v1.4.2>",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM golang:1.22
RUN git clone https://github.com/example/tools.git /src/tools \\
 && cd /src/tools && go build -o /usr/local/bin/tools .`,
        `FROM python:3.12-slim
RUN git clone --depth 1 --branch main https://github.com/example/lib.git /opt/lib`,
        `FROM alpine:3.20
RUN ["git", "clone", "-b", "master", "https://git.corp.example/platform/config.git", "/etc/platform"]`,
        `FROM node:20.11-alpine
RUN git clone https://github.com/example/ui.git /app && git -C /app checkout main`,
      ],
      good: [
        `FROM golang:1.22
RUN git clone --depth 1 --branch v1.4.2 https://github.com/example/tools.git /src/tools`,
        `FROM golang:1.22
RUN git clone https://github.com/example/tools.git /src/tools \\
 && git -C /src/tools checkout 3f2c1a9d8e7b6a5c4d3e2f1a0b9c8d7e6f5a4b3c`,
        `FROM python:3.12-slim
ARG LIB_REF
RUN git clone --branch "\${LIB_REF}" https://github.com/example/lib.git /opt/lib`,
        `FROM debian:12-slim
RUN git clone https://github.com/example/lib.git /opt/lib && cd /opt/lib && git reset --hard v2.0.1`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const clones = unpinnedClones(runCommands(ins));
      const first = clones[0];
      if (!first) continue;
      const what = first.ref !== undefined ? `the moving branch ${first.ref} of ${first.url}` : `${first.url} at its default branch`;
      const more = clones.length > 1 ? ` (and ${clones.length - 1} more clone${clones.length > 2 ? "s" : ""})` : "";
      out.push(fail(ins, `git clone of ${what}${more} builds whatever was last pushed there`, { key: boundedKey(`git clone ${clones.map((c) => `${c.url}#${c.ref ?? ""}`).join(" ")}`), ...maskedSnippet(ins) }));
    }
    return out;
  },
});
