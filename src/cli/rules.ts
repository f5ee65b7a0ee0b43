import { Option, type Command } from "commander";

export function register(program: Command): void {
  const rules = program.command("rules").description("the built-in check catalogue");
  rules
    .command("list")
    .description("print every built-in check with its metadata")
    .addOption(new Option("--format <format>", "output format").choices(["md", "json"]).default("md"))
    .action(async (flags: { format: "md" | "json" }) => {
      const { builtinChecks } = await import("../checks/registry.js");
      const { catalogJson, catalogMarkdown } = await import("../checks/catalog.js");
      const text = flags.format === "json" ? `${JSON.stringify(catalogJson(builtinChecks), null, 2)}\n` : catalogMarkdown(builtinChecks);
      process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    });
}
