// Runs checks over parsed models and turns violations into findings with stable ids.
import { assignFingerprints, type FingerprintInput } from "../core/fingerprint.js";
import type { Finding } from "../core/model.js";
import { violationsOf } from "./define.js";
import type { Check, ResourceModel, Violation } from "./types.js";

export interface RawResult {
  check: Check;
  model: ResourceModel;
  violation: Violation;
}

/** Indexes checks by the model type they apply to, once. */
export class CheckSet {
  private readonly byType = new Map<string, Check[]>();
  constructor(readonly checks: readonly Check[]) {
    for (const c of checks) {
      const list = this.byType.get(c.appliesTo) ?? [];
      list.push(c);
      this.byType.set(c.appliesTo, list);
    }
  }

  get(id: string): Check | undefined {
    return this.checks.find((c) => c.id === id);
  }

  /** Evaluates every applicable check on every model; a check that throws is a bug and propagates. */
  run(models: readonly ResourceModel[], path: string): RawResult[] {
    const out: RawResult[] = [];
    for (const model of models) {
      for (const check of this.byType.get(model.modelType) ?? []) {
        for (const violation of violationsOf(check.evaluate(model, { path }))) {
          out.push({ check, model, violation });
        }
      }
    }
    return out;
  }
}

export interface FileFindingContext {
  /** Target scope for the fingerprint (e.g. "iac"). */
  scope: string;
  /** Path shown to the user (relative to the working directory where possible). */
  displayPath: string;
  /** Path relative to the scan root: part of the fingerprint, so ids survive a change of cwd. */
  rootPath: string;
  /** The file's lines, for snippets. */
  lines?: readonly string[];
}

const SNIPPET_MAX_LINES = 5;
const SNIPPET_MAX_CHARS = 400;

function snippetOf(lines: readonly string[] | undefined, start: number, end: number): string | undefined {
  if (!lines) return undefined;
  const last = Math.min(end, start + SNIPPET_MAX_LINES - 1);
  const text = lines.slice(start - 1, last).join("\n");
  return text.length > SNIPPET_MAX_CHARS ? `${text.slice(0, SNIPPET_MAX_CHARS)}…` : text;
}

/** Builds findings, in file order, from one file's raw results. */
export function toFindings(results: readonly RawResult[], ctx: FileFindingContext): Finding[] {
  const sorted = [...results].sort(
    (a, b) =>
      a.violation.range.startLine - b.violation.range.startLine ||
      a.check.id.localeCompare(b.check.id),
  );
  const inputs: FingerprintInput[] = sorted.map((r) => ({
    ruleId: r.check.id,
    scope: ctx.scope,
    path: ctx.rootPath,
    ...(r.model.address !== undefined ? { address: r.model.address } : {}),
    key: r.violation.key ?? r.violation.message,
  }));
  const ids = assignFingerprints(inputs);
  return sorted.map((r, i): Finding => {
    const { check, model, violation } = r;
    const snippet = violation.snippet ?? snippetOf(ctx.lines, violation.range.startLine, violation.range.endLine);
    const f: Finding = {
      id: ids[i] as string,
      ruleId: check.id,
      kind: check.kind ?? "misconfiguration",
      severity: violation.severity ?? check.severity,
      title: check.title,
      message: violation.message,
      description: check.description,
      location: {
        path: ctx.displayPath,
        startLine: violation.range.startLine,
        endLine: violation.range.endLine,
        ...(model.address !== undefined ? { address: model.address } : {}),
      },
      remediation: violation.fix !== undefined ? { ...check.remediation, fix: violation.fix } : check.remediation,
    };
    if (snippet !== undefined) f.snippet = snippet;
    if (check.references && Object.keys(check.references).length > 0) f.references = check.references;
    if (check.compliance && check.compliance.length > 0) f.compliance = check.compliance;
    return f;
  });
}
