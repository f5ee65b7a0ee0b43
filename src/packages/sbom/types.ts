// What reading an SBOM gives, whatever its format.
import type { VexStatement } from "../../vulndb/vex.js";
import type { Package } from "../types.js";

export interface SbomDependency {
  /** bom-ref (CycloneDX) or SPDXID (SPDX) of the dependent; Package.ref holds the same ids. */
  ref: string;
  dependsOn: string[];
}

export interface SbomContent {
  format: "cyclonedx" | "spdx";
  specVersion: string;
  /** What the SBOM describes (its root component or described package): `name@version` or the name. */
  subject?: string;
  /** Packages to match, the subject itself excluded. */
  packages: Package[];
  dependencies: SbomDependency[];
  /** VEX statements embedded in the document (a CycloneDX `vulnerabilities` array with analyses). */
  vex: VexStatement[];
  /** Non-fatal problems, counted: "3 components skipped: no purl". */
  warnings: string[];
}

// Reasons carry names from the document (an unknown purl type): a hostile one could invent millions.
const MAX_REASONS = 20;
const OTHER_REASONS = "other reasons";

/** Counts skipped entries by reason, so one warning says how many and why. */
export class SkipCounter {
  private readonly counts = new Map<string, number>();
  constructor(private readonly noun: string) {}
  add(reason: string): void {
    const key = this.counts.has(reason) || this.counts.size < MAX_REASONS ? reason : OTHER_REASONS;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  warnings(): string[] {
    return [...this.counts].map(([reason, n]) => `${n} ${this.noun}${n === 1 ? "" : "s"} skipped: ${reason}`);
  }
}

/** Joins several license entries into one expression; compound ones are parenthesized. */
export function joinLicenses(licenses: string[]): string | undefined {
  const unique = [...new Set(licenses)];
  if (unique.length <= 1) return unique[0];
  return unique.map((l) => (/\s(AND|OR)\s/i.test(l) ? `(${l})` : l)).join(" AND ");
}
