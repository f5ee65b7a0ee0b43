// Shared readings of a Dockerfile model: which stages make the final image, variable
// expansion as Docker does it for FROM and USER, and stable keys for fingerprints.
import type { DockerfileModel, DockerInstruction, DockerStage } from "../../adapters/dockerfile.js";
import { normalizeKey } from "../../core/fingerprint.js";

/** The stages whose layers and settings end up in the final image, base first. */
export function finalImageStages(model: DockerfileModel): DockerStage[] {
  const chain: DockerStage[] = [];
  let stage = model.stages[model.stages.length - 1];
  while (stage) {
    chain.unshift(stage);
    stage = earlierStage(model, stage.image, stage.index);
  }
  return chain;
}

/** The stage named `name` defined before stage `before` (stage names are case-insensitive). */
export function earlierStage(model: DockerfileModel, name: string, before: number): DockerStage | undefined {
  const wanted = name.toLowerCase();
  for (let i = before - 1; i >= 0; i--) {
    const s = model.stages[i];
    if (s?.name !== undefined && s.name.toLowerCase() === wanted) return s;
  }
  return undefined;
}

export function instructionsOf(stages: readonly DockerStage[], keyword: string): DockerInstruction[] {
  return stages.flatMap((s) => s.instructions.filter((i) => i.keyword === keyword));
}

/** RUN instructions of every stage (ONBUILD triggers run in other builds and are left out). */
export function runInstructions(model: DockerfileModel): DockerInstruction[] {
  return model.instructions.filter((i) => i.keyword === "RUN" && i.stage >= 0);
}

const MAX_KEY = 300;

/** A fingerprint key of bounded size: a hostile file must not make megabyte keys. */
export function boundedKey(text: string): string {
  return normalizeKey(text).slice(0, MAX_KEY);
}

/** What identifies an instruction without its line: keyword and arguments, white space folded. */
export function instructionKey(ins: DockerInstruction): string {
  return boundedKey(`${ins.keyword} ${ins.args}`);
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Expands `$X`, `${X}`, `${X:-default}` and `${X:+alt}` from `vars`; undefined when a variable
 * has no value to expand to, because a guess would make a finding up.
 */
export function expandVariables(text: string, vars: ReadonlyMap<string, string | undefined>): string | undefined {
  let unresolved = false;
  const out = text.replace(VARIABLE, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    const value = vars.get(name);
    const set = value !== undefined && (value !== "" || op === "-" || op === "+");
    if (op === ":-" || op === "-") return set ? (value as string) : (word ?? "");
    if (op === ":+" || op === "+") return set ? (word ?? "") : "";
    if (value === undefined) unresolved = true;
    return value ?? "";
  });
  return unresolved ? undefined : out;
}

/** The variables in scope at the end of `stages` (global ARGs re-declared, then stage ARG and ENV). */
export function stageVariables(model: DockerfileModel, stages: readonly DockerStage[], upTo?: DockerInstruction): Map<string, string | undefined> {
  const vars = new Map<string, string | undefined>();
  for (const stage of stages) {
    for (const ins of stage.instructions) {
      if (ins === upTo) return vars;
      if (ins.keyword !== "ARG" && ins.keyword !== "ENV") continue;
      for (const v of ins.vars ?? []) {
        const value = v.value !== undefined ? (expandVariables(v.value, vars) ?? undefined) : ins.keyword === "ARG" ? (vars.get(v.name) ?? model.args.get(v.name)) : undefined;
        vars.set(v.name, value);
      }
    }
  }
  return vars;
}

/** The options of the `--mount=` flags of an instruction, as key/value maps. */
export function mounts(ins: DockerInstruction): Map<string, string>[] {
  return ins.flags
    .filter((f) => f.startsWith("--mount="))
    .map((f) => new Map(f.slice("--mount=".length).split(",").map((kv): [string, string] => {
      const eq = kv.indexOf("=");
      return eq < 0 ? [kv, ""] : [kv.slice(0, eq), kv.slice(eq + 1)];
    })));
}

/** Whether the RUN has a cache mount at `dir` or a parent of it, so nothing there stays in the image. */
export function hasCacheMountAt(ins: DockerInstruction, dir: string): boolean {
  return mounts(ins).some((m) => {
    if (m.get("type") !== "cache" && m.get("type") !== "tmpfs") return false;
    const target = (m.get("target") ?? m.get("dst") ?? m.get("destination") ?? "").replace(/\/+$/, "");
    return target !== "" && (dir === target || dir.startsWith(`${target}/`));
  });
}

export function quoteList(items: readonly string[], max = 6): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function unquote(word: string): string {
  return word.length >= 2 && (word[0] === '"' || word[0] === "'") && word[word.length - 1] === word[0] ? word.slice(1, -1) : word;
}

/** Sources and destination of an ADD or COPY, exec form or not. */
export function copySources(ins: DockerInstruction): { sources: string[]; dest: string } {
  // With here-documents only the first line names sources and destination.
  const heredoc = ins.args.includes("\n");
  const words = ins.exec ?? (heredoc ? (ins.args.split("\n")[0] ?? "").trim().split(/\s+/) : ins.argv).map(unquote);
  return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? "" };
}

const REMOTE = /^(?:https?|ftp):\/\/|^git@|^ssh:\/\//i;

export function isRemoteSource(src: string): boolean {
  return REMOTE.test(src);
}

/** The stage and the earlier stages it builds on, base first (what `finalImageStages` is for the last stage). */
export function stageChain(model: DockerfileModel, stage: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [];
  for (let s: DockerStage | undefined = stage; s; s = earlierStage(model, s.image, s.index)) chain.unshift(s);
  return chain;
}

/** Indexes of the stages whose instructions end up in the final image. */
export function finalStageIndexes(model: DockerfileModel): Set<number> {
  return new Set(finalImageStages(model).map((s) => s.index));
}
