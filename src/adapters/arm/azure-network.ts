// ARM onto network security rules: the rules inline in a group's `securityRules`, and
// `securityRules` child resources, each tied to its group where the template allows.
import type { NetworkSecurityRule } from "../../models/azure.js";
import type { IacNode } from "../../models/value.js";
import type { ArmIndex, ArmResource } from "./types.js";
import { base, child, prop, stringOf, stringsOf } from "./util.js";

const NSG = "Microsoft.Network/networkSecurityGroups";

function rule(address: string, range: NetworkSecurityRule["range"], name: IacNode | undefined, p: IacNode | undefined): NetworkSecurityRule {
  const m: NetworkSecurityRule = {
    modelType: "azure.network.SecurityRule",
    address,
    range,
    sources: [...stringsOf(child(p, "sourceAddressPrefix")), ...stringsOf(child(p, "sourceAddressPrefixes"))],
    ports: [...stringsOf(child(p, "destinationPortRange")), ...stringsOf(child(p, "destinationPortRanges"))],
  };
  const fields = { direction: "direction", access: "access", protocol: "protocol" } as const;
  for (const [key, prop] of Object.entries(fields) as [keyof typeof fields, string][]) {
    const v = p?.t === "unknown" ? { value: undefined, known: false, range: p.range } : stringOf(child(p, prop));
    if (v) m[key] = v;
  }
  const n = stringOf(name);
  if (n) m.name = n;
  return m;
}

function groupRules(index: ArmIndex, g: ArmResource): NetworkSecurityRule[] {
  const inline = prop(g, "properties.securityRules");
  const items = inline?.t === "list" ? inline.items : [];
  const own = items.map((item, i) => {
    const name = child(item, "name");
    const label = name?.t === "prim" && typeof name.value === "string" ? name.value : String(i);
    return { ...rule(`${g.address}/securityRules/${label}`, item.range, name, child(item, "properties")), group: g.address };
  });
  const separate = index.children(g, "securityRules").children.map((r) => ({ ...ruleResource(r), group: g.address }));
  return [...own, ...separate];
}

function ruleResource(r: ArmResource): NetworkSecurityRule {
  const name = r.entries.get("name");
  return { ...rule(r.address, r.range, name, prop(r, "properties")), ...base(r, "azure.network.SecurityRule") };
}

function allRules(index: ArmIndex): NetworkSecurityRule[] {
  const joined = index.ofType(NSG).flatMap((g) => groupRules(index, g));
  const detached = index.ofType(`${NSG}/securityRules`).filter((r) => !index.parentOf(r)).map(ruleResource);
  return [...joined, ...detached];
}

export const armNetworkMappers = [allRules];
