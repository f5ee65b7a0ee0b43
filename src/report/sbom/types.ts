// What an SBOM is written from, whatever the format.
import type { Package } from "../../packages/types.js";

export interface Inventory {
  /** What was scanned: the SBOM's root (CycloneDX metadata.component, the package SPDX DESCRIBES). */
  subject: { name: string; type: "container" | "application" | "file"; version?: string };
  packages: Package[];
  /**
   * Dependency edges where the source knows them. `ref` and `dependsOn` name packages by their
   * `Package.ref` or their purl; edges naming no package of the inventory are left out.
   */
  dependencies?: { ref: string; dependsOn: string[] }[];
  /** Mamori's version, for the document's tool and creator. */
  toolVersion: string;
  /** The scanned filesystem's OS (os-release ID and VERSION_ID), written as an operating-system component. */
  os?: { family: string; version: string };
}

/** For reproducible output in tests: the document's time and identity. */
export interface SbomOptions {
  now?: Date;
  /** A UUID: the CycloneDX serial number and the SPDX document namespace's unique part. */
  uuid?: string;
}
