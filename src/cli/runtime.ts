import type { Command } from "commander";
import { NotAvailableError } from "../core/errors.js";

export function register(program: Command): void {
  const runtime = program.command("runtime").description("runtime threat detection with Falco-syntax rules (not available yet)");
  runtime
    .command("eval")
    .description("evaluate rules over an event file or stream")
    .option("--rules <file...>")
    .option("--events <file>")
    .option("--source <source>")
    .action(() => {
      throw new NotAvailableError("mamori runtime eval", "runtime detection");
    });
}
