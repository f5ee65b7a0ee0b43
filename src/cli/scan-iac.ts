import type { IacInputFormat } from "../adapters/index.js";
import { readStdinBounded } from "./stdin.js";
import { parseSize } from "../config/index.js";
import { resolve } from "node:path";
import type { IacVariables } from "../adapters/types.js";
import { readTextFile, UnreadableFile } from "../artifacts/textfile.js";
import { describeFsError, InputError } from "../core/errors.js";
import { finishScan } from "../scan/finish.js";
import { scanIac } from "../scan/iac.js";
import type { CliContext } from "./context.js";
import { progress } from "./progress.js";
import { resolveScanSettings, type ScanFlags } from "./scan-options.js";
import { checksWithPolicies, notePolicyFailures } from "./scan-policies.js";

/** A repeatable option's value with its position among --var and --var-file. */
export interface OrderedArg {
  n: number;
  value: string;
}

export interface IacScanFlags extends ScanFlags {
  /** Terraform input variables, NAME=VALUE. */
  var?: OrderedArg[];
  /** Terraform variables files. */
  varFile?: OrderedArg[];
  inputFormat?: IacInputFormat;
  maxFileSize?: string;
  /** Custom policy directories or files (repeatable). */
  policy?: string[];
  honorPeerSkips?: boolean;
  fix?: "diff" | "write";
}

/** --var and --var-file in the order given, the files read; TF_VAR_ from the environment. */
async function iacVariables(flags: IacScanFlags, cwd: string): Promise<IacVariables> {
  const given = [...(flags.var ?? []).map((a) => ({ ...a, file: false })), ...(flags.varFile ?? []).map((a) => ({ ...a, file: true }))].sort((x, y) => x.n - y.n);
  const cli: NonNullable<IacVariables["cli"]>[number][] = [];
  for (const a of given) {
    if (!a.file) {
      const m = /^([A-Za-z_][A-Za-z0-9_-]*)=(.*)$/s.exec(a.value);
      if (!m) throw new InputError(`--var ${a.value}: expected NAME=VALUE`);
      cli.push({ name: m[1] as string, value: m[2] as string });
      continue;
    }
    try {
      cli.push({ file: a.value, text: (await readTextFile(resolve(cwd, a.value))).text });
    } catch (e) {
      if (e instanceof UnreadableFile) throw new InputError(`--var-file ${a.value}: ${e.reason}`);
      throw new InputError(describeFsError(`--var-file ${a.value}`, e));
    }
  }
  return { cli, env: process.env };
}

export async function runIacScan(path: string, flags: IacScanFlags, ctx: CliContext): Promise<number> {
  const startedAt = new Date();
  const settings = resolveScanSettings(flags, ctx);
  const maxFileSize = flags.maxFileSize !== undefined ? parseSize(flags.maxFileSize, "--max-file-size") : settings.config.limits?.maxFileSize;
  if (flags.fix !== undefined && path === "-") throw new InputError("--fix: standard input cannot be fixed; name a file or directory");

  const { checks, policies } = await checksWithPolicies([...(settings.config.policies ?? []), ...(flags.policy ?? [])], ctx);

  const bar = progress(ctx.quiet);
  let result;
  try {
    result = await scanIac({
      target: path,
      cwd: ctx.cwd,
      exclude: settings.exclude,
      skipChecks: settings.skipChecks,
      checks,
      honorPeerSkips: flags.honorPeerSkips === true,
      variables: await iacVariables(flags, ctx.cwd),
      ...(ctx.debug ? { debug: (line: string) => ctx.trace(line) } : {}),
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
  notePolicyFailures(policies, ctx);
  if (result.filesScanned === 0 && path !== "-") {
    ctx.note(`note: no file under ${path} is of a format Mamori scans yet (Dockerfile, Terraform, Kubernetes and the other IaC formats)`);
  }
  if (flags.db !== undefined) ctx.trace("--db is not used by IaC scans");
  // With --fix=diff the diff is what goes to standard output; the report goes to --output or stderr.
  const finish = flags.fix === "diff" && settings.finish.output === undefined
    ? { ...settings.finish, reportStream: process.stderr, render: { ...settings.finish.render, color: false } }
    : settings.finish;
  const done = await finishScan(result, { ...finish, startedAt });
  ctx.trace("report written");
  if (done.report.history && !ctx.quiet && settings.finish.format !== "table") {
    const h = done.report.history;
    ctx.note(`${h.newCount} new, ${h.fixedCount} fixed since the previous scan`);
  }
  if (flags.fix !== undefined) {
    const { fixFindings, describeFixes } = await import("../scan/fix.js");
    const outcome = await fixFindings({
      mode: flags.fix,
      cwd: ctx.cwd,
      target: path,
      findings: done.report.findings,
      checks,
      skipChecks: settings.skipChecks,
      ...(flags.inputFormat !== undefined ? { inputFormat: flags.inputFormat } : {}),
      ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    });
    if (flags.fix === "diff") process.stdout.write(outcome.diff);
    for (const line of describeFixes(outcome, flags.fix)) ctx.note(line);
  }
  return done.exitCode;
}
