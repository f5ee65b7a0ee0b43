// Terraform onto VPC models: security group rules (for how they are written), the default security
// group, network ACLs with their separate rules, VPCs with the flow logs that refer to them, subnets.
import type { DefaultSecurityGroup, NaclEntry, NetworkAcl, SecurityGroupRule, Subnet, Vpc } from "../../models/aws-compute.js";
import type { Val } from "../../models/value.js";
import type { TfBlock } from "../terraform-hcl.js";
import { allRules, baseAddress, inlineRules, ruleSummary } from "./aws-compute-sg.js";
import type { TfIndex, TfMapper, TfResource } from "./types.js";
import { base, boolOf, numberOf, refTarget, stringOf, stringsOf } from "./util.js";

function ruleModels(index: TfIndex): SecurityGroupRule[] {
  return allRules(index).map((r) => {
    const m: SecurityGroupRule = { modelType: "aws.ec2.SecurityGroupRule", address: r.owner, range: r.range, direction: r.direction, summary: ruleSummary(r) };
    if (r.group) m.group = r.group;
    if (r.description) m.description = r.description;
    return m;
  });
}

function defaultGroup(r: TfResource): DefaultSecurityGroup {
  // The default group's inline rules have the shape of any security group's.
  return { ...base(r, "aws.ec2.DefaultSecurityGroup"), rules: inlineRules(r) };
}

function entry(b: TfBlock, egress: boolean, names: { number: string; action: string }): NaclEntry {
  const e: NaclEntry = { egress, cidrs: [...stringsOf(b.attrs.get("cidr_block")), ...stringsOf(b.attrs.get("ipv6_cidr_block"))], range: b.range };
  const fields: [keyof NaclEntry, Val<unknown> | undefined][] = [
    ["ruleNumber", numberOf(b.attrs.get(names.number))],
    ["action", stringOf(b.attrs.get(names.action))],
    ["protocol", stringOf(b.attrs.get("protocol"))],
    ["fromPort", numberOf(b.attrs.get("from_port"))],
    ["toPort", numberOf(b.attrs.get("to_port"))],
  ];
  for (const [k, v] of fields) if (v) Object.assign(e, { [k]: v });
  return e;
}

const INLINE = { number: "rule_no", action: "action" };
const SEPARATE = { number: "rule_number", action: "rule_action" };

function networkAcls(index: TfIndex): NetworkAcl[] {
  const acls = [...index.ofType("aws_network_acl"), ...index.ofType("aws_default_network_acl")];
  const known = new Set(acls.map((a) => baseAddress(a.address)));
  const separate = new Map<string, NaclEntry[]>();
  const loose: NetworkAcl[] = [];
  for (const r of index.ofType("aws_network_acl_rule")) {
    const egress = boolOf(r.block.attrs.get("egress"));
    if (egress && !egress.known) continue;
    const e = entry(r.block, egress?.value === true, SEPARATE);
    const target = refTarget(r.block.attrs.get("network_acl_id"), "aws_network_acl") ?? refTarget(r.block.attrs.get("network_acl_id"), "aws_default_network_acl");
    const key = target ? baseAddress(target) : undefined;
    if (key && known.has(key)) separate.set(key, [...(separate.get(key) ?? []), e]);
    else loose.push({ ...base(r, "aws.ec2.NetworkAcl"), entries: [e], complete: false });
  }
  const models = acls.map((r): NetworkAcl => {
    const inline = r.block.blocks.filter((b) => b.type === "ingress" || b.type === "egress").map((b) => entry(b, b.type === "egress", INLINE));
    return { ...base(r, "aws.ec2.NetworkAcl"), entries: [...inline, ...(separate.get(baseAddress(r.address)) ?? [])], complete: true };
  });
  return [...models, ...loose];
}

function vpcs(index: TfIndex): Vpc[] {
  const logged = new Map<string, TfResource>();
  let unplaced: TfResource | undefined;
  for (const f of index.ofType("aws_flow_log")) {
    const via = f.block.attrs.get("vpc_id");
    if (!via) continue;
    const target = refTarget(via, "aws_vpc");
    if (target) logged.set(baseAddress(target), f);
    else unplaced ??= f;
  }
  return index.ofType("aws_vpc").map((r) => {
    const m: Vpc = base(r, "aws.ec2.Vpc");
    const f = logged.get(baseAddress(r.address));
    if (f) m.flowLogs = { value: true, known: true, range: f.block.range };
    else if (unplaced) m.flowLogs = { value: undefined, known: false, range: unplaced.block.range };
    return m;
  });
}

function subnet(r: TfResource): Subnet {
  const m: Subnet = base(r, "aws.ec2.Subnet");
  const map = boolOf(r.block.attrs.get("map_public_ip_on_launch"));
  if (map) m.mapPublicIpOnLaunch = map;
  return m;
}

export const awsComputeNetMappers: readonly TfMapper[] = [
  ruleModels,
  (index) => index.ofType("aws_default_security_group").map(defaultGroup),
  networkAcls,
  vpcs,
  (index) => index.ofType("aws_subnet").map(subnet),
];
