import { Option, type Command } from "commander";
import { contextOf } from "./context.js";

export function register(program: Command): void {
  const rules = program.command("rules").description("the built-in check catalogue");
  rules
    .command("list")
    .description("print every built-in check with its metadata, and the custom policies given with --policy")
    .addOption(new Option("--format <format>", "output format").choices(["md", "json"]).default("md"))
    .option("--policy <dir>", "custom policies (YAML with a CEL condition) to list beside the built-in checks, marked custom; repeatable", (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (flags: { format: "md" | "json"; policy: string[] }, cmd: Command) => {
      const { builtinChecks } = await import("../checks/registry.js");
      const { catalogJson, catalogMarkdown } = await import("../checks/catalog.js");
      const { checksWithPolicies } = await import("./scan-policies.js");
      const { policies } = await checksWithPolicies(flags.policy, contextOf(cmd));
      const text = flags.format === "json" ? `${JSON.stringify(catalogJson(builtinChecks, policies), null, 2)}\n` : catalogMarkdown(builtinChecks, policies);
      process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    });
}
