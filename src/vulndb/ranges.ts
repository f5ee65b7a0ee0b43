// Whether one package version is inside one OSV `affected` entry, by the schema's evaluation
// algorithm (https://ossf.github.io/osv-schema/#evaluation): listed in `versions`, or inside any
// ECOSYSTEM or SEMVER range, whose events are read in version order: `introduced` opens, `fixed`
// closes (the fixed version is safe), `last_affected` closes after itself, and `limit` events
// bound the whole range from above. GIT ranges order commits, not package versions, and are left
// to the `versions` list that OSV requires beside them.
//
// Ranges are compiled once per ordering (events sorted and checked) and cached on the range
// object, so matching thousands of packages does no sorting and no allocation per comparison.
import type { OsvAffected, OsvRange, RangeVerdict, VersionScheme } from "./types.js";
import { semverScheme } from "./versions/index.js";

const INTRODUCED = 0;
const FIXED = 1;
const LAST_AFFECTED = 2;

interface Event {
  kind: typeof INTRODUCED | typeof FIXED | typeof LAST_AFFECTED;
  version: string;
  /** "0": before every version. */
  zero: boolean;
}

interface CompiledRange {
  scheme: VersionScheme;
  /** Sorted by version; at one version an `introduced` comes first, so `introduced X, fixed X` is empty. */
  events: Event[];
  /** Undefined when the range has no `limit` event (an implicit "*"); `null` entries stand for "*". */
  limits: (string | null)[] | undefined;
}

/** What a version is matched as when it is taken from `versions` rather than a range. */
export const LISTED_IN_VERSIONS = "listed in versions";

const compiled = new WeakMap<OsvRange, CompiledRange>();

function eventOf(e: OsvRange["events"][number]): { kind: number | "limit"; version: string } | undefined {
  if ("introduced" in e) return { kind: INTRODUCED, version: e.introduced };
  if ("fixed" in e) return { kind: FIXED, version: e.fixed };
  if ("last_affected" in e) return { kind: LAST_AFFECTED, version: e.last_affected };
  if ("limit" in e) return { kind: "limit", version: e.limit };
  return undefined;
}

// An event the ordering cannot read widens the range instead of narrowing it (an unreadable
// `introduced` counts as "0", an unreadable `fixed`, `last_affected` or `limit` is dropped): a
// false alarm that names its record can be checked, a silently missed vulnerability cannot.
function compile(range: OsvRange, scheme: VersionScheme): CompiledRange {
  const cached = compiled.get(range);
  if (cached !== undefined && cached.scheme === scheme) return cached;
  const events: Event[] = [];
  let limits: (string | null)[] | undefined;
  for (const raw of range.events) {
    const e = eventOf(raw);
    if (e === undefined || typeof e.version !== "string") continue;
    if (e.kind === "limit") {
      limits ??= [];
      limits.push(e.version.includes("*") || !scheme.isValid(e.version) ? null : e.version);
      continue;
    }
    const zero = e.version === "0";
    if (zero || scheme.isValid(e.version)) {
      events.push({ kind: e.kind as Event["kind"], version: e.version, zero });
    } else if (e.kind === INTRODUCED) {
      events.push({ kind: INTRODUCED, version: "0", zero: true });
    }
  }
  events.sort((a, b) => {
    if (a.zero || b.zero) {
      if (a.zero !== b.zero) return a.zero ? -1 : 1;
    } else {
      const c = scheme.compare(a.version, b.version);
      if (c !== 0) return c;
    }
    return a.kind === INTRODUCED ? (b.kind === INTRODUCED ? 0 : -1) : b.kind === INTRODUCED ? 1 : 0;
  });
  const result = { scheme, events, limits };
  compiled.set(range, result);
  return result;
}

/** Version `v` compared with an event version: "0" is below everything. */
function cmp(scheme: VersionScheme, v: string, e: Event): number {
  return e.zero ? 1 : scheme.compare(v, e.version);
}

function beforeLimits(r: CompiledRange, v: string): boolean {
  if (r.limits === undefined) return true;
  for (const l of r.limits) if (l === null || r.scheme.compare(v, l) < 0) return true;
  return false;
}

/** The interval holding `v`, in words, or undefined when `v` is outside the range. */
function evaluateRange(r: CompiledRange, v: string): string | undefined {
  if (!beforeLimits(r, v)) return undefined;
  let open = -1;
  for (let i = 0; i < r.events.length; i++) {
    const e = r.events[i]!;
    const c = cmp(r.scheme, v, e);
    if (e.kind === INTRODUCED) {
      if (c >= 0) open = i;
    } else if (e.kind === FIXED ? c >= 0 : c > 0) {
      open = -1;
    }
  }
  if (open < 0) return undefined;
  const from = r.events[open]!;
  const parts = [`>=${from.version}`];
  const close = r.events.slice(open + 1).find((e) => e.kind !== INTRODUCED);
  if (close !== undefined) parts.push(close.kind === FIXED ? `<${close.version}` : `<=${close.version}`);
  else {
    const limit = r.limits?.find((l) => l !== null && r.scheme.compare(v, l) < 0);
    if (limit !== undefined && limit !== null) parts.push(`<${limit}`);
  }
  return parts.join(", ");
}

/**
 * The ordering a range is read with: SEMVER ranges use SemVer 2.0 precedence whatever the
 * package's ecosystem, unless the version is not a SemVer version (PyPI's "1.0" in a SEMVER range):
 * then the ecosystem's ordering is a better reading of the record than none. Undefined for ranges
 * that order no versions (GIT).
 */
function orderingFor(range: OsvRange, version: string, scheme: VersionScheme): VersionScheme | undefined {
  if (range.type === "ECOSYSTEM") return scheme;
  if (range.type !== "SEMVER") return undefined;
  return semverScheme.isValid(version) ? semverScheme : scheme;
}

function isListed(versions: readonly string[] | undefined, version: string): boolean {
  if (versions === undefined || versions.length === 0) return false;
  // Go versions carry a "v" that OSV's lists leave out; otherwise the schema asks for equality.
  const bare = version.startsWith("v") ? version.slice(1) : undefined;
  for (const v of versions) if (v === version || v === bare) return true;
  return false;
}

/**
 * Whether `version` (already valid for `scheme`, the ecosystem's ordering) is affected by `affected`.
 * `matched` says why; `fixed` holds the fixed versions above `version` (the upgrades that leave the
 * ranges), sorted, and is empty when the version is not affected.
 */
export function evaluateAffected(affected: OsvAffected, version: string, scheme: VersionScheme): RangeVerdict {
  let matched: string | undefined = isListed(affected.versions, version) ? LISTED_IN_VERSIONS : undefined;
  const ranges = affected.ranges ?? [];
  for (const range of ranges) {
    if (matched !== undefined) break;
    const ordering = orderingFor(range, version, scheme);
    if (ordering !== undefined) matched = evaluateRange(compile(range, ordering), version);
  }
  if (matched === undefined) return { affected: false, fixed: [] };
  return { affected: true, matched, fixed: fixesAbove(affected, version, scheme) };
}

/** The `fixed` versions of the entry's ranges above `version`, sorted: the upgrades that leave them. */
export function fixesAbove(affected: OsvAffected, version: string, scheme: VersionScheme): string[] {
  const fixes: string[] = [];
  for (const range of affected.ranges ?? []) {
    const ordering = orderingFor(range, version, scheme);
    if (ordering === undefined) continue;
    for (const e of compile(range, ordering).events) {
      if (e.kind === FIXED && !e.zero && ordering.compare(version, e.version) < 0 && !fixes.includes(e.version)) {
        fixes.push(e.version);
      }
    }
  }
  return fixes.length < 2 ? fixes : sortVersions(fixes, scheme);
}

/** Sorted by `scheme`, versions it cannot read last in text order. */
export function sortVersions(versions: readonly string[], scheme: VersionScheme): string[] {
  const valid = versions.filter((v) => scheme.isValid(v)).sort((a, b) => scheme.compare(a, b));
  const other = versions.filter((v) => !scheme.isValid(v)).sort();
  return [...valid, ...other];
}

/**
 * Whether `version` is at or above some `fixed` event of the entry's ranges: the record then says
 * this package already carries a fix, which settles disagreements between a distribution's streams.
 */
export function hasReachedFix(affected: OsvAffected, version: string, scheme: VersionScheme): boolean {
  for (const range of affected.ranges ?? []) {
    const ordering = orderingFor(range, version, scheme);
    if (ordering === undefined) continue;
    for (const e of compile(range, ordering).events) {
      if (e.kind === FIXED && cmp(ordering, version, e) >= 0) return true;
    }
  }
  return false;
}
