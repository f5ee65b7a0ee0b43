// A baseline is an earlier Mamori JSON report: findings it already lists are known and accepted
// for now, so a pipeline can fail only on what is new.
import { readFileSync } from "node:fs";
import { describeFsError, InputError } from "./errors.js";
import type { Finding } from "./model.js";

function notAReport(path: string): InputError {
  return new InputError(`${path}: not a Mamori JSON report (schemaVersion 1)`, {
    hint: "write a baseline with --format json --output FILE",
  });
}

/** The finding ids of an earlier Mamori JSON report. */
export function loadBaseline(path: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(describeFsError(path, e), { cause: e });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
  if (typeof data !== "object" || data === null) throw notAReport(path);
  const report = data as { schemaVersion?: unknown; findings?: unknown };
  if (report.schemaVersion !== 1 || !Array.isArray(report.findings)) throw notAReport(path);
  const ids = new Set<string>();
  for (const f of report.findings as unknown[]) {
    const id = (f as { id?: unknown } | null)?.id;
    if (typeof id !== "string") throw notAReport(path);
    ids.add(id);
  }
  return ids;
}

/** Keeps only the findings the baseline does not know. */
export function applyBaseline(findings: Finding[], known: Set<string>): { findings: Finding[]; removed: number } {
  const kept = findings.filter((f) => !known.has(f.id));
  return { findings: kept, removed: findings.length - kept.length };
}
