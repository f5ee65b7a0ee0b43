// Element identifiers for the packages of an SBOM, unique within the document, and the inventory's
// dependency edges translated to them.
import type { Package } from "../../packages/types.js";
import type { Inventory } from "./types.js";

/**
 * Gives each package an id (`idOf` may repeat for duplicates, such as one npm package installed in
 * two places: a counter tells them apart) and maps the inventory's references onto those ids.
 */
export function assignIds(packages: readonly Package[], idOf: (p: Package) => string): string[] {
  const used = new Map<string, number>();
  return packages.map((p) => {
    const base = idOf(p);
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    return n === 0 ? base : `${base}-${n + 1}`;
  });
}

/** The edges between packages of this document, as ids; unknown references and self-edges are left out. */
export function dependencyEdges(inv: Inventory, ids: readonly string[]): Map<string, string[]> {
  const byRef = new Map<string, string>();
  inv.packages.forEach((p, i) => {
    const id = ids[i] as string;
    // The package's own ref wins over a purl that a duplicate may share.
    if (p.ref !== undefined) byRef.set(p.ref, id);
  });
  inv.packages.forEach((p, i) => {
    if (!byRef.has(p.purl)) byRef.set(p.purl, ids[i] as string);
  });
  const edges = new Map<string, string[]>();
  for (const d of inv.dependencies ?? []) {
    const from = byRef.get(d.ref);
    if (from === undefined) continue;
    const to = edges.get(from) ?? [];
    for (const ref of d.dependsOn) {
      const target = byRef.get(ref);
      if (target !== undefined && target !== from && !to.includes(target)) to.push(target);
    }
    if (to.length > 0) edges.set(from, to);
  }
  return edges;
}
