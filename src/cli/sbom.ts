import { Option, type Command } from "commander";
import { NotAvailableError } from "../core/errors.js";

export function register(program: Command): void {
  program
    .command("sbom")
    .description("software bill of materials of an image or directory (not available yet)")
    .argument("[target]")
    .addOption(new Option("--format <format>").choices(["cyclonedx-json", "spdx-json"]))
    .option("-o, --output <file>")
    .action(() => {
      throw new NotAvailableError("mamori sbom", "container image scanning (issue 4)");
    });
}
