// The checks on an image's configuration: the Dockerfile checks that mean something on a
// rebuilt history, and the image checks, run over one reconstruction. Findings point at lines of
// the reconstructed Dockerfile and their messages name the history entry or config field.
import { historyPath, imageConfigToDockerfile, type ImageConfigLike, type LineOrigin } from "../../adapters/image-config.js";
import type { Finding } from "../../core/model.js";
import { dockerChecks } from "../docker/index.js";
import { CheckSet, toFindings } from "../engine.js";
import type { Check } from "../types.js";
import { imageChecks } from "./index.js";

/**
 * The Dockerfile checks that run on images, by id. An allowlist, so a new Dockerfile check runs on
 * images only once someone has decided it means something there. Left out: MAM-DF-004 (the FROM
 * line is made up; the image's own reference is judged where it is named), MAM-DF-006 (on an image
 * the history shows whether a build argument's value was recorded, and MAM-DF-005 reports it when
 * it was), MAM-DF-019 (the history holds the base image's CMD and ENTRYPOINT before the image's own).
 * Builders do not record RUN --mount or ADD --checksum: a RUN that used a cache mount can still
 * look like MAM-DF-010 or MAM-DF-017, an ADD with a checksum like MAM-DF-002.
 */
export const imageConfigCheckIds: readonly string[] = Object.freeze([
  "MAM-DF-001", "MAM-DF-002", "MAM-DF-003", "MAM-DF-005", "MAM-DF-007", "MAM-DF-008", "MAM-DF-009", "MAM-DF-010",
  "MAM-DF-011", "MAM-DF-012", "MAM-DF-013", "MAM-DF-014", "MAM-DF-015", "MAM-DF-016", "MAM-DF-017", "MAM-DF-018",
  "MAM-DF-020", "MAM-DF-021", "MAM-DF-022", "MAM-DF-023", "MAM-DF-026", "MAM-DF-028",
]);

function dockerCheck(id: string): Check {
  const check = dockerChecks.find((c) => c.id === id);
  if (!check) throw new Error(`imageConfigCheckIds names ${id}, which is not a Dockerfile check`);
  return check;
}

const checks = new CheckSet([...imageConfigCheckIds.map(dockerCheck), ...(imageChecks as readonly Check[])]);

// Findings of Dockerfile checks on the made-up FROM line are about the config as a whole.
const ON_CONFIG: Record<string, { message: string; snippet: string }> = {
  "MAM-DF-001": { message: "the image config sets no User, so the container runs as root", snippet: '"User": ""' },
  "MAM-DF-007": { message: "the image config has no Healthcheck", snippet: '"Healthcheck": null' },
};

// Dockerfile wording that is not true of an image.
const IMAGE_WORDING: readonly [RegExp, string][] = [[/ written in the Dockerfile;/, " recorded in the image;"]];

function relabel(f: Finding, origin: LineOrigin | undefined): Finding {
  const message = IMAGE_WORDING.reduce((m, [from, to]) => m.replace(from, to), f.message ?? f.title);
  if (origin?.kind === "history") return { ...f, message: `history[${origin.index}]: ${message}` };
  if (origin?.kind === "config") return { ...f, message: `config.${origin.field}: ${message}` };
  const whole = ON_CONFIG[f.ruleId];
  return whole ? { ...f, ...whole } : f;
}

export interface ImageConfigScanOptions {
  /** The time to judge dates against; defaults to now. */
  now?: Date;
}

export interface ImageConfigScan {
  findings: Finding[];
  /** Parts of the config that were too large to check, or unreadable. */
  warnings: string[];
}

/** Runs the image configuration checks; findings have path `<image>:history` and fingerprints that survive a re-tag. */
export function scanImageConfig(config: ImageConfigLike, imageName: string, opts: ImageConfigScanOptions = {}): ImageConfigScan {
  const rec = imageConfigToDockerfile(config, imageName, opts);
  const raw = checks.run([rec.model, rec.image], historyPath(imageName));
  const findings = toFindings(raw, { scope: "image", displayPath: historyPath(imageName), rootPath: "history", lines: rec.lines });
  return { findings: findings.map((f) => relabel(f, rec.origins[(f.location.startLine ?? 1) - 1])), warnings: rec.warnings };
}

export function runImageConfigChecks(config: ImageConfigLike, imageName: string, opts: ImageConfigScanOptions = {}): Finding[] {
  return scanImageConfig(config, imageName, opts).findings;
}
