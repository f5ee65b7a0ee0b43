// Severity options (--severity, --fail-on, and their mamori.yaml twins) and the exit-code gate.
import { InputError } from "./errors.js";
import { isSeverity, SEVERITIES, severityRank, type Finding, type Severity } from "./model.js";

function unknownSeverity(optionName: string, s: string): InputError {
  return new InputError(`${optionName}: unknown severity "${s}" (use ${SEVERITIES.join(", ")})`);
}

export function parseSeverity(s: string, optionName: string): Severity {
  const v = s.trim().toLowerCase();
  if (!isSeverity(v)) throw unknownSeverity(optionName, s.trim());
  return v;
}

/** Parses `critical,high` (any case, spaces allowed); duplicates are dropped, order is kept. */
export function parseSeverityList(s: string, optionName: string): Severity[] {
  const parts = s
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) throw new InputError(`${optionName}: no severity given (use ${SEVERITIES.join(", ")})`);
  return [...new Set(parts.map((p) => parseSeverity(p, optionName)))];
}

/** The findings at one of the given severities; all of them when no list is given. */
export function filterBySeverity(findings: Finding[], severities: Severity[] | undefined): Finding[] {
  if (severities === undefined) return findings;
  const wanted = new Set(severities);
  return findings.filter((f) => wanted.has(f.severity));
}

/** 1 when an unsuppressed finding is at or above `failOn`; suppressed findings never fail. */
export function exitCodeFor(findings: readonly Finding[], failOn: Severity | undefined): 0 | 1 {
  if (failOn === undefined) return 0;
  const bar = severityRank(failOn);
  return findings.some((f) => !f.suppressed && severityRank(f.severity) >= bar) ? 1 : 0;
}
