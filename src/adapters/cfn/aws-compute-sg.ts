// Security group rules as the compute checks need them (CloudFormation): inline rules and separate
// ingress/egress resources with their descriptions, and the groups a resource attaches by reference.
import type { SgRule } from "../../models/aws.js";
import type { AttachedGroup } from "../../models/aws-compute.js";
import type { IacNode } from "../../models/value.js";
import { entryOf } from "../tf/aws-compute-doc.js";
import type { SgRuleInfo } from "../tf/aws-compute-sg.js";
import type { CfnIndex, CfnResource } from "./types.js";
import { itemsOf, numberOf, prop, refTarget, stringOf, stringsOf } from "./util.js";

const SG = "AWS::EC2::SecurityGroup";

/** One rule: an inline `SecurityGroupIngress`/`Egress` entry, or a separate rule resource's properties. */
export function readRule(direction: SgRule["direction"], n: IacNode): SgRule {
  const get = (k: string) => entryOf(n, k);
  const out: SgRule = { direction, cidrs: [...stringsOf(get("CidrIp")), ...stringsOf(get("CidrIpv6"))], range: n.range };
  const from = numberOf(get("FromPort"));
  const to = numberOf(get("ToPort"));
  const protocol = stringOf(get("IpProtocol"));
  const description = stringOf(get("Description"));
  if (from) out.fromPort = from;
  if (to) out.toPort = to;
  if (protocol) out.protocol = protocol;
  if (description) out.description = description;
  return out;
}

function rule(direction: SgRule["direction"], n: IacNode, owner: string, group: string | undefined): SgRuleInfo {
  const out: SgRuleInfo = { ...readRule(direction, n), owner };
  if (group) out.group = group;
  return out;
}

/** The group a separate rule resource's GroupId refers to (`!Ref Sg`, `!GetAtt Sg.GroupId`). */
function groupOf(index: CfnIndex, r: CfnResource): string | undefined {
  return refTarget(index, prop(r, "GroupId"), SG)?.logicalId;
}

/** Every security group rule in the template; rules on a VPC's default group are left to the default-group model. */
export function allRules(index: CfnIndex): SgRuleInfo[] {
  const out: SgRuleInfo[] = [];
  for (const g of index.ofType(SG)) {
    for (const n of itemsOf(prop(g, "SecurityGroupIngress"))) out.push(rule("ingress", n, g.logicalId, g.logicalId));
    for (const n of itemsOf(prop(g, "SecurityGroupEgress"))) out.push(rule("egress", n, g.logicalId, g.logicalId));
  }
  for (const [type, direction] of [["AWS::EC2::SecurityGroupIngress", "ingress"], ["AWS::EC2::SecurityGroupEgress", "egress"]] as const) {
    for (const r of index.ofType(type)) {
      if (defaultGroupVpc(index, r)) continue;
      out.push(rule(direction, { t: "object", entries: r.properties, range: r.range }, r.logicalId, groupOf(index, r)));
    }
  }
  return out;
}

/** The VPC whose default security group a separate rule resource adds to (`!GetAtt Vpc.DefaultSecurityGroup`). */
export function defaultGroupVpc(index: CfnIndex, r: CfnResource): CfnResource | undefined {
  const g = prop(r, "GroupId");
  if (g?.t !== "unknown" || !g.ref?.endsWith(".DefaultSecurityGroup")) return undefined;
  return refTarget(index, g, "AWS::EC2::VPC");
}

export function rulesByGroup(rules: readonly SgRuleInfo[]): Map<string, SgRule[]> {
  const by = new Map<string, SgRule[]>();
  for (const r of rules) if (r.group) by.set(r.group, [...(by.get(r.group) ?? []), r]);
  return by;
}

/** The groups the values refer to, with their rules; groups not in the template are skipped. */
export function attachedGroups(values: readonly (IacNode | undefined)[], byGroup: ReadonlyMap<string, SgRule[]>, index: CfnIndex): AttachedGroup[] {
  const out: AttachedGroup[] = [];
  for (const v of values) {
    for (const item of itemsOf(v)) {
      const g = refTarget(index, item, SG);
      if (g) out.push({ group: g.logicalId, range: item.range, rules: byGroup.get(g.logicalId) ?? [] });
    }
  }
  return out;
}
