import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { hasOption, maskedSnippet, maskUrlCredentials, optionValues, parseArgs, verifiesContent } from "./args.js";
import { runCommands, type RunCommand } from "./run.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

// curl's short options that take a value (`-o file`, `-Hvalue`): a `k` after them is not -k.
const CURL_SHORT = "AbcCdDeEFHKmoPQrtTuUwxXyYz";
const CURL_LONG = new Set([
  "--output", "--header", "--user-agent", "--data", "--data-raw", "--data-binary", "--request", "--user", "--cacert",
  "--capath", "--cert", "--key", "--proxy", "--retry", "--max-time", "--connect-timeout", "--config", "--form",
  "--write-out", "--referer", "--cookie", "--range", "--upload-file", "--continue-at", "--dump-header",
]);
const WGET_SHORT = "oOaAeitTwUPQYlDRIX";
const WGET_LONG = new Set(["--output-document", "--output-file", "--execute", "--user-agent", "--header", "--directory-prefix", "--tries", "--timeout", "--ca-certificate"]);
// A wgetrc line, given with `wget -e` or written to /etc/wgetrc or ~/.wgetrc.
const WGETRC_OFF = /^\s*check_certificate\s*=\s*(?:off|0|no|false)\s*$/im;

/** How the command turns certificate checks off, or undefined when it does not. */
function insecureFlag(cmd: RunCommand): string | undefined {
  if (cmd.name === "curl") {
    const args = parseArgs(cmd.argv.slice(1), { short: CURL_SHORT, long: CURL_LONG });
    if (hasOption(args, "-k", "--insecure")) return "curl --insecure";
    if (hasOption(args, "--proxy-insecure")) return "curl --proxy-insecure";
    return undefined;
  }
  if (cmd.name === "wget") {
    const args = parseArgs(cmd.argv.slice(1), { short: WGET_SHORT, long: WGET_LONG });
    if (hasOption(args, "--no-check-certificate")) return "wget --no-check-certificate";
    if (optionValues(args, "-e", "--execute").some((v) => WGETRC_OFF.test(v))) return "wget -e check_certificate=off";
    return undefined;
  }
  if (cmd.name === "echo" || cmd.name === "printf" || cmd.name === "tee") {
    if (cmd.argv.slice(1).some((a) => WGETRC_OFF.test(a))) return "check_certificate = off in a wgetrc";
  }
  return undefined;
}

function urlOf(cmd: RunCommand): string | undefined {
  const url = cmd.argv.find((a) => /^(?:https?|ftps?):\/\//i.test(a));
  return url === undefined ? undefined : maskUrlCredentials(url);
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-021",
  title: "curl or wget with TLS certificate checks turned off",
  severity: "high",
  description:
    "`curl -k` / `--insecure`, `wget --no-check-certificate` and `check_certificate = off` in a wgetrc accept any " +
    "certificate, so anyone on the network path of the build (a proxy, a Wi-Fi hotspot, a poisoned DNS answer) can " +
    "serve their own file in place of the real one, and it goes into the image. When the same RUN verifies the " +
    "download against a pinned digest or signature, the content is still checked and the finding is medium.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: ["CKV2_DOCKER_2", "CKV2_DOCKER_3"] },
  compliance: [{ framework: "cis-docker-1.6", control: "4.11" }],
  remediation: {
    text: "Drop the flag. If the server uses a private CA, add that CA to the image's trust store (or pass it with --cacert / --ca-certificate) instead of turning verification off, and verify the download's digest.",
    fix: "COPY corp-root-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates \\\n && curl -fsSLo /tmp/tool.tgz https://artifacts.example.com/tool-1.4.2.tgz",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN curl -fsSLk -o /usr/local/bin/jq https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-linux-amd64`,
        `FROM alpine:3.20
RUN wget --no-check-certificate -O /tmp/app.tar.gz https://downloads.example.com/app-2.1.0.tar.gz \\
 && tar -xzf /tmp/app.tar.gz -C /opt`,
        `FROM ubuntu:24.04
RUN echo "check_certificate = off" >> /etc/wgetrc \\
 && wget -q https://downloads.example.com/app-2.1.0.tar.gz`,
        `FROM alpine:3.20
RUN ["curl", "--insecure", "-o", "/opt/agent", "https://agent.example.com/agent"]`,
      ],
      good: [
        `FROM debian:12-slim
RUN curl -fsSL -o /usr/local/bin/jq https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-linux-amd64`,
        `FROM debian:12-slim
COPY corp-root-ca.crt /usr/local/share/ca-certificates/
RUN update-ca-certificates \\
 && curl -fsSL --cacert /etc/ssl/certs/ca-certificates.crt -o /tmp/app.tgz https://artifacts.corp.example/app.tgz`,
        `FROM alpine:3.20
# "kubectl" is the value of -o, not more short options; -K names curl's config file
RUN curl -fsSLokubectl https://dl.k8s.io/release/v1.30.2/bin/linux/amd64/kubectl -K /etc/curl.conf \\
 && echo "never use curl -k" > /etc/motd`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const cmds = runCommands(ins);
      const found = cmds.map((c) => ({ cmd: c, how: insecureFlag(c) })).filter((f): f is { cmd: RunCommand; how: string } => f.how !== undefined);
      if (found.length === 0) continue;
      const hows = [...new Set(found.map((f) => f.how))];
      const url = found.map((f) => urlOf(f.cmd)).find((u) => u !== undefined) ?? cmds.map(urlOf).find((u) => u !== undefined);
      const verified = cmds.some(verifiesContent);
      const what = url ? ` for ${url}` : "";
      const tail = verified ? "; the digest check in the same RUN still guards the content" : ": anyone on the network path can substitute the download";
      out.push(
        fail(ins, `${quoteList(hows, 3)} turns TLS certificate checks off${what}${tail}`, {
          key: boundedKey(`${hows.join(" ")} ${url ?? ""}`),
          ...maskedSnippet(ins),
          ...(verified ? { severity: "medium" as const } : {}),
        }),
      );
    }
    return out;
  },
});
