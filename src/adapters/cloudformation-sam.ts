// SAM templates (`Transform: AWS::Serverless-2016-10-31`): resources keep their SAM types, and the
// `Globals` section is merged into them the way the SAM translator does it: maps merge key by key,
// lists are the global items followed by the resource's, and any other value of the resource wins.
import type { IacNode } from "../models/value.js";
import { get, text, type Raw } from "./cloudformation-tree.js";

export const SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

/** Globals sections and the resource types they apply to. */
const GLOBAL_SECTIONS: Record<string, string> = {
  Function: "AWS::Serverless::Function",
  Api: "AWS::Serverless::Api",
  HttpApi: "AWS::Serverless::HttpApi",
  SimpleTable: "AWS::Serverless::SimpleTable",
  StateMachine: "AWS::Serverless::StateMachine",
  CapacityProvider: "AWS::Serverless::CapacityProvider",
};

export function isSam(template: Raw): boolean {
  const t = get(template, "Transform");
  const names = t?.k === "seq" ? t.items.map(text) : [text(t)];
  return names.includes(SAM_TRANSFORM);
}

/** The resource type each Globals section applies to, with the section's raw properties. */
export function globalSections(template: Raw): { type: string; properties: Raw }[] {
  const g = get(template, "Globals");
  if (g?.k !== "map") return [];
  return g.entries.flatMap((e) => {
    const type = GLOBAL_SECTIONS[e.key];
    return type ? [{ type, properties: e.value }] : [];
  });
}

function merge(global: IacNode, local: IacNode): IacNode {
  if (global.t === "object" && local.t === "object") return { ...local, entries: mergeEntries(global.entries, local.entries) };
  if (global.t === "list" && local.t === "list") return { ...local, items: [...global.items, ...local.items] };
  return local;
}

/** A resource's properties with the global ones merged in. */
export function mergeEntries(global: ReadonlyMap<string, IacNode>, local: ReadonlyMap<string, IacNode>): Map<string, IacNode> {
  const out = new Map(global);
  for (const [key, value] of local) {
    const g = global.get(key);
    out.set(key, g ? merge(g, value) : value);
  }
  return out;
}
