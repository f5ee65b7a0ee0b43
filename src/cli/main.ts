// The CLI: one file per command, each loading its implementation only when it runs, so that
// start-up stays fast.
import { Command, CommanderError } from "commander";
import { isInputError } from "../core/errors.js";
import { mamoriVersion } from "../core/version.js";
import { exitState } from "./exit.js";
import * as dbCmd from "./db.js";
import * as iamCmd from "./iam.js";
import * as policyCmd from "./policy.js";
import * as rulesCmd from "./rules.js";
import * as runtimeCmd from "./runtime.js";
import * as sbomCmd from "./sbom.js";
import * as scanCmd from "./scan.js";
import * as serveCmd from "./serve.js";
import * as workerCmd from "./worker.js";

export function buildProgram(): Command {
  const program = new Command("mamori")
    .description("Mamori: cloud-native application protection — containers, workloads, cloud posture, entitlements and IaC on one finding model")
    .version(mamoriVersion(), "-V, --version")
    .option("-q, --quiet", "no progress and no notes on stderr")
    .option("--debug", "stack traces and timing on stderr")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // Commander's own usage errors: one line, and our exit code 2.
      outputError: (str, write) => write(str.split("\n").filter(Boolean)[0] + "\n"),
    });
  for (const cmd of [scanCmd, sbomCmd, dbCmd, iamCmd, runtimeCmd, serveCmd, workerCmd, rulesCmd, policyCmd]) cmd.register(program);
  for (const c of program.commands) inheritExitOverride(c);
  return program;
}

function inheritExitOverride(cmd: Command): void {
  cmd.exitOverride();
  for (const c of cmd.commands) inheritExitOverride(c);
}

/** Runs the CLI and returns the exit code (CONTRACT.md: 0, 1 findings, 2 bad input, 3 internal). */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes("--debug");
  let code: number;
  exitState.code = 0;
  try {
    await program.parseAsync(argv);
    code = exitState.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      // A group called without its subcommand prints help and exits 1 in commander: that is a usage error.
      return 2;
    }
    if (isInputError(e)) {
      process.stderr.write(`error: ${e.message}\n`);
      if (e.hint) process.stderr.write(`hint: ${e.hint}\n`);
      if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`internal error: ${err?.message ?? String(e)}${debug ? "" : " (run with --debug for details)"}\n`);
    if (debug && err?.stack) process.stderr.write(`${err.stack}\n`);
    return 3;
  }
  return code;
}
