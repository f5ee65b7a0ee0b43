// The check engine's vocabulary (STYLE.md §2): a check is metadata, inline good and bad examples,
// and one small pure function over a normalized model.
import type { ComplianceRef, FindingKind, PeerReferences, Remediation, Severity } from "../core/model.js";

/** A 1-based, inclusive line range within one file. */
export interface SourceRange {
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
}

/** A value together with where it came from. */
export interface Sourced<T> {
  value: T;
  range: SourceRange;
}

/**
 * A normalized model object that checks run against (`dockerfile.Dockerfile`, later
 * `aws.s3.Bucket`, `k8s.Pod`, ...). Every model knows its file range and, for IaC, its address.
 */
export interface ResourceModel {
  modelType: string;
  address?: string;
  range: SourceRange;
  /**
   * The file the model belongs to, relative to the scan root and `/`-separated, when that is not
   * the file being parsed (a resource of a Terraform module reached through a module call).
   */
  file?: string;
  /** The module calls the model was reached through, outermost first (a suppression on a call covers it). */
  via?: { file: string; range: SourceRange }[];
}

/** One thing a check found wrong. */
export interface Violation {
  message: string;
  range: SourceRange;
  /**
   * What identifies this instance within its file for the fingerprint (e.g. the offending
   * instruction, whitespace-folded). Defaults to the message. Never put a secret value here.
   */
  key?: string;
  /** Overrides the check's severity for this instance. */
  severity?: Severity;
  /** A fix snippet for this instance, where one can be given. */
  fix?: string;
  /**
   * Replaces the source lines shown as the finding's snippet. A check that finds a secret must
   * set this to a redacted text (see core/redact.ts), and keep the secret out of message and key.
   */
  snippet?: string;
  /**
   * Mechanical edits that fix this instance, for `scan iac --fix` (scan/fix.ts). Give them only
   * where the change is certain and local; the fixer refuses any edit whose text is not as described.
   */
  edits?: readonly FixEdit[];
}

/**
 * One line-based edit. Lines are 1-based lines of the file the finding is in; the fixer checks
 * that each line still reads as the edit expects before it changes anything.
 */
export type FixEdit =
  /**
   * `key: from` (YAML, JSON) or `key = from` (HCL) on `line` becomes `key: to`; quotes around the
   * value are kept. `keys` lists the key's spellings in the formats the check reads (`publicly_accessible`,
   * `PubliclyAccessible`).
   */
  | { kind: "set-value"; line: number; keys: readonly string[]; from: string; to: string }
  /** Adds `key = value` to the HCL block spanning `block`, just above its closing brace. */
  | { kind: "hcl-add-attribute"; block: SourceRange; key: string; value: string }
  /**
   * Adds `path[0]:` / `  path[1]: value` (nested keys, the last one holding `value`) to a YAML mapping:
   * `child` puts it under the block-mapping key on `line` (`securityContext:`), `sibling` beside the
   * entry on `line` (`- name: api`), at that entry's indentation.
   */
  | { kind: "yaml-add-entry"; line: number; at: "child" | "sibling"; path: readonly string[]; value: string }
  /** Inserts `text` right after `anchor`, which must occur exactly once, as whole words, in the lines of `range`. */
  | { kind: "insert-after"; range: SourceRange; anchor: string; text: string };

export type EvalResult = Violation | readonly Violation[] | undefined | null | void;

/** Formats that checks carry examples for; each maps to an adapter that parses it. */
/** `image`: an OCI image config (JSON), as image checks are written against. */
export type ExampleFormat = "dockerfile" | "image" | "terraform" | "cloudformation" | "kubernetes" | "compose" | "arm";

export interface CheckExamples {
  bad: string[];
  good: string[];
}

export interface CheckContext {
  /** The file the model came from, relative to the scan root, `/`-separated. */
  path: string;
}

export interface CheckMeta {
  /** `MAM-<AREA>-<NNN>`, e.g. `MAM-DF-001`. Never reused, never renamed. */
  id: string;
  title: string;
  severity: Severity;
  kind?: FindingKind;
  description: string;
  /** The model type this check runs against (ResourceModel.modelType). */
  appliesTo: string;
  references?: PeerReferences;
  compliance?: ComplianceRef[];
  remediation: Remediation;
  examples: Partial<Record<ExampleFormat, CheckExamples>>;
}

export interface Check<M extends ResourceModel = ResourceModel> extends CheckMeta {
  evaluate(model: M, ctx: CheckContext): EvalResult;
}
