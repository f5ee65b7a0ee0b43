import type { DockerfileModel, DockerInstruction } from "../../adapters/dockerfile.js";
import { defineCheck, fail } from "../define.js";
import type { FixEdit, Violation } from "../types.js";
import { hasOption, maskUrlCredentials, parseArgs, pipArgs } from "./args.js";
import { runAssignments } from "./assignments.js";
import { PIP_SPEC } from "./pip-pin.js";
import { runCommands, type RunCommand } from "./run.js";
import { boundedKey, finalImageStages, mounts } from "./util.js";

const CACHE_DIR = /(?:^|\/)\.cache(?:\/pip)?\/?\*?$/;

/** Whether pip's cache is kept out of the layer for this RUN: a cache mount, or removing ~/.cache in the same RUN. */
function cacheHandled(ins: DockerInstruction, cmds: readonly RunCommand[]): boolean {
  if (mounts(ins).some((m) => (m.get("type") === "cache" || m.get("type") === "tmpfs") && /\.cache|pip/.test(m.get("target") ?? m.get("dst") ?? m.get("destination") ?? ""))) return true;
  if (runAssignments(ins).some((a) => a.name === "PIP_NO_CACHE_DIR" && a.value !== "")) return true;
  return cmds.some((c) => c.name === "rm" && c.argv.slice(1).some((p) => !p.startsWith("-") && CACHE_DIR.test(p)));
}

export default defineCheck<DockerfileModel>({
  id: "MAM-DF-035",
  title: "pip install keeps its download cache in the image",
  severity: "low",
  description:
    "pip caches every wheel it downloads or builds under ~/.cache/pip. In an image build nothing reuses that cache, " +
    "but it stays in the layer, often tens or hundreds of megabytes. `--no-cache-dir`, PIP_NO_CACHE_DIR (ENV, ARG or " +
    "in the RUN), a BuildKit cache mount on the cache directory, or removing ~/.cache in the same RUN all avoid it. " +
    "Only the stages that make the final image are checked.",
  appliesTo: "dockerfile.Dockerfile",
  references: { hadolint: "DL3042" },
  remediation: {
    text: "Add --no-cache-dir to pip install (or set ENV PIP_NO_CACHE_DIR=1), or use a BuildKit cache mount for /root/.cache/pip to keep the cache between builds without shipping it.",
    fix: "RUN pip install --no-cache-dir -r requirements.txt",
  },
  examples: {
    dockerfile: {
      bad: [
        `FROM python:3.12-slim
COPY requirements.txt .
RUN pip install -r requirements.txt`,
        `FROM python:3.12-slim
RUN python3 -m pip install --upgrade pip==24.0 \\
 && pip3 install flask==3.0.2`,
        `FROM python:3.12-slim AS base
RUN pip install --user poetry==1.8.3
FROM base
COPY . /app`,
      ],
      good: [
        `FROM python:3.12-slim
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt`,
        `# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt`,
        `FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask==3.0.2`,
        `# the build stage's cache does not ship
FROM python:3.12 AS build
RUN pip wheel -w /wheels -r requirements.txt && pip install build==1.2.1
FROM python:3.12-slim
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /root/.cache`,
      ],
    },
  },
  evaluate(model) {
    const out: Violation[] = [];
    const chain = finalImageStages(model);
    let disabled = false;
    for (const ins of chain.flatMap((s) => s.instructions)) {
      if ((ins.keyword === "ENV" || ins.keyword === "ARG") && (ins.vars ?? []).some((v) => v.name === "PIP_NO_CACHE_DIR" && (v.value ?? "") !== "")) disabled = true;
      if (ins.keyword !== "RUN" || disabled) continue;
      const cmds = runCommands(ins);
      const calls = cmds.filter((c) => {
        const args = pipArgs(c);
        if (!args) return false;
        const parsed = parseArgs(args, PIP_SPEC);
        return parsed.operands[0] === "install" && !hasOption(parsed, "--no-cache-dir");
      });
      const first = calls[0];
      if (!first || cacheHandled(ins, cmds)) continue;
      const edits: FixEdit[] = calls.length === 1 && !ins.exec && first.argv[1] === "install" ? [{ kind: "insert-after", range: ins.range, anchor: `${first.argv[0]} install`, text: " --no-cache-dir" }] : [];
      const at = first.argv.indexOf("install");
      out.push(
        fail(ins, "pip install without --no-cache-dir leaves pip's download cache in the layer", {
          key: boundedKey(maskUrlCredentials(`pip install cache ${calls.map((c) => c.argv.slice(1).join(" ")).join("; ")}`)),
          fix: maskUrlCredentials([...first.argv.slice(0, at + 1), "--no-cache-dir", ...first.argv.slice(at + 1)].join(" ")),
          ...(edits.length > 0 ? { edits } : {}),
        }),
      );
    }
    return out;
  },
});
