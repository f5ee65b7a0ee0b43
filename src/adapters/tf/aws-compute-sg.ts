// Security group rules, read once for every model that holds them: a rule block (inline or one of
// the three kinds of separate rule resources) with its description; every rule of every group in
// the file as the compute checks need them; and the groups another resource attaches by reference.
import type { SourceRange } from "../../checks/types.js";
import type { SgRule } from "../../models/aws.js";
import type { AttachedGroup } from "../../models/aws-compute.js";
import type { IacNode, Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import type { TfIndex, TfResource } from "./types.js";
import { itemsOf, numberOf, refTarget, stringOf, stringsOf } from "./util.js";

export interface SgRuleInfo extends SgRule {
  /** The group's address, when the rule could be tied to one in the file. */
  group?: string;
  /** The resource the rule is written in (the group, or a separate rule resource). */
  owner: string;
}

/** The attributes a rule resource (or inline block) writes its protocol and ranges in. */
const LEGACY = { protocol: "protocol", cidrs: ["cidr_blocks", "ipv6_cidr_blocks"] } as const;
const VPC_RULE = { protocol: "ip_protocol", cidrs: ["cidr_ipv4", "cidr_ipv6"] } as const;
type RuleAttrs = typeof LEGACY | typeof VPC_RULE;

/** One rule (an inline `ingress`/`egress` block or a separate rule resource's body). */
function readRule(direction: SgRule["direction"], b: TfBlock, attrs: RuleAttrs): SgRule {
  const out: SgRule = { direction, cidrs: attrs.cidrs.flatMap((a) => stringsOf(b.attrs.get(a))), range: b.range };
  const from = numberOf(b.attrs.get("from_port"));
  const to = numberOf(b.attrs.get("to_port"));
  const p = b.attrs.get(attrs.protocol);
  // `protocol = -1` and `protocol = "-1"` are the same rule (all protocols).
  const protocol = stringOf(p);
  const description = stringOf(b.attrs.get("description"));
  if (from) out.fromPort = from;
  if (to) out.toPort = to;
  if (protocol) out.protocol = protocol;
  if (description) out.description = description;
  return out;
}

/** The inline `ingress` and `egress` blocks of an `aws_security_group`. */
export function inlineRules(group: TfResource): SgRule[] {
  return group.block.blocks.flatMap((b) => (b.type === "ingress" || b.type === "egress" ? [readRule(b.type, b, LEGACY)] : []));
}

/** The separate rule resource types, with the direction each one holds (undefined: its `type` says). */
export const SEPARATE_RULE_TYPES = [
  ["aws_security_group_rule", undefined],
  ["aws_vpc_security_group_ingress_rule", "ingress"],
  ["aws_vpc_security_group_egress_rule", "egress"],
] as const;

/** The rule of a separate rule resource; undefined when an `aws_security_group_rule`'s `type` is not known to be ingress or egress. */
export function separateRule(r: TfResource): SgRule | undefined {
  if (r.type !== "aws_security_group_rule") return readRule(r.type === "aws_vpc_security_group_egress_rule" ? "egress" : "ingress", r.block, VPC_RULE);
  const type = stringOf(r.block.attrs.get("type"));
  if (!type?.known || (type.value !== "ingress" && type.value !== "egress")) return undefined;
  return readRule(type.value, r.block, LEGACY);
}

/** Every security group rule in the file, inline or separate. */
export function allRules(index: TfIndex): SgRuleInfo[] {
  const out: SgRuleInfo[] = [];
  for (const g of index.ofType("aws_security_group")) {
    for (const rule of inlineRules(g)) out.push({ ...rule, group: g.address, owner: g.address });
  }
  for (const [type] of SEPARATE_RULE_TYPES) {
    for (const r of index.ofType(type)) {
      const rule = separateRule(r);
      if (rule) out.push(withGroup(rule, r));
    }
  }
  return out;
}

function withGroup(x: SgRule, r: TfResource): SgRuleInfo {
  const group = refTarget(r.block.attrs.get("security_group_id"), "aws_security_group");
  return group ? { ...x, group, owner: r.address } : { ...x, owner: r.address };
}

/** Protocol, ports and ranges as far as known (`tcp 443 0.0.0.0/0`). */
export function ruleSummary(r: SgRule): string {
  const v = (x: Val<unknown> | undefined) => (x?.known ? String(x.value) : "?");
  const ports = r.fromPort || r.toPort ? (v(r.fromPort) === v(r.toPort) ? v(r.fromPort) : `${v(r.fromPort)}-${v(r.toPort)}`) : "";
  return [v(r.protocol), ports, ...r.cidrs.map((c) => v(c))].filter((x) => x !== "").join(" ");
}

/** `aws_security_group.web[0]` and `aws_security_group.web` name the same configuration. */
export function baseAddress(address: string): string {
  return address.replace(/\[[^\]]*\]$/, "");
}

/** Rules by group address (instance keys dropped). */
export function rulesByGroup(rules: readonly SgRuleInfo[]): Map<string, SgRule[]> {
  const by = new Map<string, SgRule[]>();
  for (const r of rules) {
    if (!r.group) continue;
    const key = baseAddress(r.group);
    by.set(key, [...(by.get(key) ?? []), r]);
  }
  return by;
}

/** The groups the values refer to, with their rules; references to groups not in the file are skipped. */
export function attachedGroups(values: readonly (IacNode | undefined)[], byGroup: ReadonlyMap<string, SgRule[]>, index: TfIndex): AttachedGroup[] {
  const groups = index.ofType("aws_security_group");
  const known = new Set(groups.map((g) => baseAddress(g.address)));
  // A reference to a group's `name` is worked out to the name: match it back to the group.
  const byName = new Map<string, string>();
  for (const g of groups) {
    const name = stringOf(g.block.attrs.get("name"));
    if (name?.known && name.value) byName.set(name.value, byName.has(name.value) ? "" : baseAddress(g.address));
  }
  const out: AttachedGroup[] = [];
  for (const v of values) {
    for (const item of itemsOf(v)) {
      const named = item.t === "prim" && typeof item.value === "string" ? byName.get(item.value) : undefined;
      const target = refTarget(item, "aws_security_group") ?? (named || undefined);
      if (!target || !known.has(baseAddress(target))) continue;
      out.push({ group: target, range: item.range, rules: byGroup.get(baseAddress(target)) ?? [] });
    }
  }
  return out;
}

/** Where a block is, or the resource when the block is missing. */
export function rangeOr(b: TfBlock | undefined, r: TfResource): SourceRange {
  return b?.range ?? r.block.range;
}
