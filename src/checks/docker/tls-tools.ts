import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { hasOption, maskedSnippet, optionValues, parseArgs, pipArgs } from "./args.js";
import { runCommands, type RunCommand } from "./run.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

const OFF = /^(?:false|no|off|0)$/i;
const PIP_LONG = new Set(["--requirement", "--constraint", "--editable", "--index-url", "--extra-index-url", "--find-links", "--target", "--trusted-host", "--cert", "--proxy"]);
const RPM_TOOLS = new Set(["yum", "dnf", "dnf5", "microdnf", "tdnf", "yum-config-manager"]);
// git's options before the subcommand that take a value.
const GIT_GLOBAL = new Set(["--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env"]);
const NODE_TOOLS = new Set(["npm", "yarn", "pnpm"]);
// Generic flags of registry and cluster clients (helm, kubectl, skopeo, podman, buildah).
const SKIP_VERIFY = new Set(["--insecure-skip-tls-verify", "--insecure-skip-verify"]);
const TLS_VERIFY = new Set(["--tls-verify", "--src-tls-verify", "--dest-tls-verify"]);

/** The value given to a setting among the words, as `key value` or `key=value`; undefined when the key is absent. */
function settingOf(words: readonly string[], key: (k: string) => boolean): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const eq = w.indexOf("=");
    if (eq > 0 && key(w.slice(0, eq))) return w.slice(eq + 1);
    if (key(w)) return words[i + 1] ?? "";
  }
  return undefined;
}

function pip(cmd: RunCommand): string | undefined {
  const args = pipArgs(cmd);
  if (!args) return undefined;
  const parsed = parseArgs(args, { short: "rceift", long: PIP_LONG });
  if (hasOption(parsed, "--trusted-host")) return "pip --trusted-host";
  const [sub, action, ...rest] = parsed.operands;
  if (sub === "config" && action === "set" && settingOf(rest, (k) => /(?:^|\.)trusted-host$/.test(k)) !== undefined) return "pip config set trusted-host";
  return undefined;
}

function node(cmd: RunCommand): string | undefined {
  if (!NODE_TOOLS.has(cmd.name)) return undefined;
  const parsed = parseArgs(cmd.argv.slice(1));
  if (hasOption(parsed, "--no-strict-ssl") || optionValues(parsed, "--strict-ssl").some((v) => OFF.test(v))) return `${cmd.name} --strict-ssl=false`;
  const [sub, action, ...rest] = parsed.operands;
  if ((sub === "config" || sub === "c") && action === "set") {
    const value = settingOf(rest, (k) => k === "strict-ssl" || k === "enableStrictSsl");
    if (value !== undefined && OFF.test(value)) return `${cmd.name} config set strict-ssl false`;
  }
  return undefined;
}

function git(cmd: RunCommand): string | undefined {
  if (cmd.name !== "git") return undefined;
  const key = (k: string): boolean => /^http\.(?:.+\.)?sslverify$/i.test(k);
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== "-c") continue;
    const value = settingOf([args[i + 1] ?? ""], key);
    if (value !== undefined && OFF.test(value)) return "git -c http.sslVerify=false";
  }
  const sub = parseArgs(args, { short: "Cc", long: GIT_GLOBAL }).operands;
  if (sub[0] !== "config") return undefined;
  const value = settingOf(sub.slice(1), key);
  return value !== undefined && OFF.test(value) ? "git config http.sslVerify false" : undefined;
}

function other(cmd: RunCommand): string | undefined {
  const args = cmd.argv.slice(1);
  if (cmd.name === "conda" && args[0] === "config") {
    const value = settingOf(args.slice(1), (k) => k === "ssl_verify");
    if (value !== undefined && OFF.test(value)) return "conda config --set ssl_verify false";
  }
  if (cmd.name === "composer" && args.includes("config")) {
    const words = args.filter((a) => !a.startsWith("-"));
    if (OFF.test(settingOf(words, (k) => k === "secure-http") ?? "true")) return "composer config secure-http false";
    if (/^(?:true|1)$/i.test(settingOf(words, (k) => k === "disable-tls") ?? "")) return "composer config disable-tls true";
  }
  if (cmd.name === "bundle" && args[0] === "config") {
    if (settingOf(args.slice(1), (k) => k === "ssl_verify_mode") === "0") return "bundle config ssl_verify_mode 0";
  }
  if (cmd.name === "go" && (args[0] === "get" || args[0] === "install") && args.includes("-insecure")) return `go ${args[0]} -insecure`;
  const parsed = parseArgs(args, { long: new Set(["--setopt"]) });
  if (RPM_TOOLS.has(cmd.name) && optionValues(parsed, "--setopt").some((v) => /(?:^|\.)sslverify=(?:0|false|no)$/i.test(v))) return `${cmd.name} --setopt=sslverify=0`;
  const skip = parsed.options.find((o) => SKIP_VERIFY.has(o.name) && (o.value === undefined || !OFF.test(o.value)));
  if (skip) return `${cmd.name} ${skip.name}`;
  const tls = parsed.options.find((o) => TLS_VERIFY.has(o.name) && o.value !== undefined && OFF.test(o.value));
  if (tls) return `${cmd.name} ${tls.name}=false`;
  return undefined;
}

const DETECTORS = [pip, node, git, other];

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-022",
  title: "Package manager or git told to skip TLS verification",
  severity: "high",
  description:
    "Options such as `pip --trusted-host`, `npm config set strict-ssl false`, `git config http.sslVerify false`, " +
    "`git -c http.sslVerify=false`, `--setopt=sslverify=0` for yum and dnf, `conda config --set ssl_verify false`, " +
    "`composer config secure-http false`, `helm --insecure-skip-tls-verify` or `skopeo --tls-verify=false` make the " +
    "tool accept any server certificate (or plain HTTP). Whoever sits on the network path of the build can then " +
    "serve modified packages or source, which end up in the image; settings written to a config file also stay in " +
    "the image for whoever runs the tool later.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: ["CKV2_DOCKER_4", "CKV2_DOCKER_13", "CKV2_DOCKER_15"] },
  compliance: [{ framework: "cis-docker-1.6", control: "4.11" }],
  remediation: {
    text: "Remove the option. For a registry or mirror behind a private CA, install that CA in the image's trust store (update-ca-certificates) or point the tool at it (pip --cert, npm cafile, git http.sslCAInfo) instead.",
    fix: "COPY corp-root-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates \\\n && pip install --no-cache-dir --cert /etc/ssl/certs/ca-certificates.crt --index-url https://pypi.corp.example/simple flask==3.0.2",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM python:3.12-slim
RUN pip install --no-cache-dir --trusted-host pypi.corp.example --index-url http://pypi.corp.example/simple flask==3.0.2`,
        `FROM node:20.11-alpine
RUN npm config set strict-ssl false && npm ci --omit=dev`,
        `FROM golang:1.22
RUN git config --global http.sslVerify false \\
 && git clone --branch v1.4.2 https://git.corp.example/platform/tools.git /src/tools`,
        `FROM alpine:3.20
RUN ["git", "-c", "http.sslVerify=false", "clone", "--branch", "v2.0.1", "https://git.corp.example/app.git"]`,
        `FROM rockylinux:9.3
RUN dnf install -y --setopt=corp.sslverify=0 corp-agent-2.1.0 && dnf clean all`,
        `FROM python:3.12-slim
RUN python3 -m pip config set global.trusted-host pypi.corp.example`,
      ],
      good: [
        `FROM python:3.12-slim
COPY corp-root-ca.crt /usr/local/share/ca-certificates/
RUN update-ca-certificates \\
 && pip install --no-cache-dir --cert /etc/ssl/certs/ca-certificates.crt --index-url https://pypi.corp.example/simple flask==3.0.2`,
        `FROM node:20.11-alpine
RUN npm config set strict-ssl true && npm config set cafile /etc/ssl/certs/corp.pem && npm ci --omit=dev`,
        `FROM golang:1.22
RUN git config --global http.sslCAInfo /etc/ssl/certs/corp.pem \\
 && git config --global http.sslVerify true`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const hows = [...new Set(runCommands(ins).flatMap((c) => DETECTORS.map((d) => d(c)).filter((h): h is string => h !== undefined)))];
      if (hows.length === 0) continue;
      out.push(fail(ins, `${quoteList(hows, 3)} turns off TLS certificate checks for the packages or source it fetches`, { key: boundedKey(hows.join(", ")), ...maskedSnippet(ins) }));
    }
    return out;
  },
});
