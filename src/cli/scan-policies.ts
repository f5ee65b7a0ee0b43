// Custom policies for the scans that run the IaC checks (scan iac, scan fs) and for the catalogue:
// loaded and compiled before anything is scanned, so a broken one stops the run (exit 2).
import type { Check } from "../checks/types.js";
import type { PolicyCheck } from "../policy/index.js";
import type { CliContext } from "./context.js";

export interface LoadedChecks {
  /** The built-in checks followed by the custom policies. */
  checks: readonly Check[];
  policies: readonly PolicyCheck[];
}

/** The built-in checks and the policies under `paths` (mamori.yaml's `policies`, then --policy). */
export async function checksWithPolicies(paths: readonly string[], ctx: CliContext): Promise<LoadedChecks> {
  const { builtinChecks } = await import("../checks/registry.js");
  if (paths.length === 0) return { checks: builtinChecks, policies: [] };
  const { loadPolicies } = await import("../policy/index.js");
  const policies = loadPolicies(paths, { cwd: ctx.cwd, builtin: builtinChecks });
  if (policies.length > 0) ctx.trace(`${policies.length} custom policies from ${paths.join(", ")}`);
  return { checks: [...builtinChecks, ...policies], policies };
}

/** After a scan: the policies that could not be evaluated on some resources, and why. */
export function notePolicyFailures(policies: readonly PolicyCheck[], ctx: CliContext): void {
  for (const p of policies) {
    for (const [message, count] of p.failures) ctx.note(`warning: policy ${p.id} (${p.source}) could not be evaluated on ${count} resource(s): ${message}`);
  }
}
