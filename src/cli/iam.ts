import type { Command } from "commander";
import { NotAvailableError } from "../core/errors.js";

const LATER = "cloud entitlements (CIEM)";

export function register(program: Command): void {
  const iam = program.command("iam").description("who can do what: IAM simulation and analysis (not available yet)");
  iam.command("simulate")
    .description("can PRINCIPAL do ACTION on RESOURCE, and why")
    .option("--auth-details <file>")
    .option("--principal <arn>")
    .option("--action <action>")
    .option("--resource <arn>")
    .option("--context <key=value...>")
    .action(() => {
      throw new NotAvailableError("mamori iam simulate", LATER);
    });
  iam.command("analyze")
    .description("admin, wildcard, privilege escalation and unused permission findings")
    .option("--auth-details <file>")
    .action(() => {
      throw new NotAvailableError("mamori iam analyze", LATER);
    });
}
