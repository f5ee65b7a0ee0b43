import { fail } from "../define.js";
import type { Violation } from "../types.js";
import { defineImageCheck, exampleConfig } from "./types.js";

// Directories every user may write to, on every common base image.
const WORLD_WRITABLE = ["/tmp", "/var/tmp", "/dev/shm"];

function problem(dir: string): string | undefined {
  if (dir === "" || dir === ".") return "the current directory";
  if (!dir.startsWith("/")) return "a relative directory, resolved against the current directory";
  const clean = dir.replace(/\/+$/, "");
  const base = WORLD_WRITABLE.find((w) => clean === w || clean.startsWith(`${w}/`));
  return base ? `under ${base}, which any user of the container may write to` : undefined;
}

export default defineImageCheck({
  id: "MAM-IMG-005",
  title: "PATH searches a writable or relative directory",
  severity: "low",
  description:
    "The image's PATH lists the current directory (an empty entry or `.`), a relative directory, or a directory " +
    "under /tmp, /var/tmp or /dev/shm. Any process in the container, whatever its user, can then place a program " +
    "named like a common command (ls, sh, python) where it is found first, and the next process that runs that " +
    "command, possibly as root, runs the attacker's program instead.",
  appliesTo: "image.Config",
  remediation: {
    text: "Set PATH to absolute directories that only root can write, for example ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin.",
    fix: "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  },
  examples: {},
  imageExamples: {
    bad: [
      exampleConfig({ config: { Env: ["PATH=/tmp/tools/bin:/usr/local/bin:/usr/bin:/bin"] } }),
      exampleConfig({ config: { Env: ["PATH=.:/usr/local/bin:/usr/bin:/bin"] } }),
      exampleConfig({ config: { Env: ["PATH=/usr/local/bin:/usr/bin:/bin:"] } }),
      exampleConfig({ config: { Env: ["PATH=node_modules/.bin:/usr/local/bin:/usr/bin"] } }),
    ],
    good: [
      exampleConfig({ config: { Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"] } }),
      exampleConfig({ config: { Env: ["PATH=/opt/app/bin:/usr/local/bin:/usr/bin:/bin", "TMPDIR=/tmp"] } }),
    ],
  },
  evaluate(image) {
    const out: Violation[] = [];
    for (const env of image.env) {
      if (env.value.name !== "PATH") continue;
      const dirs = env.value.value.split(":");
      const bad = [...new Set(dirs)].flatMap((d) => {
        const why = problem(d);
        return why ? [{ dir: d === "" ? "(empty entry)" : d, why }] : [];
      });
      const first = bad[0];
      if (!first) continue;
      const more = bad.length > 1 ? ` (and ${bad.slice(1).map((b) => b.dir).join(", ")})` : "";
      out.push(fail(env, `PATH searches ${first.dir}, ${first.why}${more}`, { key: `PATH ${bad.map((b) => b.dir).join(":")}`.slice(0, 300) }));
    }
    return out;
  },
});
