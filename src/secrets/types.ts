// A secret rule is data (STYLE.md §2): what a credential looks like, the cheap words that must
// occur near it, and what to let through. Built-in rules and rules loaded from a gitleaks
// configuration share this one shape; the engine compiles them once (compile.ts).
import type { Finding, Severity } from "../core/model.js";

/** What an allowlist regex is tested against. */
export type AllowlistTarget = "secret" | "match" | "line";

/**
 * Lets a candidate through. With condition "or" (the default) any one criterion is enough; with
 * "and" every criterion given (paths, regexes, stopwords) must hold.
 */
export interface SecretAllowlist {
  description?: string;
  condition?: "or" | "and";
  /** RE2 regexes, tested against `regexTarget` (default: the secret). */
  regexes?: string[];
  regexTarget?: AllowlistTarget;
  /** Lower-case words: a secret containing one (case-insensitively) is a placeholder. */
  stopwords?: string[];
  /** RE2 regexes on the file path. */
  paths?: string[];
}

/**
 * Checks a candidate beyond what a regex can say, by name (so that rules stay serializable):
 * `base64-userpass` — the secret is base64 of `user:password` (Docker config `auth`).
 */
export type SecretValidator = "base64-userpass";

export interface SecretExamples {
  /** Path the examples are scanned as (default "example.txt"); matters for rules with `path`. */
  path?: string;
  /** Each must produce a finding of this rule. */
  match: string[];
  /** None may produce a finding of this rule. */
  noMatch: string[];
}

export interface SecretRule {
  /** The finding's ruleId: `MAM-SEC-NNN` for built-in rules, the config's id for loaded ones. */
  id: string;
  /** Stable short name, e.g. "aws-access-key-id". */
  slug: string;
  title: string;
  severity: Severity;
  /**
   * Lower-case words, one of which occurs in every match: the rule's regex runs only near an
   * occurrence. Empty: the regex runs on every file.
   */
  keywords: string[];
  /** RE2 syntax (linear time: no lookaround, no backreferences). Absent: a path-only rule. */
  regex?: string;
  /** Capture group holding the secret; absent: the first non-empty group, else the whole match. */
  secretGroup?: number;
  /** Shannon entropy (bits per character) the secret must exceed. */
  entropy?: number;
  allowlists?: SecretAllowlist[];
  /** RE2 regex on the file path: the rule applies only where it matches. */
  path?: string;
  /**
   * Where a match may lie relative to a keyword occurrence. "line" (built-in default): on the
   * keyword's line; "block": may span lines, starting on the keyword's line, within `maxLength`
   * bytes; "file": anywhere in a file holding a keyword (gitleaks' semantics, slower).
   */
  scope?: "line" | "block" | "file";
  /** Longest match, in bytes, looked for after a keyword (default 4096). */
  maxLength?: number;
  /** Furthest a keyword may lie from the start of its match, in bytes (default 64). */
  keywordOffset?: number;
  /** A catch-all rule: dropped where a specific rule found a secret at the same place. */
  generic?: boolean;
  validate?: SecretValidator;
  tags?: string[];
  description?: string;
  remediation?: string;
  references?: { gitleaks?: string | string[] };
  examples?: SecretExamples;
}

export interface SecretScanOptions {
  /** Files larger than this are not scanned (a warning says so). Default 10 MiB. */
  maxFileSize?: number;
  /** Findings reported per file at most; the rest are counted in a warning. Default 100. */
  maxFindingsPerFile?: number;
  /** Scan files that look binary (a NUL byte in the first 8 KiB). Default false. */
  scanBinary?: boolean;
  /** Fingerprint scope (the target type, e.g. "image" or "fs"). Default "secret". */
  scope?: string;
}

export interface SecretScanResult {
  findings: Finding[];
  warnings: string[];
}
