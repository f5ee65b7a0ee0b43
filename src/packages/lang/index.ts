// The language package detectors, each an Analyzer offered every file by the driver.
import type { Analyzer } from "../../analyzers/types.js";
import { cargoLockDetector } from "./cargo.js";
import { composerLockDetector } from "./composer.js";
import { gemfileLockDetector } from "./gemfile-lock.js";
import { gemspecDetector } from "./gemspec.js";
import { goModDetector } from "./gomod.js";
import { npmInstalledDetector } from "./npm-installed.js";
import { npmLockDetector } from "./npm-lock.js";
import { nugetDepsDetector } from "./nuget-deps.js";
import { nugetLockDetector } from "./nuget-lock.js";
import { pipfileLockDetector } from "./pipfile.js";
import { pnpmLockDetector } from "./pnpm.js";
import { poetryLockDetector } from "./poetry.js";
import { pythonInstalledDetector } from "./python-installed.js";
import { requirementsDetector } from "./requirements.js";
import { uvLockDetector } from "./uv.js";
import { yarnLockDetector } from "./yarn.js";

export const langAnalyzers: Analyzer[] = [
  npmLockDetector,
  npmInstalledDetector,
  yarnLockDetector,
  pnpmLockDetector,
  pythonInstalledDetector,
  requirementsDetector,
  poetryLockDetector,
  pipfileLockDetector,
  uvLockDetector,
  goModDetector,
  gemspecDetector,
  gemfileLockDetector,
  cargoLockDetector,
  composerLockDetector,
  nugetDepsDetector,
  nugetLockDetector,
];
