// The secret scanner's public surface.
export { secretAnalyzer, scanText } from "./analyzer.js";
export { loadGitleaksConfig, type GitleaksConfig } from "./gitleaks.js";
export { BUILTIN_SECRET_RULES } from "./rules/index.js";
export { SecretScanner, scannerFor } from "./scanner.js";
export { shannonEntropy } from "./entropy.js";
export { DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_FINDINGS_PER_FILE } from "./engine.js";
export type { SecretAllowlist, SecretExamples, SecretRule, SecretScanOptions, SecretScanResult } from "./types.js";
