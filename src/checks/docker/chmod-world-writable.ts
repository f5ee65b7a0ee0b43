import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { Violation } from "../types.js";
import { runCommands } from "./run.js";
import { boundedKey, quoteList, runInstructions } from "./util.js";

/**
 * Whether a chmod mode lets everyone write. Octal: the "others" digit has the write bit, unless
 * the sticky bit is set too (`1777` on /tmp is the standard, safe shared directory). Symbolic:
 * a clause for `o` or `a` that adds or sets `w` (`a+rwx`, `o=rw`, `ugo+w`).
 */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const others = Number(mode[mode.length - 1]);
    const special = mode.length === 4 ? Number(mode[0]) : 0;
    return (others & 2) !== 0 && (special & 1) === 0;
  }
  return mode.split(",").some((clause) => {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return false;
    const [, who = "", op, perms = ""] = m;
    return /[oa]/.test(who) && op !== "-" && perms.includes("w") && !perms.includes("t");
  });
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-016",
  title: "chmod makes files world-writable",
  severity: "medium",
  description:
    "A mode such as 777, 0666, a+rwx or o+w lets every user in the container, including a compromised unprivileged " +
    "process, rewrite the files: binaries and scripts that a more privileged process later runs, configuration, or " +
    "application code. Sticky shared directories (1777, like /tmp) are left alone.",
  appliesTo: "dockerfile.Dockerfile",
  remediation: {
    text: "Give the files to the user that needs them (COPY --chown, chown) and use the narrowest mode: 755 or 750 for directories and programs, 644 or 640 for files.",
    fix: "COPY --chown=10001:10001 --chmod=750 app/ /opt/app/",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM node:20.11-alpine
COPY . /app
RUN chmod -R 777 /app`,
        `FROM alpine:3.20
RUN mkdir -p /var/log/app \\
 && chmod 0777 /var/log/app`,
        `FROM debian:12-slim
COPY entrypoint.sh /usr/local/bin/
RUN ["chmod", "a+rwx", "/usr/local/bin/entrypoint.sh"]`,
        `FROM alpine:3.20
RUN chmod u+x,o+w /opt/run.sh`,
      ],
      good: [
        `FROM node:20.11-alpine
COPY --chown=node:node . /app
RUN chmod -R 750 /app`,
        `FROM alpine:3.20
RUN mkdir -p /shared/tmp && chmod 1777 /shared/tmp && chmod +x /usr/local/bin/*.sh && chmod o-w /etc/app.conf`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      const calls: string[] = [];
      for (const cmd of runCommands(ins)) {
        if (cmd.name !== "chmod") continue;
        const [mode, ...paths] = cmd.argv.slice(1).filter((a) => !/^-[A-Za-z]+$|^--/.test(a));
        if (mode !== undefined && worldWritable(mode)) calls.push(`chmod ${mode} ${paths.join(" ") || "its target"}`);
      }
      const unique = [...new Set(calls)];
      if (unique.length === 0) continue;
      out.push(fail(ins, `${quoteList(unique, 3)} makes files world-writable`, { key: boundedKey(unique.join("; ")) }));
    }
    return out;
  },
});
