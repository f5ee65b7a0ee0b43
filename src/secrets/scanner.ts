// The entry points: a SecretScanner holds one compiled rule set; scanText serves text that is not
// a file (an image config's Env entries and history lines) and compiles each rule list only once.
import type { Finding } from "../core/model.js";
import { CompiledRules } from "./compile.js";
import { scanBytes, scanPath } from "./engine.js";
import { BUILTIN_SECRET_RULES } from "./rules/index.js";
import type { SecretRule, SecretScanOptions, SecretScanResult } from "./types.js";

/** Built-in rules compile on first use: the tests compile every one of them. */
const BUILTIN = new WeakSet<SecretRule>(BUILTIN_SECRET_RULES);

export class SecretScanner {
  readonly compiled: CompiledRules;

  /** Compiles the rules (default: Mamori's built-in set); throws InputError naming a bad rule. */
  constructor(readonly rules: readonly SecretRule[] = BUILTIN_SECRET_RULES) {
    this.compiled = new CompiledRules(rules, (r) => BUILTIN.has(r));
  }

  /** Scans one file's content; `path` is what findings show and what path rules test. */
  scan(content: Uint8Array, path: string, opts?: SecretScanOptions): SecretScanResult {
    return scanBytes(this.compiled, content, path, opts);
  }

  /** Findings from the path alone, for a file that is not read (over the size limit). */
  scanPath(path: string, opts?: SecretScanOptions): Finding[] {
    return scanPath(this.compiled, path, opts);
  }

  scanText(text: string, path: string, opts?: SecretScanOptions): SecretScanResult {
    return this.scan(Buffer.from(text, "utf8"), path, opts);
  }
}

const scanners = new WeakMap<readonly SecretRule[], SecretScanner>();

/** The scanner for a rule list, compiled on first use and kept while the list lives. */
export function scannerFor(rules: readonly SecretRule[] = BUILTIN_SECRET_RULES): SecretScanner {
  let s = scanners.get(rules);
  if (s === undefined) {
    s = new SecretScanner(rules);
    scanners.set(rules, s);
  }
  return s;
}

/**
 * Secrets in a piece of text that is not a file, e.g. an image config entry, with `path` naming it
 * ("image-config:Env[3]", "image-config:history[7]").
 */
export function scanText(text: string, path: string, rules: readonly SecretRule[] | SecretScanner = BUILTIN_SECRET_RULES, opts?: SecretScanOptions): Finding[] {
  const scanner = rules instanceof SecretScanner ? rules : scannerFor(rules);
  return scanner.scanText(text, path, opts).findings;
}
