// Matching a package inventory against the advisory database: one finding per vulnerability per
// package, however many records (GHSA, CVE, the distribution's own) describe it, each finding
// saying which range of which record the installed version fell in.
//
// - Language packages are asked for under their ecosystem and name (the database folds names the
//   way the ecosystem does: PEP 503 for PyPI).
// - OS packages are asked for under their distribution's release ecosystems, by source package
//   where the distribution files advisories so (distro.ts), and carry the distribution's fix state.
// - A language package that an OS package installed (`ownedBy`) is the distribution's to judge,
//   through that OS package: it is matched upstream only with `detection: "upstream"`.
// - Records naming the same vulnerability are merged. The finding's id is the CVE when there is one
//   (the id every feed and VEX document shares), else the GHSA, else the record's own id. Notices
//   that fix several CVEs at once (USN, DSA, ALSA, ...) are not vulnerabilities themselves: they
//   join the finding of each CVE they name.
import { assignFingerprints, type FingerprintInput } from "../core/fingerprint.js";
import type { Finding, Severity, VulnerabilityInfo } from "../core/model.js";
import type { Package } from "../packages/types.js";
import { severityOf, type SeverityVerdict } from "./cvss.js";
import { packageNameKey } from "./db.js";
import { distroQueries, fixStateOf, isOsEcosystem, isRootIoVersion, orderingEcosystem, settlesFor, type FixState } from "./distro.js";
import { evaluateAffected, fixesAbove, LISTED_IN_VERSIONS, sortVersions } from "./ranges.js";
import type { Settles } from "./redhat.js";
import type { AdvisorySource, OsvAffected, OsvRecord, RangeVerdict, VersionScheme } from "./types.js";
import { schemeFor } from "./versions/index.js";

export interface MatchOptions {
  /** Leave out vulnerabilities with no fixed version (unfixed and won't-fix). */
  ignoreUnfixed?: boolean;
  /**
   * "distro" (default): a language package installed by an OS package is judged by the
   * distribution's advisories for that OS package. "upstream": it is matched upstream as well.
   */
  detection?: "distro" | "upstream";
}

export interface MatchResult {
  findings: Finding[];
  warnings: { package?: string; message: string }[];
  stats: { packages: number; matched: number; invalidVersions: number; unknownEcosystems: number };
}

const DESCRIPTION_LIMIT = 1000;

/** Advisories that announce fixes for several CVEs at once, by id prefix. */
const NOTICE_ID = /^(USN|LSN|DSA|DLA|DTSA|ELA|ALSA|ALBA|ALEA|RHSA|RHBA|RHEA|RLSA|RLBA|RLEA|RXSA|SUSE-SU|SUSE-RU|openSUSE-SU|MGASA|openEuler-SA|PHSA|BELL-SA)-/;
const CVE_ID = /^CVE-\d{4}-\d+$/;
/** DEBIAN-CVE-2023-5678, UBUNTU-CVE-…, ROOT-OS-DEBIAN-bookworm-CVE-…: a distribution's record of one CVE. */
const EMBEDDED_CVE = /(?:^|-)(CVE-\d{4}-\d+)$/;

/** One look-up: an ecosystem, a name, the version to compare, and whether the distribution answers. */
interface Query {
  ecosystem: string;
  name: string;
  version: string;
  viaSource: boolean;
  distro: boolean;
  /** How a distribution record of this ecosystem settles a vulnerability (distro.ts); absent: by any fix reached. */
  settles?: Settles;
}

interface Hit {
  record: OsvRecord;
  affected: OsvAffected;
  verdict: RangeVerdict;
  state: FixState;
  query: Query;
  scheme: VersionScheme;
  /** A distribution record saying this version is not (or no longer) affected. */
  clears: boolean;
}

interface RecordIds {
  /** The record's id and the ids it says are the same vulnerability. */
  ids: string[];
  cves: string[];
  notice: boolean;
}

interface Group {
  ids: Set<string>;
  cves: Set<string>;
  hits: Hit[];
}

function cveOf(id: string): string | undefined {
  if (CVE_ID.test(id)) return id;
  return EMBEDDED_CVE.exec(id)?.[1];
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

const recordIdsCache = new WeakMap<OsvRecord, RecordIds>();

function recordIds(r: OsvRecord): RecordIds {
  const cached = recordIdsCache.get(r);
  if (cached !== undefined) return cached;
  const notice = NOTICE_ID.test(r.id);
  const named = [r.id, ...(r.aliases ?? []), ...(r.upstream ?? [])];
  let cves = unique(named.map(cveOf).filter((c): c is string => c !== undefined));
  // AlmaLinux writes the CVEs an advisory fixes under `related`; elsewhere `related` means "not this one".
  if (notice && cves.length === 0) cves = unique((r.related ?? []).filter((id) => CVE_ID.test(id)));
  const result: RecordIds = { ids: notice ? [r.id] : unique(named), cves, notice };
  recordIdsCache.set(r, result);
  return result;
}

function compareCve(a: string, b: string): number {
  const [, ya = "", na = ""] = a.split("-");
  const [, yb = "", nb = ""] = b.split("-");
  return Number(ya) - Number(yb) || Number(na) - Number(nb) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Hits on one package grouped by vulnerability: records sharing an id merge; notices join each CVE they name. */
function groupHits(hits: readonly Hit[]): Group[] {
  const only = hits.length === 1 ? hits[0]! : undefined;
  if (only !== undefined && !recordIds(only.record).notice) {
    const { ids, cves } = recordIds(only.record);
    return [{ ids: new Set([...ids, ...cves]), cves: new Set(cves), hits: [only] }];
  }
  const groups: Group[] = [];
  const byId = new Map<string, Group>();
  const claim = (g: Group, id: string) => {
    g.ids.add(id);
    byId.set(id, g);
  };
  for (const hit of hits) {
    const ids = recordIds(hit.record);
    if (ids.notice) continue;
    const keys = unique([...ids.ids, ...ids.cves]);
    const found = unique(keys.map((k) => byId.get(k)).filter((g): g is Group => g !== undefined));
    let g = found[0];
    if (g === undefined) {
      g = { ids: new Set(), cves: new Set(), hits: [] };
      groups.push(g);
    }
    for (const other of found.slice(1)) {
      for (const id of other.ids) claim(g, id);
      for (const c of other.cves) g.cves.add(c);
      g.hits.push(...other.hits);
      groups.splice(groups.indexOf(other), 1);
    }
    for (const k of keys) claim(g, k);
    for (const c of ids.cves) g.cves.add(c);
    g.hits.push(hit);
  }
  for (const hit of hits) {
    const ids = recordIds(hit.record);
    if (!ids.notice) continue;
    for (const key of ids.cves.length > 0 ? ids.cves : [hit.record.id]) {
      let g = byId.get(key);
      if (g === undefined) {
        g = { ids: new Set(), cves: new Set(), hits: [] };
        groups.push(g);
        claim(g, key);
        if (CVE_ID.test(key)) g.cves.add(key);
      }
      g.ids.add(hit.record.id);
      if (!g.hits.includes(hit)) g.hits.push(hit);
    }
  }
  return groups;
}

function preferredId(g: Group, hits: readonly Hit[]): string {
  const cves = [...g.cves].sort(compareCve);
  if (cves[0] !== undefined) return cves[0];
  const ghsa = [...g.ids].filter((id) => id.startsWith("GHSA-")).sort();
  if (ghsa[0] !== undefined) return ghsa[0];
  const own = hits.filter((h) => !recordIds(h.record).notice).map((h) => h.record.id);
  return [...(own.length > 0 ? own : hits.map((h) => h.record.id))].sort()[0]!;
}

/** The version orderings asked for in one call, by ecosystem; null for an ecosystem with none. */
class Schemes {
  private readonly byEcosystem = new Map<string, VersionScheme | null>();

  get(ecosystem: string): VersionScheme | undefined {
    let s = this.byEcosystem.get(ecosystem);
    if (s === undefined) {
      s = schemeFor(orderingEcosystem(ecosystem)) ?? null;
      this.byEcosystem.set(ecosystem, s);
    }
    return s ?? undefined;
  }
}

/** The records of one (ecosystem, name) are read once per call, however many packages share them. */
class Advisories {
  private readonly cache = new Map<string, OsvRecord[]>();
  constructor(private readonly source: AdvisorySource) {}

  get(ecosystem: string, name: string): OsvRecord[] {
    const key = `${ecosystem}\u0000${name}`;
    let records = this.cache.get(key);
    if (records === undefined) {
      records = this.source.advisories(ecosystem, name).filter((r) => r.withdrawn === undefined || r.withdrawn === "");
      this.cache.set(key, records);
    }
    return records;
  }
}

/** Root.io's rebuilds of language packages live in "Root:npm", "Root:PyPI" under their own names. */
function rootIoQueries(pkg: Package, version: string): Query[] {
  const query = (ecosystem: string, name: string): Query[] => [{ ecosystem, name, version, viaSource: false, distro: false }];
  if (pkg.ecosystem === "npm") {
    if (pkg.name.startsWith("@rootio/")) return query("Root:npm", pkg.name);
    if (isRootIoVersion(version) && !pkg.name.startsWith("@")) return query("Root:npm", `@rootio/${pkg.name}`);
  }
  if (pkg.ecosystem === "PyPI") {
    if (/^rootio[-_.]/i.test(pkg.name)) return query("Root:PyPI", pkg.name);
    if (isRootIoVersion(version)) return query("Root:PyPI", `rootio_${pkg.name}`);
  }
  return [];
}

function queriesFor(pkg: Package): Query[] {
  const distro = distroQueries(pkg);
  if (distro !== undefined) return distro.map((q) => ({ ...q, distro: true }));
  return [{ ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version, viaSource: false, distro: false }, ...rootIoQueries(pkg, pkg.version)];
}

function sameName(ecosystem: string, a: string, b: string): boolean {
  return a === b || packageNameKey(orderingEcosystem(ecosystem), a) === packageNameKey(orderingEcosystem(ecosystem), b);
}

function packageLabel(pkg: Package): string {
  return `${pkg.ecosystem}/${pkg.name}@${pkg.version}`;
}

interface Problems {
  invalid: number;
  unknown: Map<string, number>;
  warnings: MatchResult["warnings"];
}

/**
 * A record may split one package's ranges over several entries (GHSA writes one per branch): the
 * fixes of them all are upgrades out of the vulnerability, as if they were ranges of one entry.
 */
function addSiblingFixes(record: OsvRecord, q: Query, scheme: VersionScheme, hits: readonly Hit[]): void {
  const fixes = new Set<string>();
  for (const affected of record.affected ?? []) {
    const p = affected.package;
    if (p !== undefined && p.ecosystem === q.ecosystem && sameName(q.ecosystem, p.name, q.name)) {
      for (const f of fixesAbove(affected, q.version, scheme)) fixes.add(f);
    }
  }
  for (const h of hits) {
    if (h.verdict.affected && fixes.size > h.verdict.fixed.length) h.verdict = { ...h.verdict, fixed: sortVersions([...fixes], scheme) };
  }
}

/** Every record entry that judges this package, affected or clearing it. */
function hitsFor(pkg: Package, queries: readonly Query[], schemes: Schemes, advisories: Advisories, problems: Problems): Hit[] | undefined {
  const hits: Hit[] = [];
  let usable = false;
  for (const q of queries) {
    const scheme = schemes.get(q.ecosystem);
    if (scheme === undefined) continue;
    if (!scheme.isValid(q.version)) {
      problems.invalid++;
      const what = q.viaSource ? `source package ${q.name} version "${q.version}"` : `version "${q.version}"`;
      problems.warnings.push({ package: packageLabel(pkg), message: `${what} is not a valid ${scheme.name} version: the package was not matched` });
      return undefined;
    }
    usable = true;
    for (const record of advisories.get(q.ecosystem, q.name)) {
      const first = hits.length;
      let entries = 0;
      for (const affected of record.affected ?? []) {
        const p = affected.package;
        if (p === undefined || p.ecosystem !== q.ecosystem || !sameName(q.ecosystem, p.name, q.name)) continue;
        entries++;
        const verdict = evaluateAffected(affected, q.version, scheme);
        const state = q.distro ? fixStateOf(affected, verdict) : verdict.affected ? (verdict.fixed.length > 0 ? "fixed" : "unfixed") : "not-affected";
        // A distribution record clears the version when it says so or when the version carries its fix
        // (a Pro/ESM fix clears what the base release's record, still unfixed, reports), as far as
        // the query's stream may settle it (Red Hat: distro.ts).
        const clears = q.distro && state === "not-affected" && settlesFor(affected, q, scheme);
        if (verdict.affected || clears) hits.push({ record, affected, verdict, state, query: q, scheme, clears });
      }
      if (entries > 1 && hits.length > first) addSiblingFixes(record, q, scheme, hits.slice(first));
    }
  }
  if (!usable) {
    problems.unknown.set(pkg.ecosystem, (problems.unknown.get(pkg.ecosystem) ?? 0) + 1);
    return undefined;
  }
  return hits;
}

// Distribution records first (their rating and state are the ones for OS packages), then records
// about one vulnerability before notices, then by id for a stable choice.
function rank(h: Hit): number {
  return (h.query.distro ? 0 : 2) + (recordIds(h.record).notice ? 1 : 0);
}

function byRank(a: Hit, b: Hit): number {
  return rank(a) - rank(b) || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
}

// Scoring a CVSS vector is the costliest step of a match: each entry object is rated once.
const severityCache = new WeakMap<OsvAffected, SeverityVerdict | null>();

function severityFor(h: Hit): SeverityVerdict | undefined {
  let v = severityCache.get(h.affected);
  if (v === undefined) {
    v = severityOf(h.record, h.affected) ?? null;
    severityCache.set(h.affected, v);
  }
  return v ?? undefined;
}

const RATING_ORDER: readonly SeverityVerdict["source"][] = ["distribution", "cvss", "advisory"];

/**
 * The severity by cvss.ts's precedence across all the group's records: a distribution's rating
 * first, then CVSS, then an advisory database's word, each taken from the best-ranked record that
 * has one. A vulnerability no record rates is "medium": neither hidden nor raised.
 */
function ratingOf(hits: readonly Hit[]): { severity: Severity; cvss?: VulnerabilityInfo["cvss"] } {
  const verdicts = hits.map((h) => severityFor(h)).filter((v): v is SeverityVerdict => v !== undefined);
  const decisive = RATING_ORDER.map((source) => verdicts.find((v) => v.source === source)).find((v) => v !== undefined);
  const cvss = decisive?.cvss ?? verdicts.find((v) => v.cvss !== undefined)?.cvss;
  return { severity: decisive?.severity ?? "medium", ...(cvss !== undefined ? { cvss } : {}) };
}

function truncate(text: string): string {
  return text.length <= DESCRIPTION_LIMIT ? text : `${text.slice(0, DESCRIPTION_LIMIT - 1).trimEnd()}…`;
}

/** "lodash 4.17.20 is in the affected range >=0, <4.17.21 (GHSA-…); listed as an affected version (…)." */
function explain(pkg: Package, hits: readonly Hit[]): string {
  const first = hits[0]!.query;
  const who = first.viaSource
    ? `${pkg.name} ${pkg.version} (source package ${first.name} ${first.version})`
    : `${pkg.name} ${pkg.version}`;
  // By range and records: one reason names every stream it holds in (Red Hat's baseos and appstream).
  const reasons = new Map<string, { why: string; ids: string[]; where: string[] }>();
  for (const h of hits) {
    const why = h.verdict.matched === LISTED_IN_VERSIONS ? "listed as an affected version" : `in the affected range ${h.verdict.matched}`;
    const where = h.query.distro ? h.query.ecosystem : "";
    const key = `${why}\u0000${where}`;
    const reason = reasons.get(key) ?? { why, ids: [], where: where === "" ? [] : [where] };
    if (!reason.ids.includes(h.record.id)) reason.ids.push(h.record.id);
    reasons.set(key, reason);
  }
  const merged = new Map<string, { why: string; ids: string[]; where: string[] }>();
  for (const r of reasons.values()) {
    const key = `${r.why}\u0000${r.ids.join(",")}`;
    const same = merged.get(key);
    if (same === undefined) merged.set(key, { ...r, where: [...r.where] });
    else same.where.push(...r.where.filter((w) => !same.where.includes(w)));
  }
  const text = (r: { why: string; ids: string[]; where: string[] }) => `${r.why}${r.where.length > 0 ? ` in ${r.where.join(", ")}` : ""} (${r.ids.join(", ")})`;
  return `${who} is ${[...merged.values()].map(text).join("; ")}.`;
}

interface Draft {
  finding: Omit<Finding, "id">;
  fingerprint: FingerprintInput;
}

/** The message's last sentence and the remediation, by fix state. */
function stateTexts(state: Exclude<FixState, "not-affected">, pkg: Package, ruleId: string, fixedVersions: readonly string[], query: Query): [string, string] {
  switch (state) {
    case "fixed": {
      const source = query.viaSource ? ` (the version of source package ${query.name})` : "";
      return [` Fixed in ${fixedVersions.join(", ")}.`, `Upgrade ${pkg.name} to ${fixedVersions[0]} or later${source}.`];
    }
    case "unfixed":
      return [" No fixed version is available yet (unfixed).", `No fixed version of ${pkg.name} is available yet (fix state: unfixed); mitigate ${ruleId} or remove the package.`];
    case "wont-fix":
      return [
        " The distribution does not plan to fix it (won't fix).",
        `The distribution will not fix ${ruleId} in ${pkg.name} (fix state: won't fix); mitigate it or replace the package.`,
      ];
  }
}

function findingFor(pkg: Package, g: Group, affectedHits: Hit[], source: AdvisorySource, opts: MatchOptions): Draft | undefined {
  const hits = affectedHits.length > 1 ? [...affectedHits].sort(byRank) : affectedHits;
  const state = hits.some((h) => h.state === "fixed") ? "fixed" : hits.some((h) => h.state === "wont-fix") ? "wont-fix" : "unfixed";
  if (state !== "fixed" && opts.ignoreUnfixed) return undefined;
  const ruleId = preferredId(g, hits);
  const ids = new Set<string>(g.cves);
  for (const h of hits) for (const id of recordIds(h.record).ids) ids.add(id);
  ids.delete(ruleId);
  const first = hits[0]!;
  const fixedVersions = hits.length === 1 ? first.verdict.fixed : sortVersions(unique(hits.flatMap((h) => h.verdict.fixed)), first.scheme);

  const vulnerability: VulnerabilityInfo = { id: ruleId, aliases: [...ids].sort(), fixedVersions };
  const rating = ratingOf(hits);
  if (rating.cvss !== undefined) vulnerability.cvss = rating.cvss;
  if (g.cves.size > 0 && (source.isKev !== undefined || source.epss !== undefined)) {
    const cves = [...g.cves].sort(compareCve);
    if (source.isKev !== undefined) vulnerability.kev = cves.some((c) => source.isKev!(c));
    const scores = source.epss === undefined ? [] : cves.map((c) => source.epss!(c)).filter((s): s is number => s !== undefined);
    if (scores.length > 0) vulnerability.epss = Math.max(...scores);
  }

  const [last, remediation] = stateTexts(state, pkg, ruleId, fixedVersions, first.query);
  // A notice's summary speaks for this vulnerability only when the notice is about it alone.
  const summary = hits.find((h) => h.record.summary && (!recordIds(h.record).notice || recordIds(h.record).cves.length === 1))?.record.summary;
  const details = hits.find((h) => h.record.details)?.record.details;
  const finding: Omit<Finding, "id"> = {
    ruleId,
    kind: "vulnerability",
    severity: rating.severity,
    title: summary ?? `${ruleId} in ${pkg.name}`,
    message: explain(pkg, hits) + last,
    location: pkg.path !== undefined ? { path: pkg.path } : {},
    package: {
      name: pkg.name,
      version: pkg.version,
      ecosystem: pkg.ecosystem,
      purl: pkg.purl,
      ...(pkg.layer !== undefined ? { layer: pkg.layer } : {}),
    },
    vulnerability,
    remediation: { text: remediation },
  };
  if (details !== undefined) finding.description = truncate(details);
  return {
    finding,
    fingerprint: { ruleId, scope: "vuln", path: pkg.path ?? "", key: `${pkg.ecosystem}/${pkg.name}@${pkg.version}` },
  };
}

function dedupe(packages: readonly Package[]): Package[] {
  const seen = new Set<string>();
  return packages.filter((p) => {
    const key = `${p.ecosystem}\u0000${p.name}\u0000${p.version}\u0000${p.path ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Matches `packages` against `source`; see the file comment for the rules. */
export function matchPackages(packages: Package[], source: AdvisorySource, opts: MatchOptions = {}): MatchResult {
  const schemes = new Schemes();
  const advisories = new Advisories(source);
  const problems: Problems = { invalid: 0, unknown: new Map(), warnings: [] };
  const drafts: Draft[] = [];
  let matched = 0;
  for (const pkg of dedupe(packages)) {
    if (pkg.ownedBy !== undefined && !isOsEcosystem(pkg.ecosystem) && opts.detection !== "upstream") continue;
    const hits = hitsFor(pkg, queriesFor(pkg), schemes, advisories, problems);
    if (hits === undefined || hits.length === 0) continue;
    let any = false;
    for (const g of groupHits(hits)) {
      // A distribution record that puts this version past its fix (or says it is not affected)
      // settles the vulnerability for the package, whatever another stream of it still lists.
      if (g.hits.some((h) => h.clears)) continue;
      const affectedHits = g.hits.filter((h) => h.verdict.affected && h.state !== "not-affected");
      if (affectedHits.length === 0) continue;
      const draft = findingFor(pkg, g, affectedHits, source, opts);
      if (draft === undefined) continue;
      drafts.push(draft);
      any = true;
    }
    if (any) matched++;
  }
  for (const [ecosystem, n] of problems.unknown) {
    problems.warnings.push({ message: `no version ordering for ecosystem "${ecosystem}": ${n} package${n === 1 ? "" : "s"} not matched` });
  }
  const ids = assignFingerprints(drafts.map((d) => d.fingerprint));
  return {
    findings: drafts.map((d, i) => ({ id: ids[i]!, ...d.finding })),
    warnings: problems.warnings,
    stats: {
      packages: packages.length,
      matched,
      invalidVersions: problems.invalid,
      unknownEcosystems: [...problems.unknown.values()].reduce((a, b) => a + b, 0),
    },
  };
}
