// What every command gets from the global options: how to talk to the user.
import type { Command } from "commander";

export interface CliContext {
  quiet: boolean;
  debug: boolean;
  cwd: string;
  /** A note for the user on stderr; silenced by --quiet. */
  note(line: string): void;
  /** Timing and details on stderr with --debug only. */
  trace(line: string): void;
}

export function contextOf(cmd: Command): CliContext {
  const g = cmd.optsWithGlobals<{ quiet?: boolean; debug?: boolean }>();
  const quiet = g.quiet === true;
  const debug = g.debug === true;
  const t0 = performance.now();
  return {
    quiet,
    debug,
    cwd: process.cwd(),
    note: (line) => {
      if (!quiet) process.stderr.write(`${line}\n`);
    },
    trace: (line) => {
      if (debug) process.stderr.write(`debug: [${Math.round(performance.now() - t0)} ms] ${line}\n`);
    },
  };
}
