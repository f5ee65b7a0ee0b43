import type { Command } from "commander";
import { NotAvailableError } from "../core/errors.js";

export function register(program: Command): void {
  program
    .command("worker")
    .description("run scan jobs from a queue (not available yet)")
    .option("--queue <url>")
    .option("--store <url>")
    .action(() => {
      throw new NotAvailableError("mamori worker", "the scale-out issue (Redis queue, PostgreSQL store)");
    });
}
