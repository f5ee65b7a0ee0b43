// OS detection and OS package detectors, as analyzers for the driver (src/artifacts/analyze.ts).
import type { Analyzer } from "../../analyzers/types.js";
import { apkAnalyzer } from "./apk.js";
import { dpkgAnalyzer } from "./dpkg.js";
import { osReleaseAnalyzer } from "./os-release.js";
import { rpmAnalyzer } from "./rpm.js";
import { dpkgCopyrightAnalyzer } from "./dpkg-copyright.js";

export const osAnalyzers: Analyzer[] = [osReleaseAnalyzer, dpkgAnalyzer, dpkgCopyrightAnalyzer, apkAnalyzer, rpmAnalyzer];

export { apkAnalyzer, dpkgAnalyzer, osReleaseAnalyzer, rpmAnalyzer };
export { pickOs, readOsFile } from "./os-release.js";
export { osvEcosystem } from "./os-ecosystem.js";
export { finishOsPackage, isOsPackageType, type OsPackageType } from "./os-purl.js";

export { dpkgCopyrightAnalyzer };
