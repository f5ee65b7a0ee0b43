import type { IacInputFormat } from "../adapters/index.js";
import { readStdinBounded } from "./stdin.js";
import { parseSize } from "../config/index.js";
import { finishScan } from "../scan/finish.js";
import { scanIac } from "../scan/iac.js";
import type { CliContext } from "./context.js";
import { progress } from "./progress.js";
import { resolveScanSettings, type ScanFlags } from "./scan-options.js";

export async function runIacScan(
  path: string,
  flags: ScanFlags & { inputFormat?: IacInputFormat; maxFileSize?: string },
  ctx: CliContext,
): Promise<number> {
  const startedAt = new Date();
  const settings = resolveScanSettings(flags, ctx);
  const maxFileSize = flags.maxFileSize !== undefined ? parseSize(flags.maxFileSize, "--max-file-size") : settings.config.limits?.maxFileSize;
  const bar = progress(ctx.quiet);
  let result;
  try {
    result = await scanIac({
      target: path,
      cwd: ctx.cwd,
      exclude: settings.exclude,
      skipChecks: settings.skipChecks,
      ...(maxFileSize !== undefined ? { maxFileSize } : {}),
      ...(settings.config.limits?.maxFiles !== undefined ? { maxFiles: settings.config.limits.maxFiles } : {}),
      ...(flags.inputFormat !== undefined ? { inputFormat: flags.inputFormat } : {}),
      readStdin: readStdinBounded,
      onProgress: (p) => bar.update(`scanning: ${p.files} files, ${p.findings} findings — ${p.current}`),
    });
  } finally {
    bar.done();
  }
  ctx.trace(`scanned ${result.filesScanned} files, ${result.findings.length} findings`);
  if (result.filesScanned === 0 && path !== "-") {
    ctx.note(`note: no file under ${path} is of a format Mamori scans yet (Dockerfile, Terraform, Kubernetes and the other IaC formats)`);
  }
  if (flags.db !== undefined) ctx.trace("--db is not used by IaC scans");
  const done = await finishScan(result, { ...settings.finish, startedAt });
  ctx.trace("report written");
  if (done.report.history && !ctx.quiet && settings.finish.format !== "table") {
    const h = done.report.history;
    ctx.note(`${h.newCount} new, ${h.fixedCount} fixed since the previous scan`);
  }
  return done.exitCode;
}

