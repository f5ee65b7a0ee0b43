// Package-manager calls in RUN instructions (apt-get, apt, apk), split into subcommand, options
// and operands, so checks can ask "which packages does this install, and how".
import type { DockerInstruction } from "../../adapters/dockerfile.js";
import { runCommands, type RunCommand } from "./run.js";

export interface PackageManagerCall {
  command: RunCommand;
  /** `apt-get`, `apt` or `apk`. */
  tool: string;
  /** `install`, `update`, `add`, ...; "" when none is given. */
  subcommand: string;
  options: string[];
  /** Operands after the subcommand: package names for install and add. */
  operands: string[];
}

// Options whose value is the next word: without this table the value would read as a package.
const OPTIONS_WITH_VALUE: Record<string, ReadonlySet<string>> = {
  "apt-get": new Set(["-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release"]),
  apt: new Set(["-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release"]),
  apk: new Set(["-X", "-p", "-t", "--repository", "--root", "--virtual", "--arch", "--keys-dir", "--cache-dir", "--repositories-file", "--cache-max-age"]),
};

function parseCall(command: RunCommand): PackageManagerCall {
  const withValue = OPTIONS_WITH_VALUE[command.name] ?? new Set<string>();
  const options: string[] = [];
  const rest: string[] = [];
  const argv = command.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith("-") && a.length > 1) {
      options.push(a);
      if (withValue.has(a) && i + 1 < argv.length) options.push(argv[++i] as string);
    } else rest.push(a);
  }
  return { command, tool: command.name, subcommand: rest[0] ?? "", options, operands: rest.slice(1) };
}

/** Calls of `tools` in one RUN instruction, in order. */
export function packageManagerCalls(ins: DockerInstruction, tools: readonly string[]): PackageManagerCall[] {
  return runCommands(ins)
    .filter((c) => tools.includes(c.name))
    .map(parseCall);
}

export const APT = ["apt-get", "apt"] as const;

/** Package names an install names; local .deb files and unexpanded variables are left out. */
export function installedPackages(call: PackageManagerCall): string[] {
  return call.operands.filter((p) => p !== "" && !p.includes("$") && !p.startsWith("/") && !p.startsWith(".") && !p.endsWith(".deb") && !p.endsWith(".apk"));
}

/** Whether a `rm` in the RUN removes `dir` (or a parent of it, or everything in it). */
export function removesDirectory(ins: DockerInstruction, dir: string): boolean {
  return runCommands(ins).some(
    (c) =>
      c.name === "rm" &&
      c.argv.slice(1).some((p) => {
        if (p.startsWith("-")) return false;
        const path = p.replace(/\/\*$/, "").replace(/\/+$/, "");
        return path !== "" && (dir === path || dir.startsWith(`${path}/`));
      }),
  );
}
