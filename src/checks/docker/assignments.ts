// Environment variables a RUN instruction sets for the commands it runs: `VAR=value cmd`,
// `export VAR=value`, `env VAR=value cmd`, also inside `sh -c` scripts and here-documents run by a
// shell. The model of RunCommand drops them (they are not the command), so they are read here.
import type { DockerInstruction } from "../../adapters/dockerfile.js";
import { basename, SHELLS, shellInvocation } from "./run.js";
import { parseShell, type ShellPipeline } from "./shell.js";

export interface Assignment {
  name: string;
  value: string;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;
const DECLARES = new Set(["export", "declare", "typeset", "readonly", "local", "env"]);
const MAX_DEPTH = 4;

function fromPipelines(pipelines: readonly ShellPipeline[], depth: number, out: Assignment[]): void {
  for (const p of pipelines) {
    for (const cmd of p) {
      const words = cmd.words;
      let i = 0;
      for (let m = ASSIGNMENT.exec(words[0] ?? ""); m; m = ASSIGNMENT.exec(words[++i] ?? "")) out.push({ name: m[1] as string, value: m[2] as string });
      const name = basename(words[i] ?? "");
      if (DECLARES.has(name)) {
        for (const w of words.slice(i + 1)) {
          const m = ASSIGNMENT.exec(w);
          if (m) out.push({ name: m[1] as string, value: m[2] as string });
          // `env A=1 make B=2`: B=2 is make's argument, not the environment.
          else if (name === "env" && !w.startsWith("-")) break;
        }
      }
      if (depth >= MAX_DEPTH) continue;
      const rest = words.slice(i);
      const shell = SHELLS.has(name) ? shellInvocation(rest) : undefined;
      if (shell?.script !== undefined) fromPipelines(parseShell(shell.script), depth + 1, out);
      if (name === "" || shell?.readsStdin) for (const body of cmd.heredocs) fromPipelines(parseShell(body), depth + 1, out);
    }
  }
}

const cache = new WeakMap<DockerInstruction, readonly Assignment[]>();

/** The assignments a RUN makes, in order; [] for other instructions. */
export function runAssignments(ins: DockerInstruction): readonly Assignment[] {
  if (ins.keyword !== "RUN") return [];
  let out = cache.get(ins);
  if (!out) {
    const found: Assignment[] = [];
    const pipelines: ShellPipeline[] = ins.exec ? [[{ words: ins.exec, substitutions: [], heredocs: [] }]] : parseShell(ins.args);
    fromPipelines(pipelines, 0, found);
    out = found;
    cache.set(ins, out);
  }
  return out;
}
