// The commands a RUN instruction executes, as the Dockerfile checks need them: shell form,
// exec form and here-documents alike, with `sudo`/`env` wrappers and leading assignments peeled
// off, and scripts given to `sh -c` or fed to a shell on standard input read as well.
import type { DockerInstruction } from "../../adapters/dockerfile.js";
import { parseShell, type ShellPipeline } from "./shell.js";

export interface RunCommand {
  /** The command and its arguments, after assignments, `then`/`do` words and wrappers. */
  argv: string[];
  /** Basename of argv[0] (`/usr/bin/apt-get` is `apt-get`); "" when nothing is left. */
  name: string;
  /** Wrappers that were peeled off, outermost first (`sudo`, `env`, ...). */
  wrappers: string[];
  /** The commands of its pipeline (itself included), and its position there. */
  pipeline: readonly RunCommand[];
  position: number;
  /** Commands run in this command's substitutions: `$(...)`, backticks, `<(...)`. */
  inner: readonly RunCommand[];
}

export const SHELLS: ReadonlySet<string> = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"]);

interface Wrapper {
  /** Short option letters that take an argument in the next word. */
  letters: string;
  long: readonly string[];
  /** Positional words before the wrapped command (`timeout 10s cmd`). */
  positional: number;
}

// `command` is not here on purpose: `command -v curl` asks about curl, it does not run it.
const WRAPPERS: Record<string, Wrapper> = {
  sudo: { letters: "ughpCDrtUT", long: ["--user", "--group", "--host", "--prompt", "--chdir", "--role", "--type", "--other-user", "--close-from", "--command-timeout"], positional: 0 },
  env: { letters: "uCS", long: ["--unset", "--chdir", "--split-string"], positional: 0 },
  nice: { letters: "n", long: ["--adjustment"], positional: 0 },
  nohup: { letters: "", long: [], positional: 0 },
  time: { letters: "fo", long: ["--format", "--output"], positional: 0 },
  exec: { letters: "a", long: [], positional: 0 },
  timeout: { letters: "ks", long: ["--kill-after", "--signal"], positional: 1 },
  busybox: { letters: "", long: [], positional: 0 },
};

const RESERVED = new Set(["if", "then", "else", "elif", "while", "until", "do", "!"]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const MAX_NESTING = 4;

export function basename(word: string): string {
  return word.slice(word.lastIndexOf("/") + 1);
}

function unwrap(words: readonly string[]): { argv: string[]; wrappers: string[] } {
  const wrappers: string[] = [];
  let i = 0;
  for (;;) {
    while (i < words.length && (ASSIGNMENT.test(words[i] as string) || RESERVED.has(words[i] as string))) i++;
    const name = basename(words[i] ?? "");
    const w = WRAPPERS[name];
    if (!w) break;
    wrappers.push(name);
    i++;
    while (i < words.length) {
      const a = words[i] as string;
      if (a === "--") {
        i++;
        break;
      }
      if (a.startsWith("--")) i += w.long.includes(a) ? 2 : 1;
      else if (/^-[A-Za-z0-9]+$/.test(a)) i += w.letters.includes(a.slice(-1)) ? 2 : 1;
      else if (name === "env" && ASSIGNMENT.test(a)) i++;
      else break;
    }
    i += w.positional;
  }
  return { argv: words.slice(i), wrappers };
}

export interface ShellInvocation {
  /** The script of `sh -c SCRIPT`. */
  script?: string;
  /** True when the shell reads its commands from standard input (`| sh`, `sh -s`, `bash <<EOF`). */
  readsStdin: boolean;
}

/** How a shell command gets its script; undefined when argv is not a shell. */
export function shellInvocation(argv: readonly string[]): ShellInvocation | undefined {
  if (!SHELLS.has(basename(argv[0] ?? ""))) return undefined;
  let dashC = false;
  let dashS = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (/^[-+][A-Za-z]+$/.test(a)) {
      if (a.startsWith("-") && a.includes("c")) dashC = true;
      if (a.startsWith("-") && a.includes("s")) dashS = true;
      // `-o pipefail`, `-euxo pipefail`: the option name is the next word.
      if (a.endsWith("o") || a.endsWith("O")) i++;
      continue;
    }
    if (a.startsWith("--") && a !== "--") continue;
    const operand = a === "--" ? argv[i + 1] : a;
    if (dashC) return operand === undefined ? { readsStdin: false } : { script: operand, readsStdin: false };
    return { readsStdin: dashS || operand === undefined || operand === "-" };
  }
  return { readsStdin: !dashC };
}

function collect(pipelines: readonly ShellPipeline[], depth: number, out: RunCommand[]): void {
  for (const p of pipelines) {
    const members: RunCommand[] = [];
    p.forEach((sc, position) => {
      const { argv, wrappers } = unwrap(sc.words);
      const inner: RunCommand[] = [];
      const rc: RunCommand = { argv, name: basename(argv[0] ?? ""), wrappers, pipeline: members, position, inner };
      members.push(rc);
      out.push(rc);
      if (depth >= MAX_NESTING) return;
      collect(sc.substitutions, depth + 1, inner);
      const shell = shellInvocation(argv);
      // The script of `sh -c` holds this command's substitutions again: read it instead of them.
      if (shell?.script !== undefined) collect(parseShell(shell.script), depth + 1, out);
      else out.push(...inner);
      if (rc.name === "" || shell?.readsStdin) for (const body of sc.heredocs) collect(parseShell(body), depth + 1, out);
    });
  }
}

const cache = new WeakMap<DockerInstruction, readonly RunCommand[]>();

/** Every command a RUN instruction runs, in order; [] for other instructions. */
export function runCommands(ins: DockerInstruction): readonly RunCommand[] {
  if (ins.keyword !== "RUN") return [];
  let cmds = cache.get(ins);
  if (!cmds) {
    const out: RunCommand[] = [];
    const pipelines: ShellPipeline[] = ins.exec ? [[{ words: ins.exec, substitutions: [], heredocs: [] }]] : parseShell(ins.args);
    collect(pipelines, 0, out);
    cmds = out;
    cache.set(ins, cmds);
  }
  return cmds;
}
