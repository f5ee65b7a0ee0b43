// Image and filesystem scans: the analyzers over every file once (packages, secrets, malware),
// then what needs the whole inventory (vulnerabilities, licenses) and, for images, the config.
import { readFileSync, realpathSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Analyzer } from "../analyzers/types.js";
import { analyzeDirectory, analyzeImage, type AnalysisResult, type LayerCache } from "../artifacts/analyze.js";
import { openImage } from "../artifacts/image/open.js";
import type { Image, RegistryOptions } from "../artifacts/image/types.js";
import { runImageConfigChecks } from "../checks/image/run.js";
import { describeFsError, InputError } from "../core/errors.js";
import type { Finding, PackageRef, ScanWarning } from "../core/model.js";
import { malwareAnalyzer } from "../malware/index.js";
import { binaryAnalyzers } from "../packages/binary/index.js";
import { langAnalyzers } from "../packages/lang/index.js";
import { evaluateLicenses, type LicensePolicy } from "../packages/license/index.js";
import { osAnalyzers } from "../packages/os/index.js";
import type { Package } from "../packages/types.js";
import type { Inventory } from "../report/sbom/index.js";
import { BUILTIN_SECRET_RULES, loadGitleaksConfig, scanText, secretAnalyzer, type SecretRule } from "../secrets/index.js";
import type { ScanResult } from "./types.js";
import { scanPackages, type VulnScanOptions } from "./vulns.js";

export const SCANNERS = ["vuln", "secret", "malware", "config", "license"] as const;
export type Scanner = (typeof SCANNERS)[number];

export interface ArtifactScanOptions extends VulnScanOptions {
  scanners: ReadonlySet<Scanner>;
  /** A gitleaks TOML configuration to use instead of (or, with `[extend] useDefault`, beside) the built-in rules. */
  secretConfig?: string;
  malwareRules?: readonly string[];
  hashLists?: readonly string[];
  licensePolicy?: LicensePolicy;
  cache?: LayerCache;
  platform?: string;
  registry?: RegistryOptions;
  exclude?: readonly string[];
  onProgress?: (text: string) => void;
}

export interface ArtifactScan extends ScanResult {
  inventory: Inventory;
  /** Layers whose analysis came from the store's layer cache. */
  cachedLayers: number;
}

function secretRules(o: ArtifactScanOptions): readonly SecretRule[] {
  if (o.secretConfig === undefined) return BUILTIN_SECRET_RULES;
  let text: string;
  try {
    text = readFileSync(o.secretConfig, "utf8");
  } catch (e) {
    throw new InputError(describeFsError(o.secretConfig, e));
  }
  return loadGitleaksConfig(text, o.secretConfig).rules;
}

/** The analyzers a scan runs: package detectors whenever packages are needed, and the content scanners asked for. */
export function analyzersFor(o: ArtifactScanOptions, needPackages: boolean): Analyzer[] {
  const list: Analyzer[] = [];
  if (needPackages || o.scanners.has("vuln") || o.scanners.has("license")) list.push(...osAnalyzers, ...langAnalyzers, ...binaryAnalyzers);
  else list.push(...osAnalyzers.filter((a) => a.kind === "os"));
  if (o.scanners.has("secret")) list.push(secretAnalyzer(secretRules(o)));
  if (o.scanners.has("malware")) {
    list.push(malwareAnalyzer({ ...(o.malwareRules ? { ruleDirs: o.malwareRules } : {}), ...(o.hashLists ? { hashLists: o.hashLists } : {}) }));
  }
  return list;
}

/** One asset per file whatever path names it: the real path (an "archive.tar:tag" selector kept). */
function canonicalPath(ref: string): string {
  try {
    return realpathSync(resolve(ref));
  } catch {
    return resolve(ref);
  }
}

/** The SBOM's dependency edges, from the packages whose source recorded them. */
function dependencyEdges(packages: readonly Package[]): { ref: string; dependsOn: string[] }[] {
  return packages.filter((p) => p.dependsOn && p.dependsOn.length > 0).map((p) => ({ ref: p.ref ?? p.purl, dependsOn: p.dependsOn as string[] }));
}

function packageRefs(packages: readonly Package[]): PackageRef[] {
  return packages.map((p) => ({
    name: p.name,
    version: p.version,
    ecosystem: p.ecosystem,
    purl: p.purl,
    ...(p.path !== undefined ? { path: p.path } : {}),
    ...(p.layer !== undefined ? { layer: p.layer } : {}),
  }));
}

/** Vulnerabilities and licenses over the inventory the analyzers took. */
function inventoryFindings(analysis: AnalysisResult, o: ArtifactScanOptions): { findings: Finding[]; warnings: ScanWarning[] } {
  const findings: Finding[] = [];
  const warnings: ScanWarning[] = [];
  if (o.scanners.has("vuln")) {
    const v = scanPackages(analysis.packages, o);
    for (const f of v.findings) findings.push(f); // not a spread: there may be 100,000s
    for (const w of v.warnings) warnings.push(w);
  }
  if (o.scanners.has("license") && o.licensePolicy) findings.push(...evaluateLicenses(analysis.packages, o.licensePolicy));
  return { findings, warnings };
}

/**
 * Secrets in the image config (Env, history) are as public as the image. Generic "NAME=value"
 * rules are left out here: the Dockerfile checks on the rebuilt history (MAM-DF-005/006) already
 * judge every ENV and ARG assignment by name, so they would report each one twice.
 */
function configSecrets(image: Image): Finding[] {
  const cfg = image.config;
  const rules = BUILTIN_SECRET_RULES.filter((r) => r.generic !== true);
  const out: Finding[] = [];
  (cfg.config?.Env ?? []).forEach((line, i) => out.push(...scanText(line, `${image.name}:config.Env[${i}]`, rules)));
  (cfg.history ?? []).forEach((h, i) => {
    if (h.created_by) out.push(...scanText(h.created_by, `${image.name}:history[${i}]`, rules));
  });
  return out;
}

export async function scanImage(ref: string, o: ArtifactScanOptions, needPackages = false): Promise<ArtifactScan> {
  const openWarnings: ScanWarning[] = [];
  const image = await openImage(ref, {
    ...(o.platform !== undefined ? { platform: o.platform } : {}),
    ...(o.registry !== undefined ? { registry: o.registry } : {}),
    warn: (message) => openWarnings.push({ path: ref, message }),
  });
  try {
    const analysis = await analyzeImage(image, analyzersFor(o, needPackages), {
      ...(o.cache !== undefined ? { cache: o.cache } : {}),
      ...(o.onProgress ? { onProgress: (p) => o.onProgress?.(`layer ${p.layer}/${p.layers}: ${p.files} files, ${Math.round(p.bytes / 1e6)} MB`) } : {}),
    });
    const findings = [...analysis.findings];
    const warnings = [...openWarnings, ...analysis.warnings];
    if (analysis.partial) warnings.push({ path: ref, message: "the result is partial: some layers could not be read whole (see the warnings above)" });
    if (image.kind !== "rootfs") {
      if (o.scanners.has("config")) findings.push(...runImageConfigChecks(image.config, image.name));
      if (o.scanners.has("secret")) findings.push(...configSecrets(image));
    }
    const more = inventoryFindings(analysis, o);
    for (const f of more.findings) findings.push(f);
    for (const w of more.warnings) warnings.push(w);
    return {
      target: { type: "image", name: ref },
      asset: { type: "image", name: image.kind === "registry" ? ref : `${image.kind}:${canonicalPath(ref)}` },
      findings,
      warnings,
      filesScanned: analysis.stats.files,
      cachedLayers: analysis.stats.cachedLayers,
      packages: packageRefs(analysis.packages),
      inventory: {
        subject: { name: image.repoTags[0] ?? image.name, type: "container" },
        packages: analysis.packages,
        dependencies: dependencyEdges(analysis.packages),
        toolVersion: "",
        ...(analysis.os ? { os: { family: analysis.os.family, version: analysis.os.version } } : {}),
      },
    };
  } finally {
    await image.close();
  }
}

export async function scanDirectory(dir: string, o: ArtifactScanOptions, needPackages = false): Promise<ArtifactScan> {
  const analysis = await analyzeDirectory(dir, analyzersFor(o, needPackages), {
    ...(o.exclude ? { exclude: o.exclude } : {}),
    ...(o.onProgress ? { onProgress: (p) => o.onProgress?.(`${p.files} files, ${Math.round(p.bytes / 1e6)} MB`) } : {}),
  });
  const more = inventoryFindings(analysis, o);
  return {
    target: { type: "fs", name: dir },
    asset: { type: "fs", name: dir },
    findings: [...analysis.findings, ...more.findings],
    warnings: [...analysis.warnings, ...more.warnings],
    filesScanned: analysis.stats.files,
    cachedLayers: 0,
    packages: packageRefs(analysis.packages),
    inventory: {
      subject: { name: basename(dir) || dir, type: "application" },
      packages: analysis.packages,
      dependencies: dependencyEdges(analysis.packages),
      toolVersion: "",
      ...(analysis.os ? { os: { family: analysis.os.family, version: analysis.os.version } } : {}),
    },
  };
}
