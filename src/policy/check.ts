// A policy becomes a Check like any built-in one: the condition and message are compiled here,
// once; evaluate() only runs them. A condition is a violation when it is `true` and read no value
// that Mamori could not work out; one that fails to evaluate on a model reports nothing, and the
// failure is counted so the CLI can say so.
import type { Check, ResourceModel, Violation } from "../checks/types.js";
import { InputError } from "../core/errors.js";
import { compileCel } from "./cel.js";
import { celView } from "./data.js";
import { compileMessage, renderMessage, type MessagePart } from "./message.js";
import type { PolicySpec } from "./read.js";

export interface PolicyCheck extends Check {
  /** `file:line` of the policy, for messages about it. */
  source: string;
  /** Evaluation failures so far, by message (a missing key, a type mismatch), with a count. */
  readonly failures: Map<string, number>;
}

const MAX_FAILURE_KINDS = 10;

export function policyCheck(spec: PolicySpec): PolicyCheck {
  const condition = compileCel(spec.condition.text, "bool");
  if ("error" in condition) throw new InputError(`${spec.file}:${spec.condition.line}: condition: ${condition.error}`);
  const run = condition.run;
  let parts: MessagePart[] = [spec.title];
  if (spec.message) {
    const m = compileMessage(spec.message.text);
    if ("error" in m) throw new InputError(`${spec.file}:${spec.message.line}: message: ${m.error}`);
    parts = m.parts;
  }
  const failures = new Map<string, number>();
  const noteFailure = (e: unknown): void => {
    const msg = ((e as Error).message ?? String(e)).split("\n")[0] ?? "evaluation failed";
    if (failures.has(msg) || failures.size < MAX_FAILURE_KINDS) failures.set(msg, (failures.get(msg) ?? 0) + 1);
  };

  return {
    id: spec.id,
    title: spec.title,
    severity: spec.severity,
    ...(spec.kind !== undefined ? { kind: spec.kind } : {}),
    description: spec.description,
    appliesTo: spec.appliesTo,
    ...(spec.references !== undefined ? { references: spec.references } : {}),
    ...(spec.compliance !== undefined ? { compliance: spec.compliance } : {}),
    remediation: spec.remediation,
    examples: spec.examples,
    source: `${spec.file}:${spec.line}`,
    failures,
    evaluate(model: ResourceModel): Violation | undefined {
      const view = celView(model);
      view.state.readUnknown = false;
      delete view.state.last;
      let result: unknown;
      try {
        result = run({ resource: view.resource });
      } catch (e) {
        // null in arithmetic or `!` because a value was unknown is not the policy's fault.
        if (!view.state.readUnknown) noteFailure(e);
        return undefined;
      }
      if (typeof result !== "boolean" && !view.state.readUnknown) {
        noteFailure(new Error(`the condition gave ${result === null ? "null" : typeof result}, not true or false`));
        return undefined;
      }
      if (result !== true || view.state.readUnknown) return undefined;
      const range = view.state.last ?? model.range;
      return { message: renderMessage(parts, view.resource), range, key: model.address ?? model.modelType };
    },
  };
}
