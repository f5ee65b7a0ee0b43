import type { Finding, PackageRef, ScanWarning, Target, TargetType } from "../core/model.js";

/** What any scan hands to finishScan: the same shape whatever was scanned. */
export interface ScanResult {
  target: Target;
  /** Identity of what was scanned, for the store. */
  asset: { type: TargetType; name: string };
  findings: Finding[];
  warnings: ScanWarning[];
  filesScanned: number;
  /** The package inventory, where the scan takes one (SBOM, image, filesystem). */
  packages?: PackageRef[];
}
