// CloudFormation onto VPC models: security group rules (for how they are written), rules added to
// a VPC's default security group, network ACLs with their entries, VPCs with the flow logs that
// refer to them, subnets.
import type { SgRule } from "../../models/aws.js";
import type { DefaultSecurityGroup, NaclEntry, NetworkAcl, SecurityGroupRule, Subnet, Vpc } from "../../models/aws-compute.js";
import type { Val } from "../../models/value.js";
import { entryOf } from "../tf/aws-compute-doc.js";
import { ruleSummary } from "../tf/aws-compute-sg.js";
import { allRules, defaultGroupVpc } from "./aws-compute-sg.js";
import type { CfnIndex, CfnMapper, CfnResource } from "./types.js";
import { base, boolOf, numberOf, prop, refTarget, stringOf, stringsOf } from "./util.js";

function ruleModels(index: CfnIndex): SecurityGroupRule[] {
  return allRules(index).map((r) => {
    const m: SecurityGroupRule = { modelType: "aws.ec2.SecurityGroupRule", address: r.owner, range: r.range, direction: r.direction, summary: ruleSummary(r) };
    if (r.group) m.group = r.group;
    if (r.description) m.description = r.description;
    return m;
  });
}

function defaultGroups(index: CfnIndex): DefaultSecurityGroup[] {
  const by = new Map<string, SgRule[]>();
  for (const [type, direction] of [["AWS::EC2::SecurityGroupIngress", "ingress"], ["AWS::EC2::SecurityGroupEgress", "egress"]] as const) {
    for (const r of index.ofType(type)) {
      const vpc = defaultGroupVpc(index, r);
      if (!vpc) continue;
      const rule: SgRule = { direction, cidrs: [...stringsOf(prop(r, "CidrIp")), ...stringsOf(prop(r, "CidrIpv6"))], range: r.range };
      by.set(vpc.logicalId, [...(by.get(vpc.logicalId) ?? []), rule]);
    }
  }
  // Named the way the template reaches it: `Vpc.DefaultSecurityGroup`.
  return index.ofType("AWS::EC2::VPC").map((v) => ({ ...base(v, "aws.ec2.DefaultSecurityGroup"), address: `${v.logicalId}.DefaultSecurityGroup`, rules: by.get(v.logicalId) ?? [] }));
}

function entry(r: CfnResource): NaclEntry | undefined {
  const egress = boolOf(prop(r, "Egress"));
  if (egress && !egress.known) return undefined;
  const e: NaclEntry = { egress: egress?.value === true, cidrs: [...stringsOf(prop(r, "CidrBlock")), ...stringsOf(prop(r, "Ipv6CidrBlock"))], range: r.range };
  const ports = prop(r, "PortRange");
  const fields: [keyof NaclEntry, Val<unknown> | undefined][] = [
    ["ruleNumber", numberOf(prop(r, "RuleNumber"))],
    ["action", stringOf(prop(r, "RuleAction"))],
    ["protocol", stringOf(prop(r, "Protocol"))],
    ["fromPort", numberOf(entryOf(ports, "From"))],
    ["toPort", numberOf(entryOf(ports, "To"))],
  ];
  for (const [k, v] of fields) if (v) Object.assign(e, { [k]: v });
  return e;
}

function networkAcls(index: CfnIndex): NetworkAcl[] {
  const by = new Map<string, NaclEntry[]>();
  const loose: NetworkAcl[] = [];
  for (const r of index.ofType("AWS::EC2::NetworkAclEntry")) {
    const e = entry(r);
    if (!e) continue;
    const acl = refTarget(index, prop(r, "NetworkAclId"), "AWS::EC2::NetworkAcl");
    if (acl) by.set(acl.logicalId, [...(by.get(acl.logicalId) ?? []), e]);
    else loose.push({ ...base(r, "aws.ec2.NetworkAcl"), entries: [e], complete: false });
  }
  const acls = index.ofType("AWS::EC2::NetworkAcl").map((a): NetworkAcl => ({ ...base(a, "aws.ec2.NetworkAcl"), entries: by.get(a.logicalId) ?? [], complete: true }));
  return [...acls, ...loose];
}

function vpcs(index: CfnIndex): Vpc[] {
  const logged = new Map<string, CfnResource>();
  let unplaced: CfnResource | undefined;
  for (const f of index.ofType("AWS::EC2::FlowLog")) {
    const type = stringOf(prop(f, "ResourceType"));
    if (type?.known && type.value !== "VPC") continue;
    const vpc = refTarget(index, prop(f, "ResourceId"), "AWS::EC2::VPC");
    if (vpc) logged.set(vpc.logicalId, f);
    else unplaced ??= f;
  }
  return index.ofType("AWS::EC2::VPC").map((r) => {
    const m: Vpc = base(r, "aws.ec2.Vpc");
    const f = logged.get(r.logicalId);
    if (f) m.flowLogs = { value: true, known: true, range: f.range };
    else if (unplaced) m.flowLogs = { value: undefined, known: false, range: unplaced.range };
    return m;
  });
}

function subnet(r: CfnResource): Subnet {
  const m: Subnet = base(r, "aws.ec2.Subnet");
  const map = boolOf(prop(r, "MapPublicIpOnLaunch"));
  if (map) m.mapPublicIpOnLaunch = map;
  return m;
}

export const awsComputeNetMappers: readonly CfnMapper[] = [
  ruleModels,
  (index) => defaultGroups(index).filter((g) => g.rules.length > 0),
  networkAcls,
  vpcs,
  (index) => index.ofType("AWS::EC2::Subnet").map(subnet),
];
