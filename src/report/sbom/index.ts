// SBOM output: CycloneDX 1.6 JSON and SPDX 2.3 JSON from one inventory.
export { cyclonedxJson } from "./cyclonedx.js";
export { spdxJson } from "./spdx.js";
export type { Inventory, SbomOptions } from "./types.js";
