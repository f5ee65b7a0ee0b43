// `mamori scan sbom`: the packages a CycloneDX or SPDX document lists, matched against the database.
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { readTextFile, UnreadableFile } from "../artifacts/textfile.js";
import { describeFsError, InputError } from "../core/errors.js";
import type { PackageRef } from "../core/model.js";
import { MAX_SBOM_BYTES, readSbom } from "../packages/sbom/index.js";
import type { ScanResult } from "./types.js";
import { scanPackages, type VulnScanOptions } from "./vulns.js";

export async function scanSbom(target: string, cwd: string, o: VulnScanOptions): Promise<ScanResult> {
  const abs = resolve(cwd, target);
  let text: string;
  try {
    text = (await readTextFile(abs, MAX_SBOM_BYTES)).text;
  } catch (e) {
    if (e instanceof UnreadableFile) throw new InputError(`${target}: ${e.reason}`);
    throw new InputError(describeFsError(target, e));
  }
  const sbom = readSbom(text, target);
  // VEX statements the BOM itself carries count like those given with --vex.
  const { findings, warnings } = scanPackages(sbom.packages, o, sbom.vex);
  const packages: PackageRef[] = sbom.packages.map((p) => ({
    name: p.name,
    version: p.version,
    ecosystem: p.ecosystem,
    purl: p.purl,
    ...(p.path !== undefined ? { path: p.path } : {}),
  }));
  for (const f of findings) if (f.location.path === undefined) f.location.path = target;
  return {
    target: { type: "sbom", name: target },
    asset: { type: "sbom", name: realpathSync(abs) },
    findings,
    warnings: [...sbom.warnings.map((message) => ({ path: target, message })), ...warnings],
    filesScanned: 1,
    packages,
  };
}
