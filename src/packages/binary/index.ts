// The package detectors that read binaries and archives.
import type { Analyzer } from "../../analyzers/types.js";
import { cargoAuditableAnalyzer } from "./cargo-auditable.js";
import { goBinaryAnalyzer } from "./go-binary.js";
import { javaArchiveAnalyzer } from "./java-archive.js";

export const binaryAnalyzers: Analyzer[] = [goBinaryAnalyzer, cargoAuditableAnalyzer, javaArchiveAnalyzer];

export { cargoAuditableAnalyzer, cargoAuditablePackages } from "./cargo-auditable.js";
export { goBinaryAnalyzer, goBinaryPackages } from "./go-binary.js";
export { javaArchiveAnalyzer, javaArchivePackages, DEFAULT_JAVA_LIMITS, type JavaArchiveLimits } from "./java-archive.js";
export { readGoBuildInfo, type GoBuildInfoRaw } from "./go-buildinfo.js";
export { parseGoModInfo, stdlibVersion } from "./go-modinfo.js";
