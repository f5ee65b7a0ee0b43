import type { DockerfileModel, DockerInstruction } from "../../adapters/dockerfile.js";
import { redactIn } from "../../core/redact.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { maskUrlCredentials, optionValues, parseArgs } from "./args.js";
import { runCommands, type RunCommand } from "./run.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

// A password made up during the build (`$(openssl rand -base64 32)`) is not known to anyone.
const GENERATED = /\$\(|`/;
// `usermod -p '*'` and `-p '!'` lock the account instead of setting a password.
const LOCKED = /^[!*]+$/;
const SHADOW_OPTIONS = { short: "bcdefgGkKpsuUZ", long: new Set(["--password", "--home", "--shell", "--uid", "--gid", "--groups", "--comment", "--expiredate", "--inactive", "--home-dir", "--base-dir", "--key", "--root", "--prefix"]) };

const PASSWD_OPTIONS = { short: "nxwirR", long: new Set(["--mindays", "--maxdays", "--warndays", "--inactive", "--repository", "--root", "--prefix"]) };

interface PasswordUse {
  /** What sets it, without the secret: `chpasswd for app`. */
  what: string;
  /** The password texts as written, to mask in the snippet (a variable name masked does no harm). */
  secrets: string[];
  /** True for `passwd --delete`: the account is left with no password at all. */
  empty?: boolean;
}

// A password given only as a variable (`$APP_PASSWORD`) is not written in the Dockerfile.
const ONLY_VARIABLE = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;

function chpasswd(cmd: RunCommand): PasswordUse | undefined {
  const feeders = feederOf(cmd);
  const pairs = feeders.flatMap((c) => c.argv.slice(1)).flatMap((w) => w.split(/\\n|\n/)).map((w) => /^([^:\s]+):(.+)$/.exec(w.trim())).filter((m): m is RegExpExecArray => m !== null);
  if (pairs.length > 0 && pairs.every((m) => GENERATED.test(m[2] as string))) return undefined;
  const users = pairs.map((m) => m[1] as string);
  const secrets = pairs.map((m) => m[2] as string);
  return { what: `chpasswd${users.length > 0 ? ` for ${quoteList(users, 3)}` : ""}`, secrets };
}

function shadowTool(cmd: RunCommand): PasswordUse | undefined {
  const args = parseArgs(cmd.argv.slice(1), cmd.name === "passwd" ? PASSWD_OPTIONS : SHADOW_OPTIONS);
  if (cmd.name === "passwd") {
    if (args.options.some((o) => o.name === "--stdin")) return { what: "passwd --stdin", secrets: passwordsPipedInto(cmd) };
    if (args.options.some((o) => o.name === "-d" || o.name === "--delete")) return { what: `passwd --delete ${args.operands[0] ?? ""}`.trim(), secrets: [], empty: true };
    return undefined;
  }
  const values = optionValues(args, "-p", "--password").filter((v) => !LOCKED.test(v) && !GENERATED.test(v));
  if (values.length === 0) return undefined;
  const user = args.operands[args.operands.length - 1];
  return { what: `${cmd.name} --password${user ? ` for ${user}` : ""}`, secrets: values };
}

/** The echo or printf whose output the command reads, if that is what feeds it. */
function feederOf(cmd: RunCommand): RunCommand[] {
  const before = cmd.pipeline[cmd.position - 1];
  return before !== undefined && (before.name === "echo" || before.name === "printf") ? [before] : [];
}

function passwordsPipedInto(cmd: RunCommand): string[] {
  return feederOf(cmd).flatMap((c) => c.argv.slice(1).filter((w) => !w.startsWith("-")));
}

function passwordUses(ins: DockerInstruction): PasswordUse[] {
  return runCommands(ins).flatMap((c) => {
    if (c.name === "chpasswd") return [chpasswd(c)];
    if (c.name === "passwd" || c.name === "usermod" || c.name === "useradd") return [shadowTool(c)];
    return [];
  }).filter((u): u is PasswordUse => u !== undefined);
}

const MIN_MASKABLE = 4;

/** The instruction's text with the passwords masked, or a stand-in when masking might miss one. */
function redacted(ins: DockerInstruction, secrets: readonly string[]): string {
  if (secrets.length === 0) return ins.source;
  const text = redactIn(ins.source, [...secrets].sort((a, b) => b.length - a.length));
  const risky = secrets.some((s) => s.length < MIN_MASKABLE || text.includes(s));
  return risky ? `${ins.keyword} … (sets a password; text withheld)` : text;
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-028",
  title: "Password set for an account in a RUN",
  severity: "high",
  description:
    "chpasswd, `passwd --stdin`, `usermod -p`/`useradd -p` or `passwd --delete` give an account of the image a " +
    "fixed (or empty) password. Every container started from the image shares it, its hash sits in /etc/shadow of a " +
    "layer for offline cracking, and a password written in the Dockerfile is also in the source, the build cache and " +
    "the image history. Containers need no login passwords: processes run as a USER, and operators use exec. " +
    "Passwords generated during the build (`$(openssl rand ...)`) and locked accounts (`-p '*'`) are not reported; " +
    "the finding's snippet masks literal passwords.",
  appliesTo: "dockerfile.Dockerfile",
  references: { checkov: "CKV2_DOCKER_17" },
  compliance: [{ framework: "cis-docker-1.6", control: "4.10" }],
  remediation: {
    text: "Remove the password: create the account without one (useradd --system, adduser -D) and run as it with USER; lock accounts with `passwd -l`. If a password was written in the Dockerfile, change it wherever else it is used.",
    fix: "RUN useradd --system --uid 10001 --no-create-home app\nUSER 10001",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM ubuntu:24.04
RUN useradd -m app && echo "app:Summer2024-example" | chpasswd`,
        `FROM debian:12-slim
RUN echo 'root:toor' | chpasswd`,
        `FROM centos:7
RUN useradd deploy && echo "deploy-example-pw" | passwd --stdin deploy`,
        `FROM ubuntu:24.04
RUN usermod -p '$6$salt$Wm2Jm8n0example0hash' root`,
        `FROM alpine:3.20
RUN passwd -d root`,
      ],
      good: [
        `FROM ubuntu:24.04
RUN useradd --system --uid 10001 --no-create-home app
USER 10001`,
        `FROM debian:12-slim
RUN echo "root:$(head -c 32 /dev/urandom | base64)" | chpasswd && passwd -l root`,
        `FROM centos:7
RUN useradd -p '*' -u 10001 app`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const uses = passwordUses(ins);
      if (uses.length === 0) continue;
      const whats = [...new Set(uses.map((u) => u.what))];
      const secrets = [...new Set(uses.flatMap((u) => u.secrets))];
      const effect = uses.every((u) => u.empty) ? "leaves an account of the image without a password" : "gives an account of the image a fixed password";
      const literal = secrets.some((p) => !ONLY_VARIABLE.test(p)) ? ", written in the Dockerfile" : "";
      out.push(fail(ins, `${quoteList(whats, 3)} ${effect}${literal}`, { key: boundedKey(whats.join(", ")), snippet: maskUrlCredentials(redacted(ins, secrets)) }));
    }
    return out;
  },
});
