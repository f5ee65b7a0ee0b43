import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { hasOption, maskedSnippet, maskUrlCredentials, optionValues, parseArgs } from "./args.js";
import { runCommands, type RunCommand } from "./run.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

const EXACT = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/;
// Go version queries that resolve to something new on every build.
const GO_MOVING = new Set(["latest", "upgrade", "patch", "master", "main", "head"]);
const NPM_LONG = new Set(["--prefix", "--registry", "--cache", "--userconfig", "--workspace", "--tag", "--omit", "--include", "--location"]);
const GEM_LONG = new Set(["--version", "--install-dir", "--bindir", "--source", "--platform", "--document"]);
const CARGO_LONG = new Set(["--version", "--vers", "--git", "--branch", "--tag", "--rev", "--path", "--root", "--index", "--registry", "--features", "--target", "--target-dir", "--profile", "--jobs", "--bin", "--example", "--config"]);
const PIPX_LONG = new Set(["--python", "--pip-args", "--index-url", "--suffix", "--spec"]);

/** Whether an npm, yarn or pnpm package argument names a fixed version; undefined when it is not a registry package or cannot be judged. */
function npmPinned(spec: string): boolean | undefined {
  if (spec.includes("$") || /^[./~]/.test(spec) || /\.t(?:ar\.)?gz$/.test(spec) || spec.includes("@npm:")) return undefined;
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|https?:)/.test(spec) || /^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(spec)) {
    return /^https?:/.test(spec) && !/\.git(?:#|$)/.test(spec) ? undefined : spec.includes("#");
  }
  const at = spec.lastIndexOf("@");
  if (at <= 0) return false;
  return EXACT.test(spec.slice(at + 1));
}

/** Package arguments of a command that installs a moving version, as `tool package` labels. */
function floating(cmd: RunCommand): string[] {
  const args = cmd.argv.slice(1);
  switch (cmd.name) {
    case "npm":
    case "pnpm":
    case "yarn": {
      const parsed = parseArgs(args, { short: "w", long: NPM_LONG });
      const [sub, ...rest] = parsed.operands;
      const global = sub === "global" && rest[0] === "add";
      const installs = cmd.name === "npm" ? ["install", "i", "add", "isntall", "in"] : cmd.name === "pnpm" ? ["add", "install", "i"] : ["add"];
      if (!global && !installs.includes(sub ?? "")) return [];
      const packages = global ? rest.slice(1) : rest;
      return packages.filter((p) => npmPinned(p) === false).map((p) => `${cmd.name} ${p}`);
    }
    case "gem": {
      const parsed = parseArgs(args, { short: "vinsP", long: GEM_LONG });
      if (parsed.operands[0] !== "install" || hasOption(parsed, "-v", "--version")) return [];
      return parsed.operands.slice(1).filter((g) => !g.includes(":") && !g.includes("$") && !g.endsWith(".gem")).map((g) => `gem ${g}`);
    }
    case "go": {
      const parsed = parseArgs(args);
      if (parsed.operands[0] !== "install" && parsed.operands[0] !== "get") return [];
      return parsed.operands.slice(1).filter((p) => GO_MOVING.has((p.split("@")[1] ?? "").toLowerCase())).map((p) => `go ${p}`);
    }
    case "cargo": {
      const parsed = parseArgs(args, { short: "jF", long: CARGO_LONG });
      if (parsed.operands[0] !== "install" || hasOption(parsed, "--path")) return [];
      const git = optionValues(parsed, "--git")[0];
      if (git !== undefined) return hasOption(parsed, "--rev", "--tag") || git.includes("$") ? [] : [`cargo --git ${maskUrlCredentials(git)}`];
      if (hasOption(parsed, "--version", "--vers")) return [];
      return parsed.operands.slice(1).filter((c) => !c.includes("@") && !c.includes("$")).map((c) => `cargo ${c}`);
    }
    case "pipx": {
      const parsed = parseArgs(args, { long: PIPX_LONG });
      if (parsed.operands[0] !== "install") return [];
      return parsed.operands.slice(1).filter((p) => !p.includes("==") && !p.includes("$") && !/^[./]|:\/\//.test(p)).map((p) => `pipx ${p}`);
    }
    default:
      return [];
  }
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-033",
  title: "Tool or library installed without a fixed version",
  severity: "low",
  description:
    "`npm install -g typescript`, `yarn global add`, `pnpm add`, `gem install bundler`, `go install ...@latest`, " +
    "`cargo install ripgrep` or `pipx install black` fetch whatever the registry calls newest on the day of the " +
    "build: builds stop being reproducible, a broken or hijacked release goes straight in, and the layer cache hides " +
    "which version an image holds. npm packages count as pinned only with an exact version (`pkg@1.2.3`; tags and " +
    "ranges move), git sources with a `#ref`. Installs from a lock file (`npm ci`, `npm install` with no package), " +
    "local paths and packages named through variables are not judged; pip is MAM-DF-034.",
  appliesTo: "dockerfile.Dockerfile",
  references: { hadolint: ["DL3016", "DL3028", "DL3062"] },
  remediation: {
    text: "Name an exact version for every package (`typescript@5.4.5`, `gem install bundler -v 2.5.11`, `gopls@v0.15.3`, `cargo install ripgrep@14.1.0`, `pipx install black==24.4.2`), or install from a lock file.",
    fix: "RUN npm install -g typescript@5.4.5 \\\n && go install golang.org/x/tools/gopls@v0.15.3",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine
RUN npm install -g typescript pm2@latest`,
        `FROM ruby:3.3-slim
RUN gem install bundler --no-document && bundle install`,
        `FROM golang:1.22
RUN go install golang.org/x/tools/gopls@latest`,
        `FROM rust:1.79
RUN cargo install --locked ripgrep`,
        `FROM node:20.11-alpine
RUN yarn global add @vue/cli@^5.0.0`,
        `FROM python:3.12-slim
RUN pip install --no-cache-dir pipx==1.6.0 && pipx install black`,
      ],
      good: [
        `FROM node:20.11-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm install -g typescript@5.4.5 @vue/cli@5.0.8`,
        `FROM ruby:3.3-slim
RUN gem install bundler -v 2.5.11 && gem install rake:13.2.1`,
        `FROM golang:1.22
WORKDIR /src
RUN go install golang.org/x/tools/gopls@v0.15.3 && go install ./cmd/app`,
        `FROM rust:1.79
RUN cargo install --locked ripgrep@14.1.0 && cargo install --git https://github.com/example/tool --tag v0.3.1`,
        `FROM node:20.11-alpine
ARG CLI_SPEC
RUN npm install -g "\${CLI_SPEC}" ./vendor/local-tool github:example/tool#v1.2.0`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const labels = [...new Set(runCommands(ins).flatMap(floating))];
      if (labels.length === 0) continue;
      out.push(fail(ins, `${quoteList(labels)} installed without a fixed version`, { key: boundedKey([...labels].sort().join(" ")), ...maskedSnippet(ins) }));
    }
    return out;
  },
});
