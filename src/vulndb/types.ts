// OSV records as stored and matched (https://ossf.github.io/osv-schema/), and the database's interface.

export type OsvEvent = { introduced: string } | { fixed: string } | { last_affected: string } | { limit: string };

export interface OsvRange {
  type: "ECOSYSTEM" | "SEMVER" | "GIT";
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

export interface OsvSeverity {
  type: string; // CVSS_V2, CVSS_V3, CVSS_V4, Ubuntu, ...
  score: string;
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  severity?: OsvSeverity[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvRecord {
  schema_version?: string;
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  upstream?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: { type: string; url: string }[];
  credits?: unknown[];
  database_specific?: Record<string, unknown>;
}

/** Ordering of one ecosystem's versions. */
export interface VersionScheme {
  /** e.g. "dpkg", "rpm", "apk", "semver", "pep440", "maven", "rubygems", "go", "nuget", ... */
  name: string;
  /** Negative, zero or positive, like a sort comparator. Never throws for a string isValid accepts. */
  compare(a: string, b: string): number;
  /** Whether the string is a version this scheme can order. */
  isValid(v: string): boolean;
}

/** Why a package version is (or is not) affected, for the finding's explanation. */
export interface RangeVerdict {
  affected: boolean;
  /** The matched range in words, e.g. ">=1.2.0, <1.2.5" or "listed in versions". */
  matched?: string;
  /** Versions that fix it, from the ranges' `fixed` events. */
  fixed: string[];
}

export interface DbStatus {
  path: string;
  schemaVersion: number;
  importedAt?: string;
  ecosystems: { ecosystem: string; records: number; newestModified?: string }[];
  totalRecords: number;
  kevEntries: number;
  epssEntries: number;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  skipped: { source: string; reason: string }[];
}

/** Where matching reads advisories from: the SQLite database, or an in-memory list in tests. */
export interface AdvisorySource {
  /** Every record with an `affected` entry for this ecosystem (exact OSV name, e.g. "Debian:12" or "npm") and package name. */
  advisories(ecosystem: string, name: string): OsvRecord[];
  /** CISA KEV membership of a CVE id, when KEV data was imported. */
  isKev?(cveId: string): boolean;
  /** EPSS probability (0..1) of a CVE id, when EPSS data was imported. */
  epss?(cveId: string): number | undefined;
}
