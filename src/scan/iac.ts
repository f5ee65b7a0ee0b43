// IaC scanning: files under a target are offered to the adapters, parsed onto models, checked,
// and turned into findings with inline suppressions applied.
import { realpath, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { adapterFor, adapterForFormat, adapterForText, adapters, IAC_INPUT_FORMATS } from "../adapters/index.js";
import type { Adapter, IacVariables, ParsedFile, ProjectOptions } from "../adapters/types.js";
import { walkFiles } from "../artifacts/walk.js";
import { decodeText, readTextFile, UnreadableFile, formatBytes, DEFAULT_MAX_TEXT_FILE, type TextFile } from "../artifacts/textfile.js";
import { CheckSet, toFindings } from "../checks/engine.js";
import { builtinChecks } from "../checks/registry.js";
import type { Check, ExampleFormat } from "../checks/types.js";
import { describeFsError, InputError } from "../core/errors.js";
import type { Finding, ScanWarning, Target } from "../core/model.js";
import type { ScanResult } from "./types.js";
import { applyFileSuppressions, linesUnder } from "../core/suppress-file.js";
import type { SecretRule } from "../secrets/index.js";
import { findingsByFile, projectReader } from "./iac-project.js";

let providerRules: SecretRule[] | undefined;

/** The secret scanner with its provider rules, loaded only by scans that look for secrets. */
async function providerSecrets(): Promise<(text: string, path: string) => Finding[]> {
  const { BUILTIN_SECRET_RULES, scanText } = await import("../secrets/index.js");
  const rules = (providerRules ??= BUILTIN_SECRET_RULES.filter((r) => r.generic !== true));
  return (text, path) => scanText(text, path, rules);
}

export interface IacScanOptions {
  /** A file, a directory, or "-" for standard input. */
  target: string;
  cwd: string;
  exclude?: readonly string[];
  /** Rule ids or globs of checks not to run. */
  skipChecks?: readonly string[];
  maxFileSize?: number;
  maxFiles?: number;
  /** The format of standard input, or of a named file whose name does not tell. */
  inputFormat?: ExampleFormat;
  readStdin?: (maxBytes: number) => Promise<Buffer>;
  onProgress?: (p: { files: number; findings: number; current: string }) => void;
  /** Run the secret scanner's provider rules on the IaC files too (default true). */
  secrets?: boolean;
  /** Extra checks (tests, custom policies later). Defaults to the built-in ones. */
  checks?: readonly Check[];
  /** Honour Checkov, tfsec, Trivy and KICS skip comments (core/suppress-peer.ts). */
  honorPeerSkips?: boolean;
  /** Input variables for adapters that read whole projects (Terraform: --var, --var-file, TF_VAR_). */
  variables?: IacVariables;
  /** Receives details for --debug (which Terraform values are unknown, and why). */
  debug?: (line: string) => void;
}

export type { ScanResult };

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

/** Paths are shown relative to the working directory when inside it, so SARIF lines up with the repository. */
function displayPathFor(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? toPosix(abs) : toPosix(rel);
}

function selectChecks(all: readonly Check[], skip: readonly string[] | undefined): CheckSet {
  if (!skip || skip.length === 0) return new CheckSet(all);
  const skipped = picomatch([...skip]);
  return new CheckSet(all.filter((c) => !skipped(c.id)));
}

/** Sniffs standard input when no --input-format is given: only what can be told for sure. */
function sniffFormat(text: string): ExampleFormat | undefined {
  for (const raw of text.split(/\r?\n/, 200)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (/^(from|arg)\s/i.test(line)) return "dockerfile";
    return /^(apiVersion|kind):/.test(line) || line === "---" ? "kubernetes" : undefined;
  }
  return undefined;
}

export async function scanIac(options: IacScanOptions): Promise<ScanResult> {
  const checks = selectChecks(options.checks ?? builtinChecks, options.skipChecks);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_TEXT_FILE;
  const warnings: ScanWarning[] = [];
  const findings: Finding[] = [];
  let filesScanned = 0;
  const scanSecretText = options.secrets !== false ? await providerSecrets() : undefined;
  const projectOptions = (realRoot: string, strict: boolean): ProjectOptions => ({
    ...projectReader(realRoot, maxFileSize, options.exclude ?? []),
    ...(options.variables ? { variables: options.variables } : {}),
    ...(options.debug ? { debug: options.debug } : {}),
    strict,
  });

  const scanText = (file: TextFile, adapter: Adapter, displayPath: string, rootPath: string): void => {
    scanParsed(file, adapter.parse(file.text, displayPath), adapter, displayPath, rootPath, undefined);
  };

  /** `root`: the absolute scan root as the user named it, for files a model names (module sources). */
  const scanParsed = (file: TextFile, parsed: ParsedFile, adapter: Adapter, displayPath: string, rootPath: string, root: string | undefined): void => {
    if (file.invalidUtf8) warnings.push({ path: displayPath, message: "not valid UTF-8: decoded with replacement characters" });
    for (const w of parsed.warnings) warnings.push({ path: w.line ? `${displayPath}:${w.line}` : displayPath, message: w.message });
    const raw = checks.run(parsed.models, rootPath);
    const fileFindings =
      root === undefined
        ? toFindings(raw, { scope: "iac", displayPath, rootPath, lines: file.lines })
        : findingsByFile(raw, { displayPath, rootPath, lines: file.lines, displayOf: (rel) => displayPathFor(options.cwd, resolve(root, rel)), linesOf: linesUnder(options.cwd, displayPath, rootPath) });
    // Provider-format secrets (keys, tokens) anywhere in the file; NAME=value assignments are the
    // format checks' to judge (MAM-DF-005, MAM-K8S-013, MAM-AWS-009), so generic rules stay out.
    if (scanSecretText) fileFindings.push(...scanSecretText(file.text, displayPath));
    applyFileSuppressions({ findings: fileFindings, results: raw, lines: file.lines, blocks: parsed.blocks, fileLabel: displayPath, rootPath, format: adapter.format, peerSkips: options.honorPeerSkips === true, readLines: linesUnder(options.cwd, displayPath, rootPath) });
    for (const f of fileFindings) findings.push(f); // not a spread: a file may give 100,000s
    filesScanned++;
    options.onProgress?.({ files: filesScanned, findings: findings.length, current: displayPath });
  };

  if (options.target === "-") {
    if (!options.readStdin) throw new InputError("-: standard input is not available");
    const bytes = await options.readStdin(maxFileSize);
    let file: TextFile;
    try {
      file = decodeText(bytes);
    } catch (e) {
      if (e instanceof UnreadableFile) throw new InputError(`-: standard input is ${e.reason.replace(/^not /, "not ")}`);
      throw e;
    }
    // A named format first; else what the first lines say; else the adapter that recognises the text
    // (a plan JSON shares the "terraform" format with HCL, so the adapter itself is kept).
    const sniffed = options.inputFormat ?? sniffFormat(file.text);
    const adapter = sniffed ? adapterForFormat(sniffed) : adapters.find((a) => a.sniff?.(file.text));
    const format = sniffed ?? adapter?.format;
    if (format && !adapter) throw new InputError(`-: ${format} is not a format Mamori reads yet`);
    if (!adapter) throw new InputError(`-: cannot tell the format of standard input; give --input-format (${IAC_INPUT_FORMATS.join(", ")})`);
    scanText(file, adapter, "stdin", "stdin");
    return { target: { type: "iac", name: "-" }, asset: { type: "iac", name: "stdin" }, findings, warnings, filesScanned };
  }

  const abs = resolve(options.cwd, options.target);
  let real: string;
  try {
    real = await realpath(abs);
  } catch (e) {
    throw new InputError(describeFsError(options.target, e));
  }
  const st = await stat(real).catch((e: unknown) => {
    throw new InputError(describeFsError(options.target, e));
  });
  const target: Target = { type: "iac", name: options.target };
  const asset = { type: "iac" as const, name: real };

  if (st.isFile() || !st.isDirectory()) {
    if (!st.isFile()) throw new InputError(`${options.target}: not a regular file or directory`);
    if (!options.inputFormat && !adapterFor(basename(real))) {
      throw new InputError(`${options.target}: cannot tell the file's format from its name; give --input-format (dockerfile, kubernetes)`);
    }
    let file: TextFile;
    try {
      file = await readTextFile(real, maxFileSize);
    } catch (e) {
      if (e instanceof UnreadableFile) throw new InputError(`${options.target}: ${e.reason}`);
      throw new InputError(describeFsError(options.target, e));
    }
    const adapter = (options.inputFormat ? adapterForFormat(options.inputFormat) : undefined) ?? adapterForText(basename(real), file.text);
    if (!adapter) {
      throw new InputError(`${options.target}: cannot tell the file's format from its content; give --input-format (dockerfile, kubernetes)`);
    }
    if (adapter.parseProject) {
      // A file named on its own is a project of one file; modules it calls are read from its directory down.
      const parsed = adapter.parseProject([{ path: basename(real), text: file.text, label: displayPathFor(options.cwd, abs) }], projectOptions(dirname(real), true))[0];
      if (parsed) scanParsed(file, parsed, adapter, displayPathFor(options.cwd, abs), basename(real), dirname(abs));
    } else scanText(file, adapter, displayPathFor(options.cwd, abs), basename(real));
    return { target, asset, findings, warnings, filesScanned };
  }

  // Files of adapters that read whole projects wait for the end of the walk.
  const projects = new Map<Adapter, { file: TextFile; displayPath: string; relPath: string }[]>();
  const walker = walkFiles(real, {
    exclude: options.exclude ?? [],
    limits: options.maxFiles !== undefined ? { maxFiles: options.maxFiles } : {},
    wants: (rel) => adapterFor(rel) !== undefined,
    warn: (w) => warnings.push(w.path !== undefined ? { ...w, path: displayPathFor(options.cwd, resolve(abs, w.path)) } : w),
  });
  for await (const f of walker) {
    // Shown relative to the target as the user named it (not its real path), so links in the
    // user's own path do not leak into reports.
    const displayPath = displayPathFor(options.cwd, resolve(abs, f.relPath));
    if (f.size > maxFileSize) {
      warnings.push({ path: displayPath, message: `skipped: larger than the ${formatBytes(maxFileSize)} limit (${formatBytes(f.size)}; raise limits.maxFileSize)` });
      continue;
    }
    let file: TextFile;
    try {
      file = await readTextFile(f.absPath, maxFileSize);
    } catch (e) {
      const reason = e instanceof UnreadableFile ? e.reason : describeFsError("", e).replace(/^: /, "");
      warnings.push({ path: displayPath, message: `skipped: ${reason}` });
      continue;
    }
    // A file several adapters may want (.yaml, .json) goes to the one that recognises its content;
    // one nobody recognises (a package.json) is not IaC and is passed over quietly.
    const adapter = adapterForText(f.relPath, file.text);
    if (!adapter) continue;
    if (adapter.parseProject) {
      const list = projects.get(adapter) ?? [];
      list.push({ file, displayPath, relPath: f.relPath });
      projects.set(adapter, list);
      continue;
    }
    try {
      scanText(file, adapter, displayPath, f.relPath);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      warnings.push({ path: displayPath, message: `skipped: ${e.message}` });
    }
  }
  for (const [adapter, files] of projects) {
    const parsed = adapter.parseProject?.(files.map((x) => ({ path: x.relPath, text: x.file.text })), projectOptions(real, false)) ?? [];
    files.forEach((x, i) => {
      const p = parsed[i];
      if (p) scanParsed(x.file, p, adapter, x.displayPath, x.relPath, abs);
    });
  }
  return { target, asset, findings, warnings, filesScanned };
}
