// The one package model every detector and SBOM reader produces (ARCHITECTURE.md §4).
import type { PackageRef } from "../core/model.js";

/**
 * A package found in an artefact or read from an SBOM. `ecosystem` is OSV's ecosystem name,
 * including the release for distributions: "npm", "PyPI", "Go", "crates.io", "Maven", "RubyGems",
 * "NuGet", "Packagist", "Hex", "Pub", "Debian:12", "Ubuntu:22.04", "Alpine:v3.20", "Red Hat",
 * "AlmaLinux:9", "Rocky Linux:9", "SUSE", "Wolfi", "Chainguard".
 */
export interface Package extends PackageRef {
  /** For binary OS packages: the source package advisories are keyed by, and its version. */
  source?: { name: string; version: string };
  /** Set when the file this package came from is owned by an OS package (dpkg, rpm, apk). */
  ownedBy?: { ecosystem: string; name: string };
  /** SPDX license expression, where known. */
  license?: string;
  /** SBOM component reference (bom-ref or SPDXID), to keep dependency relationships. */
  ref?: string;
  /** Direct dependencies, by purl, where the source records them (lock files): the SBOM's edges. */
  dependsOn?: string[];
}
