// Suppression for one parsed file, as the IaC scan applies it: Mamori's comments (line, block and
// file-level), peer tools' comments when asked, resource-level blocks for every format (a model's
// range where the adapter lists no blocks), findings of module resources judged in their own file, and a
// comment on a Terraform `module` call covering everything that came through that call.
import { isAbsolute, resolve, sep } from "node:path";
import { decodeText, DEFAULT_MAX_TEXT_FILE, readFileBounded } from "../artifacts/textfile.js";
import type { RawResult } from "../checks/engine.js";
import type { ResourceModel, SourceRange } from "../checks/types.js";
import type { Finding } from "./model.js";
import { applyDirectives, mamoriDirectives, type Directive } from "./suppress.js";
import { peerDirectives } from "./suppress-peer.js";

export interface FileSuppressionInput {
  /** The file's findings (checks and secrets), marked in place. */
  findings: Finding[];
  /** The check results the findings were made from: their models tell module files and calls. */
  results: readonly RawResult[];
  lines: readonly string[];
  /** The adapter's blocks (stages, resources, documents). */
  blocks: readonly SourceRange[];
  /** The path findings show for this file. */
  fileLabel: string;
  /** The file's path relative to the scan root: what `ResourceModel.file` and `via[].file` are relative to. */
  rootPath: string;
  /** The adapter's format: Checkov's comments cover the whole of a Dockerfile. */
  format?: string;
  /** Honour Checkov, tfsec, Trivy and KICS comments too. */
  peerSkips?: boolean;
  /** Reads another file of the scan (a module's source), by its path relative to the scan root. */
  readLines?: (rootPath: string) => readonly string[] | undefined;
}

interface FileContext {
  lines: readonly string[];
  blocks: SourceRange[];
  directives: Directive[];
}

function keyOf(ruleId: string, line: number | undefined, message: string | undefined): string {
  return `${ruleId}\u0000${line ?? 0}\u0000${message ?? ""}`;
}

/** The model each finding came from (none for secret findings). */
function modelsOf(findings: readonly Finding[], results: readonly RawResult[]): Map<Finding, ResourceModel> {
  const byKey = new Map<string, ResourceModel>();
  for (const r of results) byKey.set(keyOf(r.check.id, r.violation.range.startLine, r.violation.message), r.model);
  const out = new Map<Finding, ResourceModel>();
  for (const f of findings) {
    const m = byKey.get(keyOf(f.ruleId, f.location.startLine, f.message));
    if (m) out.set(f, m);
  }
  return out;
}

export function applyFileSuppressions(input: FileSuppressionInput): void {
  const models = modelsOf(input.findings, input.results);
  const contexts = new Map<string, FileContext | undefined>();
  const dockerfile = input.format === "dockerfile";
  const directivesOf = (lines: readonly string[]): Directive[] => [
    ...mamoriDirectives(lines),
    ...(input.peerSkips === true ? peerDirectives(lines, { dockerfile }) : []),
  ];
  const contextOf = (file: string): FileContext | undefined => {
    if (contexts.has(file)) return contexts.get(file);
    const lines = file === input.rootPath ? input.lines : input.readLines?.(file);
    const ctx = lines ? { lines, blocks: file === input.rootPath ? [...input.blocks] : [], directives: directivesOf(lines) } : undefined;
    contexts.set(file, ctx);
    return ctx;
  };
  const fileOf = (m: ResourceModel | undefined): string => m?.file ?? input.rootPath;

  // Where the adapter listed no blocks (a module's file, a format without them), each model's
  // range is a resource-level block.
  const listed = input.blocks.length > 0;
  for (const m of new Set(input.results.map((r) => r.model))) {
    const file = fileOf(m);
    if (file !== input.rootPath || !listed) contextOf(file)?.blocks.push(m.range);
  }

  const groups = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const file = fileOf(models.get(f));
    const list = groups.get(file) ?? [];
    list.push(f);
    groups.set(file, list);
  }
  for (const [file, findings] of groups) {
    const ctx = contextOf(file);
    if (ctx && ctx.directives.length > 0) applyDirectives(findings, ctx.directives, ctx.lines, ctx.blocks, file === input.rootPath ? input.fileLabel : file);
  }

  // A comment on a module call covers what came through it: the call is judged as a block in its
  // own file, with a stand-in finding spanning the call, outermost call first.
  for (const f of input.findings) {
    if (f.suppressed) continue;
    for (const call of models.get(f)?.via ?? []) {
      const ctx = contextOf(call.file);
      // The calling file's file-level directives are about that file's own findings.
      const directives = ctx?.directives.filter((d) => d.scope !== "file") ?? [];
      if (!ctx || directives.length === 0) continue;
      const standIn: Finding = { ...f, location: { ...f.location, path: call.file, startLine: call.range.startLine, endLine: call.range.endLine } };
      delete standIn.suppressed;
      const blocks = [...ctx.blocks, call.range];
      applyDirectives([standIn], directives, ctx.lines, blocks, call.file === input.rootPath ? input.fileLabel : call.file);
      if (standIn.suppressed) {
        f.suppressed = standIn.suppressed;
        break;
      }
    }
  }
}

/** Reads a file's lines synchronously, bounded; undefined when it cannot be read as text. */
function readLinesSync(path: string, maxBytes: number): readonly string[] | undefined {
  try {
    return decodeText(readFileBounded(path, maxBytes)).lines;
  } catch {
    return undefined;
  }
}

/**
 * A reader for the other files of the scan that hold module sources and module calls. The scan
 * root is where `displayPath` (relative to `cwd`) ends in `rootPath`; paths that leave it are refused.
 */
export function linesUnder(cwd: string, displayPath: string, rootPath: string, maxBytes = DEFAULT_MAX_TEXT_FILE): (rel: string) => readonly string[] | undefined {
  const abs = resolve(cwd, displayPath);
  const suffix = rootPath.split("/").join(sep);
  const root = abs.endsWith(suffix) ? abs.slice(0, abs.length - suffix.length) : undefined;
  return (rel) => {
    if (root === undefined || isAbsolute(rel) || rel.split("/").includes("..")) return undefined;
    return readLinesSync(resolve(root, rel), maxBytes);
  };
}
