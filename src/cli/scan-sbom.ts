import { finishScan } from "../scan/finish.js";
import { scanSbom } from "../scan/sbom.js";
import type { CliContext } from "./context.js";
import { resolveScanSettings, type ScanFlags } from "./scan-options.js";

export interface SbomScanFlags extends ScanFlags {
  vex?: string[];
  ignoreUnfixed?: boolean;
  detection?: "distro" | "upstream";
}

export async function runSbomScan(path: string, flags: SbomScanFlags, ctx: CliContext): Promise<number> {
  const startedAt = new Date();
  const settings = resolveScanSettings(flags, ctx);
  const result = await scanSbom(path, ctx.cwd, {
    ...(flags.db !== undefined ? { db: flags.db } : {}),
    ...(flags.vex !== undefined ? { vex: flags.vex } : {}),
    ...(flags.ignoreUnfixed ? { ignoreUnfixed: true } : {}),
    ...(flags.detection !== undefined ? { detection: flags.detection } : {}),
  });
  ctx.trace(`matched ${result.packages?.length ?? 0} packages: ${result.findings.length} findings`);
  const done = await finishScan(result, { ...settings.finish, startedAt });
  return done.exitCode;
}
