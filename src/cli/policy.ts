// `mamori policy test DIR...`: runs every example of every custom policy and says which pass.
import type { Command } from "commander";
import { contextOf } from "./context.js";
import { setExitCode } from "./exit.js";

export function register(program: Command): void {
  const policy = program.command("policy").description("custom policies: YAML files with a CEL condition over Mamori's models");
  policy
    .command("test")
    .description("check that each policy's bad examples fire and its good examples stay quiet")
    .argument("<dir...>", "policy directories or files")
    .action(async (dirs: string[], _flags: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { builtinChecks } = await import("../checks/registry.js");
      const { loadPolicies, testPolicyExamples } = await import("../policy/index.js");
      const checks = loadPolicies(dirs, { cwd: ctx.cwd, builtin: builtinChecks });
      const results = testPolicyExamples(checks);
      const lines: string[] = [];
      for (const r of results) {
        const what = r.kind === "-" ? "" : ` ${r.format} ${r.kind} #${r.index}`;
        lines.push(`${r.pass ? "pass" : "FAIL"}  ${r.policy}${what}${r.pass ? "" : `  (${r.source}): ${r.detail}`}`);
      }
      const failed = results.filter((r) => !r.pass).length;
      lines.push(`${checks.length} policies, ${results.length - failed} examples passed, ${failed} failed`);
      process.stdout.write(`${lines.join("\n")}\n`);
      setExitCode(failed > 0 ? 1 : 0);
    });
}
