import type { DockerfileModel } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { FixEdit, Violation } from "../types.js";
import { hasOption, optionValues, parseArgs } from "./args.js";
import { runCommands } from "./run.js";
import { boundedKey, runInstructions } from "./util.js";

// lastlog keeps a 292-byte record per UID up to the highest one: from here on the file is tens of megabytes.
const HIGH_UID = 100_000;
const LASTLOG_RECORD = 292;
const USERADD = { short: "bcdefgGkKpsuUZ", long: new Set(["--base-dir", "--comment", "--home-dir", "--expiredate", "--inactive", "--gid", "--groups", "--skel", "--key", "--password", "--root", "--prefix", "--shell", "--uid", "--selinux-user", "--btrfs-subvolume"]) };

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-044",
  title: "useradd with a high UID without --no-log-init",
  severity: "low",
  description:
    "useradd records every new user in /var/log/lastlog and /var/log/faillog, files indexed by UID. For a high UID " +
    "the files become huge sparse files (lastlog alone is 292 bytes times the UID: about 29 MB at UID 100000, " +
    "almost 300 MB at UID 1000000), and image layers do not keep files sparse, so the image grows by that much and " +
    "builds can run out of disk. `useradd -l` (`--no-log-init`) leaves the user out of those files. Only literal " +
    "UIDs from 100000 up are reported.",
  appliesTo: "dockerfile.Dockerfile",
  references: { hadolint: "DL3046" },
  remediation: { text: "Add -l (--no-log-init) to useradd, or pick a UID below 65536.", fix: "RUN useradd --no-log-init --system --uid 1000001 app" },
  examples: {
    dockerfile: {
      bad: [
        `FROM debian:12-slim
RUN useradd --system --uid 1000001 --no-create-home app`,
        `FROM ubuntu:24.04
RUN groupadd -g 200000 svc && useradd -u 200000 -g svc svc`,
      ],
      good: [
        `FROM debian:12-slim
RUN useradd --no-log-init --system --uid 1000001 --no-create-home app`,
        `FROM ubuntu:24.04
RUN useradd -l -u 200000 svc && useradd -u 10001 app`,
        `FROM alpine:3.20
ARG UID
RUN useradd -u "\${UID}" app && adduser -D -u 1000001 other`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    for (const ins of runInstructions(model)) {
      for (const cmd of runCommands(ins)) {
        if (cmd.name !== "useradd") continue;
        const args = parseArgs(cmd.argv.slice(1), USERADD);
        if (hasOption(args, "-l", "--no-log-init")) continue;
        const uid = optionValues(args, "-u", "--uid").find((v) => /^\d+$/.test(v));
        if (uid === undefined || Number(uid) < HIGH_UID) continue;
        const size = Math.round((Number(uid) * LASTLOG_RECORD) / 1e6);
        const edits: FixEdit[] = !ins.exec && cmd.argv[0] === "useradd" ? [{ kind: "insert-after", range: ins.range, anchor: "useradd", text: " --no-log-init" }] : [];
        out.push(
          fail(ins, `useradd with UID ${uid} and without --no-log-init writes a lastlog file of about ${size} MB into the layer`, {
            key: boundedKey(`useradd uid ${uid}`),
            ...(edits.length > 0 ? { edits } : {}),
          }),
        );
        break;
      }
    }
    return out;
  },
});
