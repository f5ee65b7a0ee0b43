// CVSS scores (v2, v3.0, v3.1, v4.0) and the severity of an advisory for one affected package.
// Precedence, most specific first: the distribution's own rating for OS packages (it knows how the
// package is built and shipped there), then CVSS (the newest version present), then the advisory
// database's own word (GHSA's database_specific.severity).
import cvssCalculator from "ae-cvss-calculator";
import type { Severity } from "../core/model.js";
import type { OsvAffected, OsvRecord, OsvSeverity } from "./types.js";

// The package is CommonJS: its classes are properties of the default export under ESM.
const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;

export type CvssVersion = "2.0" | "3.0" | "3.1" | "4.0";
export type CvssSeverity = "critical" | "high" | "medium" | "low" | "none";

export interface CvssResult {
  version: CvssVersion;
  score: number;
  severity: CvssSeverity;
}

interface Calculator {
  isBaseFullyDefined(): boolean;
  calculateScores(): { base?: number; overall: number };
}

const CALCULATORS: { prefix: string; version: CvssVersion; make: (v: string) => Calculator }[] = [
  { prefix: "CVSS:4.0/", version: "4.0", make: (v) => new Cvss4P0(v) },
  { prefix: "CVSS:3.1/", version: "3.1", make: (v) => new Cvss3P1(v) },
  { prefix: "CVSS:3.0/", version: "3.0", make: (v) => new Cvss3P0(v) },
];

/** v2 vectors carry no prefix; some feeds wrap them in parentheses or write "CVSS:2.0/". */
function v2Body(vector: string): string {
  return vector.replace(/^\((.*)\)$/, "$1").replace(/^CVSS:2\.0\//, "");
}

/** Every metric once, each `KEY:VALUE`: the calculator alone would take a repeated metric's last value. */
function wellFormed(body: string): boolean {
  const keys = new Set<string>();
  for (const part of body.split("/")) {
    const m = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part);
    if (m === null || keys.has(m[1] as string)) return false;
    keys.add(m[1] as string);
  }
  return keys.size > 0;
}

function bandOf(version: CvssVersion, score: number): CvssSeverity {
  if (score === 0) return "none";
  // CVSS v2 defines no "critical": NVD's v2 bands end at high.
  if (version !== "2.0" && score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  return "low";
}

/** The base score of a CVSS vector (for v4, the score of the vector as written); undefined when invalid. */
// Scoring a vector costs about 20 µs and a database repeats a few thousand distinct vectors many
// times over: a bounded memo makes matching 10,000 packages several times faster.
const scoreMemo = new Map<string, CvssResult | undefined>();
const SCORE_MEMO_MAX = 50_000;

export function cvssScore(vector: string): CvssResult | undefined {
  if (typeof vector !== "string" || vector.length > 512) return undefined;
  if (scoreMemo.has(vector)) return scoreMemo.get(vector);
  const result = scoreUncached(vector);
  if (scoreMemo.size >= SCORE_MEMO_MAX) scoreMemo.clear();
  scoreMemo.set(vector, result);
  return result;
}

function scoreUncached(vector: string): CvssResult | undefined {
  const v = vector.trim();
  const known = CALCULATORS.find((c) => v.startsWith(c.prefix));
  const version: CvssVersion = known?.version ?? "2.0";
  const body = known === undefined ? v2Body(v) : v.slice(known.prefix.length);
  if (!wellFormed(body) || (known === undefined && !body.startsWith("AV:"))) return undefined;
  try {
    const calc = known === undefined ? new Cvss2(body) : known.make(v);
    if (!calc.isBaseFullyDefined()) return undefined;
    const scores = calc.calculateScores();
    const raw = version === "4.0" ? scores.overall : (scores.base ?? scores.overall);
    if (typeof raw !== "number" || !Number.isFinite(raw)) return undefined;
    const score = Math.round(raw * 10) / 10;
    return { version, score, severity: bandOf(version, score) };
  } catch {
    // The calculator throws on unknown metrics and values: not a vector.
    return undefined;
  }
}

export interface SeverityVerdict {
  severity: Severity;
  /** Which rule decided: the distribution's rating, CVSS, or the advisory's own field. */
  source: "distribution" | "cvss" | "advisory";
  /** The CVSS vector used (or, when another rule decided, the best one present). */
  cvss?: { version: CvssVersion; vector: string; score: number };
}

/** Words distributions and advisory databases rate with; words meaning "not rated yet" are absent. */
const RATING_WORDS: Record<string, Severity> = {
  critical: "critical",
  important: "high",
  high: "high",
  moderate: "medium",
  medium: "medium",
  low: "low",
  // Ubuntu "negligible", Debian "unimportant": known, and judged not to matter in that distribution.
  negligible: "info",
  unimportant: "info",
};

function ratingWord(v: unknown): Severity | undefined {
  if (typeof v !== "string") return undefined;
  return RATING_WORDS[v.trim().toLowerCase()];
}

/** Ecosystems (by base name, before any ":") whose packages a distribution builds and rates. */
const OS_ECOSYSTEMS = new Set([
  "AlmaLinux", "Alpine", "Alpaquita", "Azure Linux", "BellSoft Hardened Containers", "Chainguard", "Debian", "Mageia",
  "MinimOS", "openEuler", "openSUSE", "Photon OS", "Red Hat", "Rocky Linux", "SUSE", "Ubuntu", "Wolfi",
]);

function isOsPackage(a: OsvAffected): boolean {
  const eco = a.package?.ecosystem;
  return eco !== undefined && OS_ECOSYSTEMS.has(eco.split(":")[0] as string);
}

function field(o: Record<string, unknown> | undefined, key: string): unknown {
  return o === undefined || o === null ? undefined : o[key];
}

/**
 * Where distributions put their own rating, first match wins: Ubuntu's severity type "Ubuntu"
 * and its CVE records' ubuntu_priority, Debian's tracker urgency, and the severity field that
 * Red Hat-family and other distribution feeds carry in ecosystem_ or database_specific.
 */
function distributionRating(record: OsvRecord, affected: readonly OsvAffected[]): Severity | undefined {
  for (const a of affected) {
    if (!isOsPackage(a)) continue;
    const candidates: unknown[] = [
      ...(a.severity ?? []).filter((s) => s.type === "Ubuntu").map((s) => s.score),
      field(a.ecosystem_specific, "ubuntu_priority"),
      field(a.ecosystem_specific, "urgency"),
      field(a.ecosystem_specific, "severity"),
      field(a.database_specific, "severity"),
      ...(record.severity ?? []).filter((s) => s.type === "Ubuntu").map((s) => s.score),
      field(record.database_specific, "severity"),
    ];
    for (const c of candidates) {
      const s = ratingWord(c);
      if (s !== undefined) return s;
    }
  }
  return undefined;
}

const CVSS_ORDER: Record<CvssVersion, number> = { "4.0": 4, "3.1": 3, "3.0": 2, "2.0": 1 };
const CVSS_TYPES = new Set(["CVSS_V2", "CVSS_V3", "CVSS_V4"]);

/** The newest CVSS version present; within one version the affected entry's own vector first. */
function bestCvss(lists: readonly (readonly OsvSeverity[] | undefined)[]): (CvssResult & { vector: string }) | undefined {
  let best: (CvssResult & { vector: string }) | undefined;
  for (const list of lists) {
    for (const s of list ?? []) {
      if (!CVSS_TYPES.has(s.type)) continue;
      const r = cvssScore(s.score);
      if (r !== undefined && (best === undefined || CVSS_ORDER[r.version] > CVSS_ORDER[best.version])) best = { ...r, vector: s.score };
    }
  }
  return best;
}

function advisoryRating(record: OsvRecord, affected: readonly OsvAffected[]): Severity | undefined {
  for (const c of [field(record.database_specific, "severity"), ...affected.map((a) => field(a.database_specific, "severity"))]) {
    const s = ratingWord(c);
    if (s !== undefined) return s;
  }
  return undefined;
}

/**
 * The severity of `record` for the package of `affected` (or for the record as a whole), with the
 * CVSS vector behind it when there is one; undefined when the record rates itself nowhere.
 */
export function severityOf(record: OsvRecord, affected?: OsvAffected): SeverityVerdict | undefined {
  const entries = affected === undefined ? (record.affected ?? []) : [affected];
  const best = bestCvss([...entries.map((a) => a.severity), record.severity]);
  const cvss = best === undefined ? undefined : { version: best.version, vector: best.vector, score: best.score };
  const withCvss = (v: Omit<SeverityVerdict, "cvss">): SeverityVerdict => (cvss === undefined ? v : { ...v, cvss });

  const distro = distributionRating(record, entries);
  if (distro !== undefined) return withCvss({ severity: distro, source: "distribution" });
  if (best !== undefined) return withCvss({ severity: best.severity === "none" ? "info" : best.severity, source: "cvss" });
  const advisory = advisoryRating(record, entries);
  if (advisory !== undefined) return withCvss({ severity: advisory, source: "advisory" });
  return undefined;
}
