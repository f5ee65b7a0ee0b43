// The SPDX license list and expression parser (spdx-license-ids, spdx-exceptions,
// spdx-expression-parse), typed. They are CommonJS packages without type declarations.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const LICENSE_IDS: readonly string[] = require("spdx-license-ids") as string[];
export const DEPRECATED_IDS: readonly string[] = require("spdx-license-ids/deprecated.json") as string[];
export const EXCEPTION_IDS: readonly string[] = require("spdx-exceptions") as string[];

/** The tree spdx-expression-parse gives: a license (with `+` and an exception) or a conjunction. */
export interface SpdxLeaf {
  license: string;
  plus?: boolean;
  exception?: string;
}
export interface SpdxConjunction {
  left: SpdxNode;
  conjunction: "and" | "or";
  right: SpdxNode;
}
export type SpdxNode = SpdxLeaf | SpdxConjunction;

const parse = require("spdx-expression-parse") as (source: string) => SpdxNode;

/** Parses a strict SPDX expression; undefined when it is not one. */
export function parseSpdx(expression: string): SpdxNode | undefined {
  try {
    return parse(expression);
  } catch {
    return undefined;
  }
}

export function isLeaf(node: SpdxNode): node is SpdxLeaf {
  return "license" in node;
}

const byLowerCase = new Map<string, string>();
for (const id of [...DEPRECATED_IDS, ...LICENSE_IDS]) byLowerCase.set(id.toLowerCase(), id);
const exceptionsByLowerCase = new Map(EXCEPTION_IDS.map((id) => [id.toLowerCase(), id]));
const current = new Set(LICENSE_IDS);
const deprecated = new Set(DEPRECATED_IDS);

/** The SPDX id spelled this way, whatever its case (current ids win over deprecated ones). */
export function licenseId(s: string): string | undefined {
  return byLowerCase.get(s.toLowerCase());
}

export function exceptionId(s: string): string | undefined {
  return exceptionsByLowerCase.get(s.toLowerCase());
}

export function isCurrentId(id: string): boolean {
  return current.has(id);
}

export function isDeprecatedId(id: string): boolean {
  return deprecated.has(id);
}
