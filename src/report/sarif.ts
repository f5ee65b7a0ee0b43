// SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run, one rule per
// rule id seen, results streamed one a chunk. Suppressed findings stay in, marked as suppressed,
// so that viewers can show them as dismissed rather than lose them.
import type * as Sarif from "sarif";
import { severityRank } from "../core/model.js";
import type { Finding, FindingKind, Location, Report, Severity } from "../core/model.js";
import type { CheckMeta } from "../checks/types.js";
import type { RenderOptions, Renderer } from "./types.js";
import { indentedJson, jsonArrayItems, resourceLabel } from "./util.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const INFORMATION_URI = "https://github.com/mamori-security/mamori";
/** The partialFingerprints key: bump the version if the fingerprint's meaning ever changes. */
export const FINGERPRINT_KEY = "mamori/v1";

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

/** GitHub code scanning maps these scores back onto its critical/high/medium/low bands. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "0.0",
};

interface RuleEntry {
  index: number;
  descriptor: Sarif.ReportingDescriptor;
}

export const renderSarif: Renderer = function* (report, options) {
  const rules = collectRules(report.findings, options);
  const driver: Sarif.ToolComponent = {
    name: "mamori",
    version: report.tool.version,
    informationUri: INFORMATION_URI,
    rules: [...rules.values()].map((r) => r.descriptor),
  };

  yield `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {`;
  yield `\n      "tool": ${indentedJson({ driver }, 3)},`;
  yield `\n      "invocations": ${indentedJson([invocation(report)], 3)},`;
  yield `\n      "properties": ${indentedJson({ targets: report.targets, summary: report.summary }, 3)},`;
  yield `\n      "results": [`;
  // One result a line: SARIF files are uploaded and size-limited, and read by tools, not people.
  yield* jsonArrayItems(report.findings, 3, (f) => toResult(f, rules), true);
  yield "\n    }\n  ]\n}\n";
};

function collectRules(findings: readonly Finding[], options: RenderOptions): Map<string, RuleEntry> {
  const seen = new Map<string, { first: Finding; worst: Severity }>();
  for (const f of findings) {
    const s = seen.get(f.ruleId);
    if (s === undefined) seen.set(f.ruleId, { first: f, worst: f.severity });
    else if (severityRank(f.severity) > severityRank(s.worst)) s.worst = f.severity;
  }
  const rules = new Map<string, RuleEntry>();
  for (const [id, s] of seen) {
    const meta = options.ruleMeta?.(id);
    rules.set(id, { index: rules.size, descriptor: meta ? ruleFromMeta(id, meta, s.first.kind) : ruleFromFinding(s.first, s.worst) });
  }
  return rules;
}

function ruleFromMeta(id: string, m: CheckMeta, findingKind: FindingKind): Sarif.ReportingDescriptor {
  return descriptor({
    id,
    title: m.title,
    description: m.description,
    severity: m.severity,
    kind: m.kind ?? findingKind,
    remediation: m.remediation,
    references: referenceList(m.references),
  });
}

function ruleFromFinding(f: Finding, severity: Severity): Sarif.ReportingDescriptor {
  return descriptor({
    id: f.ruleId,
    title: f.title,
    description: f.description ?? f.title,
    severity,
    kind: f.kind,
    remediation: f.remediation,
    references: referenceList(f.references),
    // Advisory ids (CVE, GHSA, GO, ...) all resolve on osv.dev.
    helpUri: f.kind === "vulnerability" ? `https://osv.dev/vulnerability/${encodeURIComponent(f.ruleId)}` : undefined,
  });
}

interface RuleFacts {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  kind: FindingKind;
  remediation: Finding["remediation"];
  references: string[];
  helpUri?: string;
}

function descriptor(r: RuleFacts): Sarif.ReportingDescriptor {
  const d: Sarif.ReportingDescriptor = {
    id: r.id,
    name: pascalName(r.title) || pascalName(r.id) || "Rule",
    shortDescription: { text: r.title },
    fullDescription: { text: r.description || r.title },
    help: helpText(r),
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      tags: ["security", r.kind],
      "security-severity": SECURITY_SEVERITY[r.severity],
      precision: "high",
      severity: r.severity,
    },
  };
  if (r.helpUri !== undefined) d.helpUri = r.helpUri;
  return d;
}

function helpText(r: RuleFacts): Sarif.MultiformatMessageString {
  const text: string[] = [r.remediation?.text || r.description || r.title];
  const markdown = [...text];
  const fix = r.remediation?.fix;
  if (fix !== undefined && fix !== "") {
    text.push(`Fix:\n${fix}`);
    const fence = "`".repeat(Math.max(3, longestBacktickRun(fix) + 1));
    markdown.push(`${fence}\n${fix}\n${fence}`);
  }
  if (r.references.length > 0) {
    text.push(`Equivalent checks: ${r.references.join(", ")}`);
    markdown.push(`Equivalent checks: ${r.references.map((x) => `\`${x}\``).join(", ")}`);
  }
  return { text: text.join("\n\n"), markdown: markdown.join("\n\n") };
}

function longestBacktickRun(s: string): number {
  let longest = 0;
  for (const m of s.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return longest;
}

function referenceList(refs: Finding["references"]): string[] {
  if (refs === undefined) return [];
  return Object.entries(refs).flatMap(([tool, ids]) =>
    (Array.isArray(ids) ? ids : [ids]).map((id: string) => `${tool} ${id}`),
  );
}

/** `Secret in ENV instruction` → `SecretInEnvInstruction`. */
export function pascalName(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join("");
}

function toResult(f: Finding, rules: Map<string, RuleEntry>): Sarif.Result {
  const rule = rules.get(f.ruleId);
  const where = location(f.location);
  const result: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex: rule?.index ?? -1,
    level: LEVEL[f.severity],
    message: { text: f.message || f.title },
    ...(Object.keys(where).length > 0 ? { locations: [where] } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
  };
  if (f.suppressed !== undefined) {
    const s: Sarif.Suppression = {
      kind: f.suppressed.source.startsWith("inline") ? "inSource" : "external",
      status: "accepted",
      justification: f.suppressed.reason,
      properties: { source: f.suppressed.source },
    };
    if (f.suppressed.expires !== undefined) s.properties!["expires"] = f.suppressed.expires;
    result.suppressions = [s];
  }
  result.properties = resultProperties(f);
  return result;
}

function resultProperties(f: Finding): Sarif.PropertyBag {
  const p: Sarif.PropertyBag = { severity: f.severity, kind: f.kind, title: f.title };
  if (f.package !== undefined) p["package"] = f.package;
  if (f.vulnerability !== undefined) p["vulnerability"] = f.vulnerability;
  if (f.compliance !== undefined && f.compliance.length > 0) p["compliance"] = f.compliance;
  if (f.references !== undefined) p["references"] = f.references;
  if (f.isNew !== undefined) p["isNew"] = f.isNew;
  if (f.firstSeen !== undefined) p["firstSeen"] = f.firstSeen;
  return p;
}

function location(loc: Location): Sarif.Location {
  const out: Sarif.Location = {};
  if (loc.path !== undefined && loc.path !== "") {
    const physical: Sarif.PhysicalLocation = { artifactLocation: artifactLocation(loc.path) };
    if (loc.startLine !== undefined && loc.startLine >= 1) {
      const region: Sarif.Region = { startLine: loc.startLine, endLine: Math.max(loc.startLine, loc.endLine ?? loc.startLine) };
      if (loc.startColumn !== undefined && loc.startColumn >= 1) region.startColumn = loc.startColumn;
      if (loc.endColumn !== undefined && loc.endColumn >= 1) region.endColumn = loc.endColumn;
      physical.region = region;
    }
    out.physicalLocation = physical;
  }
  const logical: Sarif.LogicalLocation[] = [];
  if (loc.address !== undefined && loc.address !== "") {
    logical.push({ name: loc.address, fullyQualifiedName: loc.address, kind: "resource" });
  }
  if (loc.resource !== undefined) {
    logical.push({ name: loc.resource.id, fullyQualifiedName: resourceLabel(loc.resource), kind: "resource" });
  }
  if (logical.length > 0) out.logicalLocations = logical;
  return out;
}

/** Paths are relative to the scanned root (%SRCROOT%); each segment is URI-encoded. */
function artifactLocation(path: string): Sarif.ArtifactLocation {
  const p = path.replace(/\\/g, "/");
  const encoded = (rel: string) => rel.split("/").map(encodeURIComponent).join("/");
  if (p.startsWith("/")) return { uri: `file://${encoded(p)}` };
  return { uri: encoded(p.replace(/^(\.\/)+/, "")), uriBaseId: "%SRCROOT%" };
}

function invocation(report: Report): Sarif.Invocation {
  const inv: Sarif.Invocation = { executionSuccessful: true, endTimeUtc: report.scannedAt };
  const warnings = report.warnings ?? [];
  if (warnings.length > 0) {
    inv.toolExecutionNotifications = warnings.map((w) => {
      const n: Sarif.Notification = { level: "warning", message: { text: w.message } };
      if (w.path !== undefined && w.path !== "") n.locations = [{ physicalLocation: { artifactLocation: artifactLocation(w.path) } }];
      return n;
    });
  }
  return inv;
}
