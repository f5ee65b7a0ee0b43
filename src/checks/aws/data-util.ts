// Helpers for the data-service checks: reading settings that default to off, and reading
// resource policies for statements that let anyone in.
import type { PolicyDocument, PolicyPrincipal, PolicyStatement } from "../../models/aws-data.js";
import type { Val } from "../../models/value.js";
import type { SourceRange } from "../types.js";

/** Whether a value is known and equal to `want`. */
export function is<T>(v: Val<T> | undefined, want: T): boolean {
  return v !== undefined && v.known && v.value === want;
}

/**
 * Where to report a setting whose default is off: the value when it is written as false, the
 * resource when it is not written. Undefined when it is on or cannot be worked out.
 */
export function offAt(v: Val<boolean> | undefined, resource: { range: SourceRange }): SourceRange | undefined {
  if (v === undefined) return resource.range;
  return is(v, false) ? v.range : undefined;
}

/** Where to report a setting whose default is on: only when it is written as false. */
export function disabledAt(v: Val<boolean> | undefined): SourceRange | undefined {
  return is(v, false) ? v?.range : undefined;
}

export function allows(s: PolicyStatement): boolean {
  return is(s.effect, "Allow");
}

export function denies(s: PolicyStatement): boolean {
  return is(s.effect, "Deny");
}

/** The principal that stands for everyone (`"*"` or `{"AWS": "*"}`), if the statement names it. */
export function anyonePrincipal(s: PolicyStatement): PolicyPrincipal | undefined {
  if (s.notPrincipal) return undefined;
  return s.principals.find((p) => p.kind === "*" || (p.kind === "AWS" && is(p.value, "*")));
}

/** Statements that allow anyone with no condition at all (a condition may scope them to an account or org). */
export function openStatements(doc: PolicyDocument | undefined): PolicyStatement[] {
  if (!doc?.known) return [];
  return doc.statements.filter((s) => allows(s) && anyonePrincipal(s) !== undefined && s.conditions === undefined);
}

/** The actions of a statement as written, for messages. */
export function actionText(s: PolicyStatement): string {
  const names = s.action.map((a) => (a.known ? a.value : "?"));
  return names.length ? names.join(", ") : s.notAction.length ? "all but some actions (NotAction)" : "no action";
}

/** Whether a KMS key reference is the AWS managed key of a service (`alias/aws/sns`). */
export function isAwsManagedAlias(v: Val<string> | undefined): boolean {
  return v !== undefined && v.known && v.value !== undefined && /^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/aws\//.test(v.value);
}
