// CloudFormation onto EC2 launch settings (instances, launch templates, Auto Scaling launch
// configurations) and onto the security groups each of them, and each load balancer, attaches.
import type { AttachedGroup, BlockDevice, Ec2Instance, LaunchConfiguration, LaunchSettings, LaunchTemplate, NetworkAttachment } from "../../models/aws-compute.js";
import type { IacNode, Val } from "../../models/value.js";
import { entryOf, userDataText } from "../tf/aws-compute-doc.js";
import { attachedGroups, allRules, rulesByGroup } from "./aws-compute-sg.js";
import type { CfnIndex, CfnMapper, CfnResource } from "./types.js";
import { base, boolOf, itemsOf, prop, refTarget, stringOf } from "./util.js";

/** Reads launch settings from an object (the resource's properties, or LaunchTemplateData). */
function settings(data: IacNode | undefined, nics: "NetworkInterfaces" | "none"): LaunchSettings {
  const s: LaunchSettings = { volumes: [] };
  const md = entryOf(data, "MetadataOptions");
  if (md) {
    s.metadataRange = md.range;
    const tokens = stringOf(entryOf(md, "HttpTokens"));
    const endpoint = stringOf(entryOf(md, "HttpEndpoint"));
    if (tokens) s.httpTokens = tokens;
    if (endpoint) s.httpEndpoint = endpoint;
  }
  const pubs = nics === "none" ? [] : itemsOf(entryOf(data, nics)).map((n) => boolOf(entryOf(n, "AssociatePublicIpAddress"))).filter((v): v is Val<boolean> => v !== undefined);
  const own = boolOf(entryOf(data, "AssociatePublicIpAddress"));
  const pub = own ?? pubs.find((v) => v.value === true) ?? pubs[0];
  if (pub) s.associatePublicIp = pub;
  for (const m of itemsOf(entryOf(data, "BlockDeviceMappings"))) {
    const ebs = entryOf(m, "Ebs");
    if (!ebs) continue;
    const d: BlockDevice = { name: stringOf(entryOf(m, "DeviceName"))?.value ?? "ebs", fromSnapshot: entryOf(ebs, "SnapshotId") !== undefined, range: m.range };
    const enc = boolOf(entryOf(ebs, "Encrypted"));
    if (enc) d.encrypted = enc;
    s.volumes.push(d);
  }
  // CloudFormation takes user data base64 encoded (Fn::Base64 is worked out to its encoding).
  const userData = userDataText(stringOf(entryOf(data, "UserData")), true);
  if (userData) s.userData = userData;
  return s;
}

function propsOf(r: CfnResource): IacNode {
  return { t: "object", entries: r.properties, range: r.range };
}

function instance(r: CfnResource): Ec2Instance {
  const m: Ec2Instance = { ...base(r, "aws.ec2.Instance"), ...settings(propsOf(r), "NetworkInterfaces") };
  const template = prop(r, "LaunchTemplate");
  if (template && !m.metadataRange) m.httpTokens = { value: undefined, known: false, range: template.range };
  const monitoring = boolOf(prop(r, "Monitoring"));
  if (monitoring) m.monitoring = monitoring;
  return m;
}

function launchTemplate(r: CfnResource): LaunchTemplate {
  return { ...base(r, "aws.ec2.LaunchTemplate"), ...settings(prop(r, "LaunchTemplateData"), "NetworkInterfaces") };
}

function launchConfiguration(r: CfnResource): LaunchConfiguration {
  return { ...base(r, "aws.autoscaling.LaunchConfiguration"), ...settings(propsOf(r), "none") };
}

function unknownAt(n: { range: NetworkAttachment["range"] }): Val<boolean> {
  return { value: undefined, known: false, range: n.range };
}

/** Whether an instance gets a public address: its own setting, else its subnet's, else the default subnet's (yes). */
function instancePublic(r: CfnResource, index: CfnIndex): Val<boolean> {
  const nics = itemsOf(prop(r, "NetworkInterfaces"));
  const own = nics.map((n) => boolOf(entryOf(n, "AssociatePublicIpAddress"))).find((v) => v !== undefined);
  if (own) return own;
  const subnetRef = prop(r, "SubnetId") ?? nics.map((n) => entryOf(n, "SubnetId")).find((v) => v !== undefined);
  if (!subnetRef) return nics.length > 0 ? unknownAt(r) : { value: true, known: true, range: r.range };
  const subnet = refTarget(index, subnetRef, "AWS::EC2::Subnet");
  if (!subnet) return unknownAt(subnetRef);
  return boolOf(prop(subnet, "MapPublicIpOnLaunch")) ?? { value: false, known: true, range: subnet.range };
}

function attachments(index: CfnIndex): NetworkAttachment[] {
  const byGroup = rulesByGroup(allRules(index));
  const make = (r: CfnResource, kind: string, groups: AttachedGroup[], publicAddress: Val<boolean>): NetworkAttachment => ({
    ...base(r, "aws.ec2.NetworkAttachment"),
    kind,
    groups,
    publicAddress,
  });
  const out: NetworkAttachment[] = [];
  for (const r of index.ofType("AWS::EC2::Instance")) {
    const nicGroups = itemsOf(prop(r, "NetworkInterfaces")).map((n) => entryOf(n, "GroupSet"));
    out.push(make(r, "instance", attachedGroups([prop(r, "SecurityGroupIds"), prop(r, "SecurityGroups"), ...nicGroups], byGroup, index), instancePublic(r, index)));
  }
  for (const r of index.ofType("AWS::EC2::LaunchTemplate")) {
    const data = prop(r, "LaunchTemplateData");
    const nics = itemsOf(entryOf(data, "NetworkInterfaces"));
    const pub = nics.map((n) => boolOf(entryOf(n, "AssociatePublicIpAddress"))).find((v) => v !== undefined) ?? unknownAt(r);
    const values = [entryOf(data, "SecurityGroupIds"), entryOf(data, "SecurityGroups"), ...nics.map((n) => entryOf(n, "Groups"))];
    out.push(make(r, "launch template", attachedGroups(values, byGroup, index), pub));
  }
  for (const r of index.ofType("AWS::AutoScaling::LaunchConfiguration")) {
    const pub = boolOf(prop(r, "AssociatePublicIpAddress")) ?? unknownAt(r);
    out.push(make(r, "launch configuration", attachedGroups([prop(r, "SecurityGroups")], byGroup, index), pub));
  }
  for (const r of index.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
    const scheme = stringOf(prop(r, "Scheme"));
    const pub: Val<boolean> = scheme ? { ...scheme, value: scheme.known ? scheme.value !== "internal" : undefined } : { value: true, known: true, range: r.range };
    out.push(make(r, "load balancer", attachedGroups([prop(r, "SecurityGroups")], byGroup, index), pub));
  }
  return out.filter((a) => a.groups.length > 0);
}

export const awsComputeEc2Mappers: readonly CfnMapper[] = [
  (index) => index.ofType("AWS::EC2::Instance").map(instance),
  (index) => index.ofType("AWS::EC2::LaunchTemplate").map(launchTemplate),
  (index) => index.ofType("AWS::AutoScaling::LaunchConfiguration").map(launchConfiguration),
  attachments,
];
