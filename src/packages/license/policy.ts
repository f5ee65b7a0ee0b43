// The license policy (mamori.yaml `license: { deny: [...], allow: [...] }`): packages whose license
// the policy forbids become findings. An OR expression is acceptable when one of its choices is,
// an AND expression when all its parts are. The "-only" and "-or-later" forms of a license (and a
// deprecated bare id such as GPL-2.0) are one entry for the policy: denying GPL-3.0-only also
// denies GPL-3.0-or-later, whose only existing choice is GPL-3.0; an exception (WITH ...) narrows
// nothing, so denying GPL-2.0-only denies it with or without an exception unless the entry names one.
import { InputError } from "../../core/errors.js";
import { assignFingerprints, type FingerprintInput } from "../../core/fingerprint.js";
import type { Finding, PackageRef, Severity } from "../../core/model.js";
import type { Package } from "../types.js";
import { normalizeLicense, render } from "./normalize.js";
import { isLeaf, parseSpdx, type SpdxLeaf, type SpdxNode } from "./spdx-data.js";

export interface LicensePolicy {
  /** Licenses no package may be under. */
  deny?: string[];
  /** When given, the only licenses a package may be under. */
  allow?: string[];
}

export const LICENSE_DENIED_RULE = "MAM-LIC-001";
export const LICENSE_NOT_ALLOWED_RULE = "MAM-LIC-002";

const OK = 0;
const NOT_ALLOWED = 1;
const DENIED = 2;
type Status = typeof OK | typeof NOT_ALLOWED | typeof DENIED;

interface CompiledPolicy {
  deny: Set<string>;
  allow?: Set<string>;
}

/** The key a license is compared by: its id without -only/-or-later/+, and its exception if any. */
function policyKey(leaf: SpdxLeaf, withException: boolean): string {
  const id = render({ license: leaf.license, ...(leaf.plus ? { plus: true } : {}) }).replace(/(-only|-or-later|\+)$/, "");
  return withException && leaf.exception ? `${id} WITH ${leaf.exception}` : id;
}

function compileEntries(entries: readonly string[], field: "deny" | "allow"): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) {
    const normalized = typeof entry === "string" ? normalizeLicense(entry) : undefined;
    const node = normalized === undefined ? undefined : parseSpdx(normalized);
    if (!node) throw new InputError(`license.${field}: ${JSON.stringify(entry)} is not a license name or SPDX id`);
    if (!isLeaf(node)) throw new InputError(`license.${field}: ${JSON.stringify(entry)} is an expression; list single licenses`);
    keys.add(policyKey(node, true));
  }
  return keys;
}

export function compileLicensePolicy(policy: LicensePolicy): CompiledPolicy {
  const compiled: CompiledPolicy = { deny: compileEntries(policy.deny ?? [], "deny") };
  if (policy.allow) compiled.allow = compileEntries(policy.allow, "allow");
  return compiled;
}

function matches(keys: Set<string>, leaf: SpdxLeaf): boolean {
  return keys.has(policyKey(leaf, true)) || keys.has(policyKey(leaf, false));
}

function leafStatus(leaf: SpdxLeaf, policy: CompiledPolicy): Status {
  if (matches(policy.deny, leaf)) return DENIED;
  if (policy.allow && !matches(policy.allow, leaf)) return NOT_ALLOWED;
  return OK;
}

function status(node: SpdxNode, policy: CompiledPolicy): Status {
  if (isLeaf(node)) return leafStatus(node, policy);
  const left = status(node.left, policy);
  const right = status(node.right, policy);
  // AND: every part must be acceptable; OR: the best choice counts.
  return (node.conjunction === "and" ? Math.max(left, right) : Math.min(left, right)) as Status;
}

/** The licenses that make the expression fail: for AND the failing parts, for OR every choice. */
function causes(node: SpdxNode, policy: CompiledPolicy, out: string[] = []): string[] {
  const own = status(node, policy);
  if (own === OK) return out;
  if (isLeaf(node)) {
    const text = render(node);
    if (!out.includes(text)) out.push(text);
    return out;
  }
  for (const child of [node.left, node.right]) {
    if (node.conjunction === "or" || status(child, policy) === own) causes(child, policy, out);
  }
  return out;
}

const RULES: Record<typeof NOT_ALLOWED | typeof DENIED, { ruleId: string; severity: Severity; verb: string }> = {
  [DENIED]: { ruleId: LICENSE_DENIED_RULE, severity: "high", verb: "denied by the license policy" },
  [NOT_ALLOWED]: { ruleId: LICENSE_NOT_ALLOWED_RULE, severity: "medium", verb: "not in the license policy's allow list" },
};

/**
 * Findings for the packages whose license the policy forbids. Packages without a known license are
 * not judged. Throws InputError for a policy entry that is not a single license.
 */
export function evaluateLicenses(packages: readonly Package[], policy: LicensePolicy): Finding[] {
  const compiled = compileLicensePolicy(policy);
  if (compiled.deny.size === 0 && !compiled.allow) return [];
  const drafts: { finding: Omit<Finding, "id">; fingerprint: FingerprintInput }[] = [];
  const verdicts = new Map<string, { status: Status; causes: string[]; expression: string } | undefined>();
  for (const pkg of packages) {
    if (!pkg.license) continue;
    let verdict = verdicts.get(pkg.license);
    if (!verdicts.has(pkg.license)) {
      const expression = normalizeLicense(pkg.license);
      const node = expression === undefined ? undefined : parseSpdx(expression);
      verdict = node && expression ? { status: status(node, compiled), causes: causes(node, compiled), expression } : undefined;
      verdicts.set(pkg.license, verdict);
    }
    if (!verdict || verdict.status === OK) continue;
    const rule = RULES[verdict.status];
    const names = verdict.causes.join(", ");
    const ref: PackageRef = { name: pkg.name, version: pkg.version, ecosystem: pkg.ecosystem, purl: pkg.purl };
    if (pkg.path !== undefined) ref.path = pkg.path;
    if (pkg.layer !== undefined) ref.layer = pkg.layer;
    drafts.push({
      finding: {
        ruleId: rule.ruleId,
        kind: "license",
        severity: rule.severity,
        title: `License ${names} is ${rule.verb}`,
        message: `${pkg.name} ${pkg.version} (${pkg.ecosystem}) is licensed under ${verdict.expression}: ${names} ${verdict.causes.length === 1 ? "is" : "are"} ${rule.verb}`,
        location: pkg.path !== undefined ? { path: pkg.path } : {},
        package: ref,
      },
      fingerprint: { ruleId: rule.ruleId, scope: "license", path: pkg.path ?? "", key: `${pkg.ecosystem}/${pkg.name}@${pkg.version}` },
    });
  }
  const ids = assignFingerprints(drafts.map((d) => d.fingerprint));
  return drafts.map((d, i) => ({ id: ids[i] as string, ...d.finding }));
}
