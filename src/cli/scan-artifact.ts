// `mamori scan image` and `mamori scan fs`: packages, vulnerabilities, secrets, malware, licenses,
// image configuration; `scan fs` also runs the IaC checks over the tree.
import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { describeFsError, InputError } from "../core/errors.js";
import { mamoriVersion } from "../core/version.js";
import { scanDirectory, scanImage, SCANNERS, type ArtifactScan, type ArtifactScanOptions, type Scanner } from "../scan/artifact.js";
import { finishScan } from "../scan/finish.js";
import { scanIac } from "../scan/iac.js";
import { openStore } from "../store/index.js";
import type { CliContext } from "./context.js";
import { progress } from "./progress.js";
import { writeSbom } from "./sbom-output.js";
import { resolveScanSettings, type ScanFlags } from "./scan-options.js";
import { checksWithPolicies, notePolicyFailures } from "./scan-policies.js";

export interface ArtifactFlags extends ScanFlags {
  scanners?: string;
  secretConfig?: string;
  malwareRules?: string[];
  hashList?: string[];
  vex?: string[];
  ignoreUnfixed?: boolean;
  detection?: "distro" | "upstream";
  platform?: string;
  insecure?: boolean;
  caFile?: string;
  username?: string;
  password?: string;
  dockerConfig?: string;
  /** Custom policy directories or files for the IaC files of the tree (scan fs; repeatable). */
  policy?: string[];
}

function parseScanners(text: string | undefined, fromConfig: readonly Scanner[] | undefined, licensePolicy: boolean): Set<Scanner> {
  if (text === undefined) {
    if (fromConfig) return new Set(fromConfig);
    return new Set<Scanner>(["vuln", "secret", "malware", "config", ...(licensePolicy ? (["license"] as const) : [])]);
  }
  const out = new Set<Scanner>();
  for (const raw of text.split(",")) {
    const s = raw.trim().toLowerCase();
    if (!(SCANNERS as readonly string[]).includes(s)) throw new InputError(`--scanners: unknown scanner "${raw.trim()}" (use ${SCANNERS.join(", ")})`);
    out.add(s as Scanner);
  }
  return out;
}

export async function runArtifactScan(kind: "image" | "fs", target: string, flags: ArtifactFlags, ctx: CliContext): Promise<number> {
  const startedAt = new Date();
  const settings = resolveScanSettings(flags, ctx, { sbomFormats: true });
  const sbomOnly = settings.format === "cyclonedx-json" || settings.format === "spdx-json";
  const policy = settings.config.license;
  const scanners = sbomOnly ? new Set<Scanner>() : parseScanners(flags.scanners, settings.config.scanners, policy !== undefined);
  if (scanners.has("license") && policy === undefined) ctx.note("note: --scanners license needs a license policy (license: deny/allow in mamori.yaml)");
  // scan fs runs the IaC checks over the tree, custom policies included (as scan iac does).
  const iacChecks = kind === "fs" && !sbomOnly && scanners.has("config") ? await checksWithPolicies([...(settings.config.policies ?? []), ...(flags.policy ?? [])], ctx) : undefined;
  if (iacChecks === undefined && (flags.policy ?? []).length > 0) ctx.note("note: --policy applies to the IaC files of scan fs (the config scanner); it is not used here");

  const bar = progress(ctx.quiet);
  const store = settings.finish.store === false ? undefined : await openStore(settings.finish.store);
  const options: ArtifactScanOptions = {
    scanners,
    ...(flags.db !== undefined ? { db: flags.db } : {}),
    ...(flags.vex !== undefined ? { vex: flags.vex } : {}),
    ...(flags.ignoreUnfixed ? { ignoreUnfixed: true } : {}),
    ...(flags.detection !== undefined ? { detection: flags.detection } : {}),
    ...(flags.secretConfig !== undefined ? { secretConfig: flags.secretConfig } : {}),
    ...(flags.malwareRules !== undefined ? { malwareRules: flags.malwareRules } : {}),
    ...(flags.hashList !== undefined ? { hashLists: flags.hashList } : {}),
    ...(policy !== undefined ? { licensePolicy: policy } : {}),
    ...(flags.platform !== undefined ? { platform: flags.platform } : {}),
    ...(settings.exclude.length > 0 ? { exclude: settings.exclude } : {}),
    registry: {
      ...(flags.insecure ? { insecure: true } : {}),
      ...(flags.caFile !== undefined ? { caFile: flags.caFile } : {}),
      ...(flags.username !== undefined ? { username: flags.username } : {}),
      ...(flags.password !== undefined ? { password: flags.password } : {}),
      ...(flags.dockerConfig !== undefined ? { dockerConfig: flags.dockerConfig } : {}),
    },
    ...(store ? { cache: { get: (d: string, k: string) => store.getLayerCache(d, k), put: (d: string, k: string, b: Buffer) => store.putLayerCache(d, k, b) } } : {}),
    onProgress: (text) => bar.update(`scanning ${target}: ${text}`),
  };

  let result: ArtifactScan;
  try {
    if (kind === "image") result = await scanImage(target, options, sbomOnly);
    else {
      let real: string;
      try {
        real = realpathSync(resolve(ctx.cwd, target));
        if (!statSync(real).isDirectory()) throw new InputError(`${target}: not a directory (scan a single file with mamori scan iac)`);
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(describeFsError(target, e));
      }
      result = await scanDirectory(real, options, sbomOnly);
      result.target = { type: "fs", name: target };
      if (!sbomOnly && scanners.has("config")) {
        // The IaC files of the tree, through the IaC scanner.
        // The secret analyzer has already read every file of the tree.
        const iac = await scanIac({ target, cwd: ctx.cwd, exclude: settings.exclude, skipChecks: settings.skipChecks, secrets: false, ...(iacChecks ? { checks: iacChecks.checks } : {}) });
        result.findings.push(...iac.findings);
        result.warnings.push(...iac.warnings);
      }
    }
  } finally {
    bar.done();
    await store?.close();
  }
  if (iacChecks) notePolicyFailures(iacChecks.policies, ctx);
  ctx.trace(`${result.filesScanned} files, ${result.packages?.length ?? 0} packages, ${result.findings.length} findings, ${result.cachedLayers} layers from the cache`);

  if (sbomOnly) {
    await writeSbom({ ...result.inventory, toolVersion: mamoriVersion() }, settings.format as "cyclonedx-json" | "spdx-json", settings.finish.output, ctx.cwd);
    return 0;
  }
  const done = await finishScan(result, { ...settings.finish, startedAt });
  return done.exitCode;
}
