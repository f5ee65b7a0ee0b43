import type { Command } from "commander";
import { NotAvailableError } from "../core/errors.js";

const LATER = "the vulnerability database (issue 3)";

export function register(program: Command): void {
  const db = program.command("db").description("the vulnerability database (not available yet)");
  db.command("import")
    .description("import OSV records from a directory, zip or file")
    .argument("[source]")
    .option("--db <path>")
    .action(() => {
      throw new NotAvailableError("mamori db import", LATER);
    });
  db.command("update")
    .description("download and import osv.dev's per-ecosystem archives")
    .option("--source <url>")
    .option("--db <path>")
    .action(() => {
      throw new NotAvailableError("mamori db update", LATER);
    });
  db.command("status")
    .description("ecosystems, record counts and age of the database")
    .option("--db <path>")
    .action(() => {
      throw new NotAvailableError("mamori db status", LATER);
    });
}
