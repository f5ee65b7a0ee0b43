import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { runCommands, shellInvocation, type RunCommand } from "./run.js";
import { runInstructions } from "./util.js";

const DOWNLOADERS = new Set(["curl", "wget"]);

function urlOf(cmd: RunCommand): string | undefined {
  return cmd.argv.find((a) => /^(?:https?|ftp):\/\//i.test(a)) ?? cmd.argv.find((a) => /^[\w.-]+\.[a-z]{2,}\//i.test(a));
}

/** The download whose output a shell runs: piped into it, or given through a substitution. */
function remoteScriptOf(cmd: RunCommand): RunCommand | undefined {
  const shell = shellInvocation(cmd.argv);
  if (!shell) return undefined;
  if (shell.readsStdin) {
    const upstream = cmd.pipeline.slice(0, cmd.position).find((c) => DOWNLOADERS.has(c.name));
    if (upstream) return upstream;
  }
  return cmd.inner.find((c) => DOWNLOADERS.has(c.name));
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-013",
  title: "Downloaded script piped into a shell",
  severity: "high",
  description:
    "`curl ... | sh`, `wget -O- ... | bash`, `sh -c \"$(curl ...)\"` and `bash <(curl ...)` run whatever the server " +
    "returns at build time, with the build's privileges, and nothing records what that was. A compromised server, " +
    "CDN or DNS answer, or a truncated download, goes straight into the image. Download to a file, verify a pinned " +
    "checksum or signature, then run it, or install the software from a package repository with signed metadata.",
  appliesTo: "dockerfile.Dockerfile",
  compliance: [{ framework: "cis-docker-1.6", control: "4.11" }],
  remediation: {
    text: "Download the script to a file, check it against a pinned SHA-256 (or its signature), and only then run it; better, install the tool from a signed package repository or a pinned release artefact.",
    fix: 'RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "<sha256>  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh \\\n && rm /tmp/install.sh',
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -`,
        `FROM alpine:3.20
RUN wget -qO- https://get.example.com/install.sh \\
      | sudo -E sh -s -- --version 1.4.2`,
        `FROM ubuntu:24.04
RUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"`,
        `FROM ubuntu:24.04
RUN ["/bin/bash", "-o", "pipefail", "-c", "curl -sSf https://sh.rustup.rs | sh -s -- -y"]`,
        `FROM ubuntu:24.04
RUN bash <(curl -fsSL https://get.example.com/setup.sh)`,
      ],
      good: [
        `FROM debian:12-slim
ARG INSTALLER_SHA256
RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \\
 && echo "\${INSTALLER_SHA256}  /tmp/install.sh" | sha256sum -c - \\
 && sh /tmp/install.sh \\
 && rm /tmp/install.sh`,
        `FROM alpine:3.20
# piping a download into tar or a checksum tool is fine
RUN curl -fsSL https://example.com/tool-1.4.2.tar.gz | tar -xz -C /usr/local/bin \\
 && wget -qO- https://example.com/SHA256SUMS | grep tool-1.4.2`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      for (const cmd of runCommands(ins)) {
        const download = remoteScriptOf(cmd);
        if (!download) continue;
        const url = urlOf(download);
        const source = url ? ` from ${url}` : "";
        out.push(fail(ins, `${cmd.name} runs a script downloaded by ${download.name}${source} without verifying it`, { key: `${download.name} | ${cmd.name} ${url ?? ""}` }));
        // One finding per RUN: the first remote script is enough to act on.
        break;
      }
    }
    return out;
  },
});
