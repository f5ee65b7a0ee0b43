// azurerm onto network security rules: `security_rule` blocks of a group (or the same written as
// a list attribute), and `azurerm_network_security_rule` resources tied to their group. Rules a
// `dynamic` block generates are not known here and are not checked.
import type { NetworkSecurityRule } from "../../models/azure.js";
import type { IacNode } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import { joinVia } from "./azure-util.js";
import type { TfIndex, TfResource } from "./types.js";
import { base, stringOf, stringsOf } from "./util.js";

const NSG = "azurerm_network_security_group";

type Fields = (name: string) => IacNode | undefined;

function rule(address: string, range: NetworkSecurityRule["range"], get: Fields): NetworkSecurityRule {
  const m: NetworkSecurityRule = {
    modelType: "azure.network.SecurityRule",
    address,
    range,
    sources: [...stringsOf(get("source_address_prefix")), ...stringsOf(get("source_address_prefixes"))],
    ports: [...stringsOf(get("destination_port_range")), ...stringsOf(get("destination_port_ranges"))],
  };
  const name = stringOf(get("name"));
  if (name) m.name = name;
  const direction = stringOf(get("direction"));
  if (direction) m.direction = direction;
  const access = stringOf(get("access"));
  if (access) m.access = access;
  const protocol = stringOf(get("protocol"));
  if (protocol) m.protocol = protocol;
  return m;
}

const fromBlock = (b: TfBlock): Fields => (n) => b.attrs.get(n);
const fromObject = (o: IacNode): Fields => (n) => (o.t === "object" ? o.entries.get(n) : { t: "unknown", range: o.range });

function label(name: IacNode | undefined, i: number): string {
  return name?.t === "prim" && typeof name.value === "string" ? name.value : String(i);
}

function groupRules(g: TfResource): NetworkSecurityRule[] {
  const blocks = g.block.blocks.filter((b) => b.type === "security_rule");
  const out = blocks.map((b, i) => ({ ...rule(`${g.address}.security_rule.${label(b.attrs.get("name"), i)}`, b.range, fromBlock(b)), group: g.address }));
  const listed = g.block.attrs.get("security_rule");
  if (listed?.t === "list") {
    listed.items.forEach((o, i) => out.push({ ...rule(`${g.address}.security_rule.${label(o.t === "object" ? o.entries.get("name") : undefined, i)}`, o.range, fromObject(o)), group: g.address }));
  }
  return out;
}

function rules(index: TfIndex): NetworkSecurityRule[] {
  const separate = joinVia(index, "azurerm_network_security_rule", ["network_security_group_name"], NSG);
  const joined = new Set<TfResource>();
  const out = index.ofType(NSG).flatMap((g) => {
    const own = separate.byTarget.get(g.address) ?? [];
    own.forEach((r) => joined.add(r));
    return [...groupRules(g), ...own.map((r) => ({ ...rule(r.address, r.block.range, fromBlock(r.block)), ...base(r, "azure.network.SecurityRule"), group: g.address }))];
  });
  const detached = index.ofType("azurerm_network_security_rule").filter((r) => !joined.has(r));
  return [...out, ...detached.map((r) => ({ ...rule(r.address, r.block.range, fromBlock(r.block)), ...base(r, "azure.network.SecurityRule") }))];
}

export const tfNetworkMappers = [rules];
