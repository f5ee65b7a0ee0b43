// The one data model every part of Mamori produces and consumes (CONTRACT.md, "JSON report").
// Field names here are the public JSON field names: change them only together with CONTRACT.md.

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse: critical = 4 ... info = 0. */
export function severityRank(s: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(s);
}

export function isSeverity(s: unknown): s is Severity {
  return typeof s === "string" && (SEVERITIES as readonly string[]).includes(s);
}

export const FINDING_KINDS = [
  "vulnerability",
  "misconfiguration",
  "secret",
  "malware",
  "license",
  "permission",
  "runtime",
  "integrity",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const TARGET_TYPES = ["image", "fs", "iac", "sbom", "cloud", "k8s", "host", "iam", "runtime"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** What a scan looked at. `name` is what the user named (a path, an image reference, an account). */
export interface Target {
  type: TargetType;
  name: string;
}

/** A cloud or cluster object a finding is about. */
export interface ResourceRef {
  provider: string;
  type: string;
  id: string;
  account?: string;
  region?: string;
}

/**
 * Where a finding is. Files: `path` (relative to the scanned root, `/`-separated) with a 1-based
 * inclusive line range, and `address` for IaC (Terraform address, CloudFormation logical id,
 * Kubernetes `Kind/namespace/name`, Dockerfile stage). Cloud and cluster objects: `resource`.
 */
export interface Location {
  path?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
  address?: string;
  resource?: ResourceRef;
}

export interface Remediation {
  text: string;
  /** A fix snippet, in the format of the scanned file, where one can be given. */
  fix?: string;
}

/** Equivalent checks in other tools; a value may be one id or several. */
export interface PeerReferences {
  checkov?: string | string[];
  kics?: string | string[];
  trivy?: string | string[];
  prowler?: string | string[];
  cis?: string | string[];
  hadolint?: string | string[];
  gitleaks?: string | string[];
}

export interface ComplianceRef {
  framework: string;
  control: string;
}

export interface PackageRef {
  name: string;
  version: string;
  ecosystem: string;
  purl: string;
  path?: string;
  layer?: string;
}

export interface VulnerabilityInfo {
  id: string;
  aliases: string[];
  fixedVersions: string[];
  cvss?: { version: string; vector: string; score: number };
  kev?: boolean;
  epss?: number;
}

/** Present on a finding that an ignore rule or an inline comment matched. */
export interface Suppression {
  reason: string;
  /** Where the suppression came from: `.mamoriignore:12`, `inline:Dockerfile:4`, ... */
  source: string;
  expires?: string;
}

export interface Finding {
  /** Stable fingerprint (see fingerprint.ts): same problem, same id, across scans and line moves. */
  id: string;
  ruleId: string;
  kind: FindingKind;
  severity: Severity;
  title: string;
  /** What exactly is wrong here, in one or two sentences (the check's message for this instance). */
  message?: string;
  description?: string;
  location: Location;
  /** The offending source text, already redacted where it may hold a secret. */
  snippet?: string;
  package?: PackageRef;
  vulnerability?: VulnerabilityInfo;
  references?: PeerReferences;
  compliance?: ComplianceRef[];
  remediation?: Remediation;
  suppressed?: Suppression;
  /** Set from the store: when this finding was first seen for its asset (ISO-8601). */
  firstSeen?: string;
  /** Set from the store: true when this scan is the first that saw it. */
  isNew?: boolean;
}

export type Summary = Record<Severity, number>;

/** A finding that the latest scan no longer sees, as the report lists it. */
export interface FixedFinding {
  id: string;
  ruleId: string;
  severity: Severity;
  title: string;
  location: Location;
}

/** Mamori's extension to the report: how this scan compares with the previous scan of the asset. */
export interface ScanHistory {
  previousScanAt?: string;
  newCount: number;
  fixedCount: number;
  fixed: FixedFinding[];
}

/** A non-fatal problem met during a scan (a skipped file, an unreadable directory). */
export interface ScanWarning {
  path?: string;
  message: string;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: "mamori"; version: string };
  scannedAt: string;
  targets: Target[];
  packages?: PackageRef[];
  findings: Finding[];
  summary: Summary;
  history?: ScanHistory;
  warnings?: ScanWarning[];
}

export function emptySummary(): Summary {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

/** Counts the findings by severity; suppressed findings are not counted. */
export function summarize(findings: readonly Finding[]): Summary {
  const s = emptySummary();
  for (const f of findings) if (!f.suppressed) s[f.severity]++;
  return s;
}

/** An asset is anything findings hang on: an image, a directory, an account, a cluster object. */
export interface Asset {
  id: string;
  type: TargetType;
  name: string;
}
