// What every scan does after its analyzers ran, whatever the target: ignore rules, the store,
// the baseline, severity filtering, the report and the exit code. One path for all scan kinds.
import { existsSync } from "node:fs";
import { rename, stat, unlink } from "node:fs/promises";
import { createWriteStream } from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { applyBaseline, loadBaseline } from "../core/baseline.js";
import { describeFsError, InputError } from "../core/errors.js";
import { exitCodeFor, filterBySeverity } from "../core/gate.js";
import { applyIgnoreRules, loadIgnoreFile } from "../core/ignorefile.js";
import { summarize, type Report, type ScanHistory, type Severity } from "../core/model.js";
import { mamoriVersion } from "../core/version.js";
import { writeReport } from "../report/index.js";
import type { RenderOptions, ReportFormat } from "../report/types.js";
import type { ScanResult } from "./types.js";

export interface FinishOptions {
  cwd: string;
  startedAt: Date;
  /** An ignore file the user named (must exist); otherwise `.mamoriignore` in cwd when present. */
  ignoreFile?: string;
  baseline?: string;
  severity?: Severity[];
  failOn?: Severity;
  /** Store URL, or false to not record the scan. Undefined: the default store. */
  store?: string | false;
  format: ReportFormat;
  output?: string;
  /** Where the report goes when there is no `output` (default: standard output). */
  reportStream?: NodeJS.WritableStream;
  render: RenderOptions;
  /** Where notes for the user go (stderr), already silenced by --quiet. */
  note: (line: string) => void;
}

export interface Finished {
  report: Report;
  exitCode: 0 | 1;
}

export const DEFAULT_IGNORE_FILE = ".mamoriignore";

export async function finishScan(result: ScanResult, o: FinishOptions): Promise<Finished> {
  const findings = result.findings;
  const warnings = [...result.warnings];

  const ignorePath = o.ignoreFile ?? (existsSync(resolve(o.cwd, DEFAULT_IGNORE_FILE)) ? DEFAULT_IGNORE_FILE : undefined);
  if (ignorePath !== undefined) {
    const rules = loadIgnoreFile(ignorePath);
    const outcome = applyIgnoreRules(findings, rules, ignorePath);
    for (const r of outcome.expired) {
      warnings.push({
        path: `${ignorePath}:${r.line}`,
        message: `ignore entry for ${r.rule} expired on ${r.expires} and no longer suppresses`,
      });
    }
  }

  let history: ScanHistory | undefined;
  if (o.store !== false) {
    const { openStore } = await import("../store/index.js");
    const store = await openStore(o.store);
    try {
      const outcome = await store.recordScan({
        asset: result.asset,
        target: result.target,
        startedAt: o.startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        toolVersion: mamoriVersion(),
        findings,
      });
      const isNew = new Set(outcome.newIds);
      for (const f of findings) {
        const first = outcome.firstSeen[f.id];
        if (first !== undefined) f.firstSeen = first;
        f.isNew = isNew.has(f.id);
      }
      history = {
        ...(outcome.previousScanAt !== undefined ? { previousScanAt: outcome.previousScanAt } : {}),
        newCount: outcome.newIds.length,
        fixedCount: outcome.fixed.length,
        fixed: outcome.fixed,
      };
    } finally {
      await store.close();
    }
  }

  let reported = findings;
  if (o.baseline !== undefined) {
    const known = loadBaseline(resolve(o.cwd, o.baseline));
    const { findings: kept, removed } = applyBaseline(reported, known);
    reported = kept;
    if (removed > 0) o.note(`${removed} finding(s) already in the baseline ${o.baseline} are not reported`);
  }
  reported = filterBySeverity(reported, o.severity);

  const report: Report = {
    schemaVersion: 1,
    tool: { name: "mamori", version: mamoriVersion() },
    scannedAt: o.startedAt.toISOString(),
    targets: [result.target],
    ...(result.packages !== undefined ? { packages: result.packages } : {}),
    findings: reported,
    summary: summarize(reported),
    ...(history !== undefined ? { history } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };

  for (const w of warnings) o.note(`warning: ${w.path !== undefined ? `${w.path}: ` : ""}${w.message}`);

  if (o.output !== undefined) await writeReportFile(report, o);
  else await writeReport(report, o.format, o.render, o.reportStream ?? process.stdout);

  return { report, exitCode: exitCodeFor(reported, o.failOn) };
}

/** Writes next to the destination and renames, so an interrupted write never leaves half a report. */
async function writeReportFile(report: Report, o: FinishOptions): Promise<void> {
  const dest = resolve(o.cwd, o.output as string);
  const existing = await stat(dest).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    // A device or pipe (/dev/null, /dev/stdout, a FIFO): write straight to it, never rename over it.
    if (existing.isDirectory()) throw new InputError(`${o.output}: is a directory`);
    const direct = createWriteStream(dest, { flags: "a" });
    await writeReport(report, o.format, { ...o.render, color: false }, direct);
    await new Promise<void>((ok, fail) => direct.end((e?: Error | null) => (e ? fail(e) : ok())));
    return;
  }
  const tmp = join(dirname(dest), `.${basename(dest)}.${process.pid}.tmp`);
  const out = createWriteStream(tmp, { flags: "wx" });
  try {
    await new Promise<void>((ok, fail) => {
      out.once("open", () => ok());
      out.once("error", fail);
    });
    await writeReport(report, o.format, { ...o.render, color: false }, out);
    await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
    await rename(tmp, dest);
  } catch (e) {
    out.destroy();
    await unlink(tmp).catch(() => undefined);
    throw new InputError(describeFsError(o.output as string, e));
  }
}
