// Every ARM mapper, and the index they read.
import type { ResourceModel, SourceRange } from "../../checks/types.js";
import { armAzureMappers } from "./azure.js";
import type { ArmChildren, ArmIndex, ArmMapper, ArmResource } from "./types.js";

export const armMappers: readonly ArmMapper[] = [...armAzureMappers];

/**
 * The index, with each resource's parent worked out once: the resource it is nested in, or the
 * resource whose path its own path extends (`.../servers/srv` for `.../servers/srv/firewallRules/x`).
 */
export function armIndex(resources: readonly ArmResource[]): ArmIndex {
  const byType = new Map<string, ArmResource[]>();
  const byPath = new Map<string, ArmResource>();
  for (const r of resources) {
    const key = r.type.toLowerCase();
    const list = byType.get(key);
    if (list) list.push(r);
    else byType.set(key, [r]);
    if (r.path !== undefined) byPath.set(r.path.toLowerCase(), r);
  }
  const ofType = (type: string): readonly ArmResource[] => byType.get(type.toLowerCase()) ?? [];
  const parentOf = (c: ArmResource): ArmResource | undefined => {
    if (c.parent) return c.parent;
    if (c.path === undefined) return undefined;
    // A child's path is its parent's path, then its own type segment and name.
    const parentPath = c.path.split("/").slice(0, -2).join("/").toLowerCase();
    const p = byPath.get(parentPath);
    return p && c.type.toLowerCase().startsWith(`${p.type.toLowerCase()}/`) ? p : undefined;
  };
  const grouped = new Map<string, { byParent: Map<ArmResource, ArmResource[]>; unplaced?: SourceRange }>();
  const groups = (childType: string) => {
    const key = childType.toLowerCase();
    let g = grouped.get(key);
    if (!g) {
      g = { byParent: new Map() };
      for (const c of ofType(childType)) {
        const p = parentOf(c);
        if (!p) {
          g.unplaced ??= c.range;
          continue;
        }
        const list = g.byParent.get(p);
        if (list) list.push(c);
        else g.byParent.set(p, [c]);
      }
      grouped.set(key, g);
    }
    return g;
  };
  return {
    resources,
    ofType,
    parentOf,
    children(parent: ArmResource, childType: string): ArmChildren {
      const g = groups(`${parent.type}/${childType}`);
      const children = g.byParent.get(parent) ?? [];
      return g.unplaced ? { children, unplaced: g.unplaced } : { children };
    },
  };
}

/** Runs every mapper over the resources. */
export function mapArm(resources: readonly ArmResource[]): ResourceModel[] {
  const index = armIndex(resources);
  return armMappers.flatMap((m) => m(index));
}
