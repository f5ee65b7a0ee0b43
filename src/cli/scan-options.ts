// The options every scan shares (CONTRACT.md), merged with mamori.yaml: flags win over the file.
import { Option, type Command } from "commander";
import { isAbsolute, relative, sep } from "node:path";
import { findConfig, loadConfig, OUTPUT_FORMATS, type MamoriConfig, type OutputFormat } from "../config/index.js";
import { InputError } from "../core/errors.js";
import { parseSeverity, parseSeverityList } from "../core/gate.js";
import type { Severity } from "../core/model.js";
import type { ReportFormat } from "../report/types.js";
import type { FinishOptions } from "../scan/finish.js";
import type { CliContext } from "./context.js";


export interface ScanFlags {
  format?: string;
  output?: string;
  severity?: string;
  failOn?: string;
  ignoreFile?: string;
  baseline?: string;
  db?: string;
  store?: string | false;
  config?: string;
  exclude?: string[];
  skipCheck?: string[];
}

export function addScanOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("-f, --format <format>", "report format").choices([...OUTPUT_FORMATS]))
    .option("-o, --output <file>", "write the report to FILE instead of standard output")
    .option("--severity <list>", "report only these severities (comma-separated)")
    .option("--fail-on <severity>", "exit 1 when a finding at or above this severity is reported")
    .option("--ignore-file <file>", "ignore rules (YAML; default: .mamoriignore when present)")
    .option("--baseline <file>", "report only findings not in this earlier JSON report")
    .option("--db <path>", "vulnerability database file")
    .option("--store <url>", "where scans are recorded: sqlite:PATH (default ~/.mamori/mamori.db) or postgres://...")
    .option("--no-store", "do not record the scan")
    .option("--config <file>", "project configuration (default: mamori.yaml in the working directory)")
    .option("--exclude <glob...>", "skip paths matching these globs")
    .option("--skip-check <id...>", "do not run these checks (ids or globs)");
}

export interface ScanSettings {
  config: MamoriConfig;
  /** The format asked for, including the SBOM formats that finishScan does not render. */
  format: OutputFormat;
  finish: Omit<FinishOptions, "startedAt">;
  exclude: string[];
  skipChecks: string[];
}

export function resolveScanSettings(flags: ScanFlags, ctx: CliContext, opts: { sbomFormats?: boolean } = {}): ScanSettings {
  // Named as the user would name it, so errors read `mamori.yaml:3: ...`.
  const found = flags.config ?? findConfig(ctx.cwd);
  const configPath = found !== undefined && isAbsolute(found) && found.startsWith(ctx.cwd + sep) ? relative(ctx.cwd, found) : found;
  const config: MamoriConfig = configPath !== undefined ? loadConfig(configPath) : {};
  if (configPath !== undefined) ctx.trace(`configuration from ${configPath}`);

  const format = (flags.format ?? config.format ?? "table") as OutputFormat;
  if ((format === "cyclonedx-json" || format === "spdx-json") && opts.sbomFormats !== true) {
    throw new InputError(`--format ${format}: an SBOM is written by scans that take an inventory (scan image, scan fs) and by mamori sbom`);
  }
  const severity: Severity[] | undefined =
    flags.severity !== undefined ? parseSeverityList(flags.severity, "--severity") : config.severity;
  const failOn: Severity | undefined = flags.failOn !== undefined ? parseSeverity(flags.failOn, "--fail-on") : config.failOn;
  const output = flags.output ?? config.output;
  const store = flags.store === false ? false : (flags.store ?? config.store);
  const ignoreFile = flags.ignoreFile ?? config.ignoreFile;
  const color = output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR;

  return {
    config,
    format,
    exclude: [...(config.exclude ?? []), ...(flags.exclude ?? [])],
    skipChecks: [...(config.checks?.skip ?? []), ...(flags.skipCheck ?? [])],
    finish: {
      cwd: ctx.cwd,
      format: format as ReportFormat,
      render: { color, width: Math.max(60, Math.min(process.stdout.columns ?? 80, 120)) },
      note: ctx.note,
      ...(ignoreFile !== undefined ? { ignoreFile } : {}),
      ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
      ...(severity !== undefined ? { severity } : {}),
      ...(failOn !== undefined ? { failOn } : {}),
      ...(store !== undefined ? { store } : {}),
      ...(output !== undefined ? { output } : {}),
    },
  };
}
