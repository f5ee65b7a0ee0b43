import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { isLoopbackUrl, maskedSnippet, maskUrlCredentials, optionValues, parseArgs, pipArgs, verifiesContent } from "./args.js";
import { runCommands, type RunCommand } from "./run.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

const HTTP = /^http:\/\//i;
const CURL_SHORT = "AbcCdDeEFHKmoPQrtTuUwxXyYz";
const CURL_LONG = new Set(["--output", "--header", "--user-agent", "--data", "--request", "--user", "--proxy", "--referer", "--url", "--config", "--cacert", "--form", "--write-out"]);
const WGET_SHORT = "oOaAeitTwUPQYlDRIX";
const WGET_LONG = new Set(["--output-document", "--output-file", "--execute", "--user-agent", "--header", "--directory-prefix", "--referer"]);
const PIP_LONG = new Set(["--requirement", "--constraint", "--editable", "--index-url", "--extra-index-url", "--find-links", "--target", "--trusted-host", "--proxy", "--cert"]);
const NODE_TOOLS = new Set(["npm", "yarn", "pnpm"]);

// Tools whose downloads a digest or signature check in the same RUN can vouch for.
const CHECKABLE = new Set(["curl", "wget"]);

/** http:// URLs the command fetches from (not proxies, which carry TLS through CONNECT). */
function plainUrls(cmd: RunCommand): string[] {
  const args = cmd.argv.slice(1);
  let urls: string[] = [];
  if (cmd.name === "curl") {
    const parsed = parseArgs(args, { short: CURL_SHORT, long: CURL_LONG });
    urls = [...parsed.operands, ...optionValues(parsed, "--url")];
  } else if (cmd.name === "wget") {
    urls = parseArgs(args, { short: WGET_SHORT, long: WGET_LONG }).operands;
  } else if (cmd.name === "git") {
    const operands = parseArgs(args, { short: "Cc", long: new Set(["--branch", "--origin", "--depth", "--config", "--reference", "--filter", "--template", "--jobs"]) }).operands;
    if (["clone", "fetch", "pull", "remote", "submodule", "ls-remote"].includes(operands[0] ?? "")) urls = operands.slice(1);
  } else if (NODE_TOOLS.has(cmd.name)) {
    const parsed = parseArgs(args, { long: new Set(["--registry"]) });
    urls = optionValues(parsed, "--registry");
    const [sub, action, key, value] = parsed.operands;
    if ((sub === "config" || sub === "c") && action === "set") urls.push(key?.startsWith("registry=") ? key.slice("registry=".length) : key === "registry" ? (value ?? "") : "");
  } else {
    const pip = pipArgs(cmd);
    if (pip) {
      const parsed = parseArgs(pip, { short: "rceift", long: PIP_LONG });
      urls = [...optionValues(parsed, "-i", "--index-url", "--extra-index-url", "-f", "--find-links"), ...parsed.operands];
    }
  }
  return urls.filter((u) => HTTP.test(u) && !isLoopbackUrl(u));
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-026",
  title: "Download over plain HTTP",
  severity: "medium",
  description:
    "curl, wget, git, pip or npm fetching from an http:// URL (or an http:// package index or registry) gets content " +
    "that anyone on the network path can read and replace, and nothing tells the build it happened. apt, apk and " +
    "yum repositories over HTTP are not reported, since their packages are signed. A curl or wget download that the " +
    "same RUN checks against a pinned digest or signature is also fine; loopback addresses are ignored.",
  appliesTo: "dockerfile.Dockerfile",
  remediation: {
    text: "Use the https:// URL (most servers offer it); where only HTTP exists, verify the file against a pinned SHA-256 or a signature in the same RUN.",
    fix: 'RUN curl -fsSLo /tmp/tool.tgz https://downloads.example.com/tool-1.4.2.tgz \\\n && echo "<sha256>  /tmp/tool.tgz" | sha256sum -c -',
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN curl -fsSLo /tmp/tool.tgz http://downloads.example.com/tool-1.4.2.tgz \\
 && tar -xzf /tmp/tool.tgz -C /usr/local/bin`,
        `FROM alpine:3.20
RUN wget -q -O /etc/app/config.yaml http://config.example.com/app/config.yaml`,
        `FROM python:3.12-slim
RUN pip install --no-cache-dir --index-url http://pypi.corp.example/simple flask==3.0.2`,
        `FROM golang:1.22
RUN git clone --branch v1.4.2 http://git.corp.example/platform/tools.git /src/tools`,
        `FROM node:20.11-alpine
RUN npm config set registry http://registry.corp.example/ && npm ci --omit=dev`,
      ],
      good: [
        `FROM debian:12-slim
RUN curl -fsSLo /tmp/tool.tgz https://downloads.example.com/tool-1.4.2.tgz \\
 && tar -xzf /tmp/tool.tgz -C /usr/local/bin`,
        `FROM debian:12-slim
ARG TOOL_SHA256
RUN curl -fsSLo /tmp/tool.tgz http://mirror.example.com/tool-1.4.2.tgz \\
 && echo "\${TOOL_SHA256}  /tmp/tool.tgz" | sha256sum -c - \\
 && tar -xzf /tmp/tool.tgz -C /usr/local/bin`,
        `FROM alpine:3.20
# a proxy URL and a loopback health probe are not downloads over the network
RUN curl -fsS --proxy http://proxy.corp.example:3128 https://example.com/ -o /dev/null \\
 && wget -qO- http://127.0.0.1:8080/healthz || true`,
        `FROM debian:12-slim
RUN echo "deb http://deb.debian.org/debian bookworm main" > /etc/apt/sources.list`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const cmds = runCommands(ins);
      const verified = cmds.some(verifiesContent);
      const hits = cmds.flatMap((c) => (verified && CHECKABLE.has(c.name) ? [] : plainUrls(c).map((u) => ({ tool: c.name === "" ? "a command" : c.name, url: u }))));
      if (hits.length === 0) continue;
      const urls = [...new Set(hits.map((h) => h.url))];
      const shown = urls.map(maskUrlCredentials);
      const tools = [...new Set(hits.map((h) => h.tool))];
      const fix = maskUrlCredentials(urls.reduce((text, u) => text.split(u).join(`https://${u.slice("http://".length)}`), ins.source));
      out.push(
        fail(ins, `${quoteList(tools, 3)} fetches ${quoteList(shown, 3)} over plain HTTP, which anyone on the network path can read and replace`, {
          key: boundedKey(`http ${shown.join(" ")}`),
          ...(fix !== maskUrlCredentials(ins.source) ? { fix } : {}),
          ...maskedSnippet(ins),
        }),
      );
    }
    return out;
  },
});
