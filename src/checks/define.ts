import type { Check, EvalResult, ResourceModel, SourceRange, Violation } from "./types.js";

const CHECK_ID = /^MAM-[A-Z0-9]+(?:-[A-Z0-9]+)*-\d{3}$/;

/** Declares a check. Validates its metadata once, at load time, so a bad check fails fast. */
export function defineCheck<M extends ResourceModel>(check: Check<M>): Check<M> {
  if (!CHECK_ID.test(check.id)) throw new Error(`check id ${check.id} does not look like MAM-AREA-NNN`);
  if (!check.title || !check.description || !check.remediation.text) {
    throw new Error(`check ${check.id} needs a title, a description and remediation text`);
  }
  return Object.freeze(check);
}

/** A violation at a sourced value or a range. */
export function fail(
  at: { range: SourceRange } | SourceRange,
  message: string,
  extra?: Omit<Violation, "message" | "range">,
): Violation {
  const range = "range" in at ? at.range : at;
  return { message, range, ...extra };
}

/** Nothing wrong. */
export function pass(): EvalResult {
  return undefined;
}

/** Normalizes what evaluate() returned to a list. */
export function violationsOf(r: EvalResult): readonly Violation[] {
  if (r === undefined || r === null) return [];
  return Array.isArray(r) ? (r as readonly Violation[]) : [r as Violation];
}
