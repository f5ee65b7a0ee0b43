import { Option, type Command } from "commander";
import { contextOf } from "./context.js";
import { setExitCode } from "./exit.js";

export function register(program: Command): void {
  program
    .command("sbom")
    .description("software bill of materials of an image (archive, OCI layout, registry) or a directory")
    .argument("<target>", "an image or a directory")
    .addOption(new Option("--format <format>", "SBOM format").choices(["cyclonedx-json", "spdx-json"]).default("cyclonedx-json"))
    .option("-o, --output <file>", "write the SBOM to FILE instead of standard output")
    .option("--platform <os/arch>", "the platform to pick from a multi-platform image")
    .option("--insecure", "plain HTTP to a registry on the loopback address")
    .option("--no-store", "do not use the store's layer cache")
    .action(async (target: string, flags: { format: "cyclonedx-json" | "spdx-json"; output?: string; platform?: string; insecure?: boolean; store?: boolean }, cmd: Command) => {
      const { existsSync, statSync } = await import("node:fs");
      const { join, resolve } = await import("node:path");
      const { runArtifactScan } = await import("./scan-artifact.js");
      const ctx = contextOf(cmd);
      const abs = resolve(ctx.cwd, target);
      // A plain directory is a source tree (lock files); an image layout or archive is an image.
      const isTree = existsSync(abs) && statSync(abs).isDirectory() && !existsSync(join(abs, "oci-layout")) && !existsSync(join(abs, "manifest.json"));
      setExitCode(
        await runArtifactScan(isTree ? "fs" : "image", target, {
          format: flags.format,
          ...(flags.output !== undefined ? { output: flags.output } : {}),
          ...(flags.platform !== undefined ? { platform: flags.platform } : {}),
          ...(flags.insecure ? { insecure: true } : {}),
          ...(flags.store === false ? { store: false } : {}),
        }, ctx),
      );
    });
}
