// An AdvisorySource over records held in memory, looked up the way the database looks them up:
// by exact ecosystem and by the ecosystem's name key (PEP 503 for PyPI).
import { packageNameKey } from "../../../src/vulndb/db.js";
import type { AdvisorySource, OsvRecord } from "../../../src/vulndb/types.js";

export interface MemorySource extends AdvisorySource {
  /** How many look-ups reached the index: the matcher's cache keeps this at one per (ecosystem, name). */
  lookups: number;
}

export function memorySource(
  records: readonly OsvRecord[],
  extra: { kev?: string[]; epss?: Record<string, number>; fresh?: boolean } = {},
): MemorySource {
  const index = new Map<string, OsvRecord[]>();
  for (const r of records) {
    const keys = new Set((r.affected ?? []).filter((a) => a.package).map((a) => `${a.package!.ecosystem}\u0000${packageNameKey(a.package!.ecosystem, a.package!.name)}`));
    for (const key of keys) index.set(key, [...(index.get(key) ?? []), r]);
  }
  const kev = new Set(extra.kev ?? []);
  const source: MemorySource = {
    lookups: 0,
    advisories(ecosystem, name) {
      source.lookups++;
      const found = index.get(`${ecosystem}\u0000${packageNameKey(ecosystem, name)}`) ?? [];
      // `fresh`: new objects on every look-up, as the database parses each row anew.
      return extra.fresh ? found.map((r) => structuredClone(r)) : found;
    },
  };
  if (extra.kev !== undefined) source.isKev = (cve) => kev.has(cve);
  if (extra.epss !== undefined) source.epss = (cve) => extra.epss![cve];
  return source;
}
